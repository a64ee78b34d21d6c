"""The missions' open-data columns, defined once with home.opendata's Column and Resource: the
CSV header, the JSON keys, the data dictionary page and the Frictionless Table Schemas are all
derived from ``RESOURCES``.

Identifiers: ``mission_id`` is the mission page's wagtail-localize ``translation_key``, a UUID
shared by the Spanish record and its English translation and kept through every edit (the page
id differs between languages and databases; the slug is translated and editable). Cost lines
and results are identified the same way by their own translation keys.
"""

from django.utils.translation import gettext_lazy as _

from home.opendata.schema import BOOLEAN, DATE, DATETIME, INTEGER, NUMBER, STRING, Column, Resource

from ..models import (
    AuthorizationActType,
    CostCategory,
    MissionType,
    Payer,
    ReportStatus,
    ResultKind,
    ResultStatus,
)

# Bumped whenever columns change, so that cached copies (ETag) are refreshed.
# 2: results gained practice_url; report_status gained "withdrawn".
# 3: missions gained travel_legs, travel_distance_km and the emissions estimates.
SCHEMA_VERSION = "3"
CLP = _("Chilean pesos (CLP)")
KG = _("kilograms of CO2 equivalent")


MISSION_ID = Column(
    "mission_id",
    STRING,
    _(
        "Stable identifier of the mission: the same in Spanish and English and across edits. "
        "Joins the three files."
    ),
    format="uuid",
    required=True,
)

MISSIONS = Resource(
    name="missions",
    slug="missions",
    title=_("Missions"),
    description=_("One row per official trip abroad, with its derived figures."),
    primary_key="mission_id",
    columns=(
        MISSION_ID,
        Column("language", STRING, _("Language of the record's text (es or en)."), required=True),
        Column("title", STRING, _("Title of the mission."), required=True),
        Column("url", STRING, _("Address of the mission's public page."), format="uri"),
        Column("start_date", DATE, _("The day the delegation left."), required=True),
        Column("end_date", DATE, _("The day the delegation returned."), required=True),
        Column(
            "days_abroad",
            INTEGER,
            _("End date minus start date plus one."),
            unit=_("days"),
            minimum=1,
        ),
        Column("mission_type", STRING, _("Type of mission."), choices=MissionType),
        Column("purpose", STRING, _("What the city went to do and why.")),
        Column(
            "destinations",
            STRING,
            _("Cities visited with their ISO 3166 country code, separated by “; ”."),
        ),
        Column(
            "countries",
            STRING,
            _("ISO 3166-1 alpha-2 codes of the countries visited, separated by “; ”."),
        ),
        Column("delegation", STRING, _("Names of the people who travelled, separated by “; ”.")),
        Column(
            "objectives",
            STRING,
            _("Codes of the city plan's strategic objectives served, separated by “; ”."),
        ),
        Column(
            "total_cost_clp",
            NUMBER,
            _("Sum of all cost lines, converted at each line's exchange rate."),
            unit=CLP,
            minimum=0,
        ),
        Column(
            "municipal_cost_clp",
            NUMBER,
            _("Part of the total paid by the municipality."),
            unit=CLP,
            minimum=0,
        ),
        Column(
            "others_cost_clp",
            NUMBER,
            _("Part of the total paid by anyone else (hosts, partners, national government…)."),
            unit=CLP,
            minimum=0,
        ),
        Column(
            "cost_per_day_clp",
            NUMBER,
            _("Total cost divided by days abroad."),
            unit=CLP,
            minimum=0,
        ),
        Column(
            "no_municipal_cost",
            BOOLEAN,
            _("The office states that the municipality paid nothing for this mission."),
        ),
        Column("results_count", INTEGER, _("Number of results recorded."), minimum=0),
        Column("results_achieved", INTEGER, _("Number of results achieved."), minimum=0),
        Column(
            "value_obtained_clp",
            NUMBER,
            _("Sum of the values of the achieved results."),
            unit=CLP,
            minimum=0,
        ),
        Column(
            "travel_legs", INTEGER, _("Number of travel legs recorded (travel_legs)."), minimum=0
        ),
        Column(
            "travel_distance_km",
            NUMBER,
            _(
                "Sum of its travel legs' one-way distances, twice for a return journey (great "
                "circle between the airports for flights, without the uplift): the route, not "
                "multiplied by travellers. Empty when no leg is recorded."
            ),
            unit="km",
            minimum=0,
        ),
        Column(
            "emissions_kg_co2e",
            NUMBER,
            _(
                "Estimated emissions of its travel, with radiative forcing (the sum of its legs; "
                "see the carbon methodology page). Empty when no leg is recorded or one could "
                "not be estimated."
            ),
            unit=KG,
            minimum=0,
        ),
        Column(
            "emissions_kg_co2e_without_rf",
            NUMBER,
            _("The same estimate without the radiative-forcing effect."),
            unit=KG,
            minimum=0,
        ),
        Column("report_status", STRING, _("Where the trip report stands."), choices=ReportStatus),
        Column("report_date", DATE, _("Date of the trip report, when submitted.")),
        Column(
            "authorization_act_type",
            STRING,
            _("Kind of act that authorized the trip (empty if not recorded)."),
            choices=AuthorizationActType,
        ),
        Column("authorization_number", STRING, _("Number of the authorizing act.")),
        Column("authorization_date", DATE, _("Date of the authorizing act.")),
        Column(
            "withdrawn",
            BOOLEAN,
            _(
                "The record was withdrawn (it stays public with its reason). Withdrawn missions "
                "are not counted in the totals shown on the site."
            ),
            required=True,
        ),
        Column("withdrawn_on", DATE, _("Date of withdrawal.")),
        Column("withdrawal_reason", STRING, _("Public reason for the withdrawal.")),
        Column(
            "first_published_at",
            DATETIME,
            _("When the record was first published."),
        ),
        Column(
            "last_published_at",
            DATETIME,
            _("When the record was last published (a correction or an update)."),
        ),
    ),
)

COST_LINES = Resource(
    name="cost_lines",
    slug="cost-lines",
    title=_("Cost lines"),
    description=_("One row per expense of a mission: what it was, how much, and who paid."),
    primary_key="cost_line_id",
    foreign_keys=(("mission_id", "missions", "mission_id"),),
    columns=(
        Column(
            "cost_line_id",
            STRING,
            _("Stable identifier of the cost line (the same in both languages)."),
            format="uuid",
            required=True,
        ),
        MISSION_ID,
        Column("category", STRING, _("Kind of expense."), choices=CostCategory),
        Column("description", STRING, _("What the expense was.")),
        Column(
            "amount",
            NUMBER,
            _("Amount in the original currency, as on the invoice or receipt."),
            unit=_("the currency in the currency column"),
            minimum=0,
        ),
        Column("currency", STRING, _("ISO 4217 code of the amount's currency."), unit="ISO 4217"),
        Column(
            "exchange_rate",
            NUMBER,
            _("Chilean pesos for one unit of the currency on the payment date (1 for CLP)."),
            unit=_("CLP per unit of currency"),
            minimum=0,
        ),
        Column(
            "amount_clp",
            NUMBER,
            _("Amount times exchange rate, rounded to the cent."),
            unit=CLP,
            minimum=0,
        ),
        Column("paid_by", STRING, _("Who paid."), choices=Payer),
        Column(
            "paying_organization",
            STRING,
            _("Name of the organization that paid, when not the municipality."),
        ),
    ),
)

RESULTS = Resource(
    name="results",
    slug="results",
    title=_("Results"),
    description=_("One row per result of a mission: what came of it, its status and value."),
    primary_key="result_id",
    foreign_keys=(("mission_id", "missions", "mission_id"),),
    columns=(
        Column(
            "result_id",
            STRING,
            _("Stable identifier of the result (the same in both languages)."),
            format="uuid",
            required=True,
        ),
        MISSION_ID,
        Column("kind", STRING, _("Kind of result."), choices=ResultKind),
        Column("description", STRING, _("What the result is.")),
        Column("status", STRING, _("Where the result stands."), choices=ResultStatus),
        Column(
            "value_clp",
            NUMBER,
            _("Money value of the result, when it has one (funding, investment…)."),
            unit=CLP,
            minimum=0,
        ),
        Column("expected_date", DATE, _("When the result is expected.")),
        Column("achieved_date", DATE, _("When the result was achieved.")),
        Column("evidence_url", STRING, _("Link to the evidence."), format="uri"),
        Column(
            "practice",
            STRING,
            _(
                "Title of the good practice the result concerns, in the file's language when "
                "the practice is translated."
            ),
        ),
        Column(
            "practice_url",
            STRING,
            _("Address of that practice's page, in the file's language when translated."),
            format="uri",
        ),
        Column("organizations", STRING, _("Organizations involved, separated by “; ”.")),
        Column("follow_ups_count", INTEGER, _("Number of dated follow-up notes."), minimum=0),
        Column("last_follow_up_date", DATE, _("Date of the latest follow-up note.")),
    ),
)

RESOURCES = {resource.slug: resource for resource in (MISSIONS, COST_LINES, RESULTS)}
