"""The return's open-data tables: objectives, city projects, project needs, travel legs and months.

Identifiers are stable across languages and edits (translation keys): ``objective_id`` and
``need_id`` here, ``mission_id`` and ``result_id`` as in the missions dataset, so the tables
join with it.
"""

from django.utils.translation import gettext_lazy as _

from home.opendata.schema import BOOLEAN, DATE, INTEGER, NUMBER, STRING, Column, Resource

from ..models import CabinClass, Haul, NeedKind, NeedState, ProjectStatus, TravelMode

CLP = _("Chilean pesos (CLP)")
KG = _("kilograms of CO2 equivalent")


def identifier(name, what):
    return Column(name, STRING, what, format="uuid", required=True)


OBJECTIVE_ID = identifier(
    "objective_id", _("Stable identifier of the strategic objective, the same in both languages.")
)

OBJECTIVES = Resource(
    name="objectives",
    slug="objectives",
    title=_("Strategic objectives"),
    description=_("One row per city objective: what the missions that served it cost and brought."),
    primary_key="objective_id",
    columns=(
        OBJECTIVE_ID,
        Column("code", STRING, _("The objective's number in the city plan.")),
        Column("title", STRING, _("The objective, in the file's language.")),
        Column("missions", INTEGER, _("Published, standing missions that served it."), minimum=0),
        Column("total_cost_clp", NUMBER, _("Their total cost."), unit=CLP),
        Column("municipal_cost_clp", NUMBER, _("Their cost to the municipality."), unit=CLP),
        Column("results_achieved", INTEGER, _("Their achieved results."), minimum=0),
        Column("value_obtained_clp", NUMBER, _("Value of their achieved results."), unit=CLP),
        Column(
            "value_per_municipal_peso",
            NUMBER,
            _(
                "Value obtained divided by municipal cost; empty when the municipality paid nothing."
            ),
        ),
        Column("emissions_kg_co2e", NUMBER, _("Estimated emissions of their travel."), unit=KG),
    ),
)

PROJECT_ID = identifier("project_id", _("Stable identifier of the project."))

PROJECTS = Resource(
    name="city_projects",
    slug="projects",
    title=_("City projects"),
    description=_(
        "One row per city project, with or without needs from abroad, and how many of its "
        "needs are met."
    ),
    primary_key="project_id",
    foreign_keys=(("objective_id", "objectives", "objective_id"),),
    columns=(
        PROJECT_ID,
        Column("title", STRING, _("The project's title.")),
        Column("unit", STRING, _("The municipal unit in charge of the project.")),
        Column("status", STRING, _("The project's status."), choices=ProjectStatus),
        OBJECTIVE_ID,
        Column("needs", INTEGER, _("Its needs from abroad."), minimum=0),
        Column("needs_met", INTEGER, _("Of them, met."), minimum=0),
        Column("needs_partly_met", INTEGER, _("Of them, partly met."), minimum=0),
        Column("needs_open", INTEGER, _("Of them, still open."), minimum=0),
    ),
)

NEEDS = Resource(
    name="project_needs",
    slug="project-needs",
    title=_("City project needs"),
    description=_("One row per need of a city project, its state and the results that answer it."),
    primary_key="need_id",
    foreign_keys=(
        ("objective_id", "objectives", "objective_id"),
        ("project_id", "city_projects", "project_id"),
    ),
    columns=(
        identifier("need_id", _("Stable identifier of the need.")),
        PROJECT_ID,
        Column("project", STRING, _("The project's title.")),
        Column("project_status", STRING, _("The project's status."), choices=ProjectStatus),
        OBJECTIVE_ID,
        Column("kind", STRING, _("What is needed."), choices=NeedKind),
        Column("description", STRING, _("The need.")),
        Column("amount_clp", NUMBER, _("Amount sought, when it has one."), unit=CLP),
        Column("state", STRING, _("Open, partly met or met."), choices=NeedState),
        Column(
            "answering_result_ids",
            STRING,
            _(
                "result_id of the mission results that answer it (missions dataset), separated by “; ”."
            ),
        ),
        Column(
            "answering_agreement_ids",
            STRING,
            _(
                "agreement_id of the agreements that answer it (partners dataset), separated by "
                "“; ”."
            ),
        ),
        Column("project_unit", STRING, _("The municipal unit in charge of the project.")),
    ),
)

TRAVEL_LEGS = Resource(
    name="travel_legs",
    slug="travel-legs",
    title=_("Travel legs and their emissions"),
    description=_("One row per journey of a delegation, with its estimated emissions."),
    primary_key="leg_id",
    columns=(
        identifier("leg_id", _("Stable identifier of the leg.")),
        identifier("mission_id", _("The mission (missions dataset).")),
        Column("mode", STRING, _("How they travelled."), choices=TravelMode),
        Column("origin", STRING, _("From: IATA airport code for flights, else the city.")),
        Column("destination", STRING, _("To: IATA airport code for flights, else the city.")),
        Column("cabin_class", STRING, _("Cabin class (flights)."), choices=CabinClass),
        Column("travellers", INTEGER, _("Number of travellers."), minimum=1),
        Column("return_trip", BOOLEAN, _("Whether the journey was there and back.")),
        Column("distance_km", NUMBER, _("One-way distance (great circle for flights)."), unit="km"),
        Column("haul", STRING, _("Flight haul band."), choices=Haul),
        Column("emissions_kg_co2e", NUMBER, _("Estimate with radiative forcing."), unit=KG),
        Column(
            "emissions_kg_co2e_without_rf",
            NUMBER,
            _("Estimate without radiative forcing."),
            unit=KG,
        ),
        Column("factor_edition", INTEGER, _("Edition (year) of the DESNZ factors used.")),
    ),
)

MONTHS = Resource(
    name="travel_months",
    slug="months",
    title=_("Months: trips, no-trips statements or gaps"),
    description=_("One row per month since the first mission: missions, a statement, or missing."),
    primary_key="month",
    columns=(
        Column("month", STRING, _("The month (YYYY-MM)."), required=True),
        Column(
            "state",
            STRING,
            _("missions, statement, missing or not_over (month not ended)."),
            required=True,
        ),
        Column("missions", INTEGER, _("Missions abroad on any day of the month."), minimum=0),
        Column("statement_signed_by", STRING, _("Who signed the no-trips statement.")),
        Column("statement_signed_on", DATE, _("When it was signed.")),
    ),
)
