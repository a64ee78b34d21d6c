"""The sheets of a missions workbook and their columns, joined by ``mission_ref``.

Each column has a key (the model field it fills), a label in the editor's language (the
header the template writes) and a kind (how its cells are read). Headers are matched by key or
by label in any site language, so a workbook made in the Spanish admin imports in the English one.
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from missions.models.choices import (
    AuthorizationActType,
    CostCategory,
    MissionType,
    Payer,
    ResultKind,
    ResultStatus,
)


@dataclass(frozen=True)
class Col:
    key: str
    label: str
    kind: str = "text"  # text, date, decimal, bool, choice, country, currency, person, organization, objectives
    required: bool = False
    choices: type | None = None
    help: str = ""


REF = Col(
    "mission_ref",
    _("mission reference"),
    required=True,
    help=_(
        "The same short code (letters, digits, hyphens) on every sheet's rows of one mission; it becomes the address of the mission."
    ),
)

SHEETS = {
    "missions": (
        _("missions"),
        [
            REF,
            Col("title", _("title"), required=True),
            Col("start_date", _("start date"), "date", True, help=_("A date cell, or YYYY-MM-DD.")),
            Col("end_date", _("end date"), "date", True),
            Col("mission_type", _("type"), "choice", True, MissionType),
            Col("purpose", _("purpose"), required=True),
            Col(
                "objectives",
                _("strategic objectives"),
                "objectives",
                help=_("Codes or titles, separated by “;”."),
            ),
            Col(
                "no_municipal_cost", _("no cost to the municipality"), "bool", help=_("yes or no.")
            ),
            Col(
                "authorization_act_type",
                _("authorization act"),
                "choice",
                choices=AuthorizationActType,
            ),
            Col("authorization_number", _("act number")),
            Col("authorization_date", _("act date"), "date"),
            Col(
                "correction_note",
                _("correction note"),
                help=_("Required when the row changes the figures of a published mission."),
            ),
        ],
    ),
    "destinations": (
        _("destinations"),
        [
            REF,
            Col("city", _("city"), required=True),
            Col("country", _("country"), "country", True, help=_("ISO 3166 code, e.g. AR.")),
        ],
    ),
    "delegation": (
        _("delegation"),
        [
            REF,
            Col("person", _("person"), "person", True, help=_("Name as in Directory › People.")),
            Col("role", _("role")),
        ],
    ),
    "agenda": (
        _("agenda"),
        [
            REF,
            Col("date", _("date"), "date", True),
            Col(
                "organization",
                _("organization"),
                "organization",
                help=_("Name or acronym as in Directory › Organizations."),
            ),
            Col("subject", _("subject"), required=True),
        ],
    ),
    "cost_lines": (
        _("cost lines"),
        [
            REF,
            Col("category", _("category"), "choice", True, CostCategory),
            Col("description", _("description")),
            Col("amount", _("amount"), "decimal", True),
            Col(
                "currency", _("currency"), "currency", True, help=_("ISO 4217 code, e.g. CLP, USD.")
            ),
            Col(
                "exchange_rate",
                _("exchange rate to CLP"),
                "decimal",
                help=_("Required when the currency is not CLP."),
            ),
            Col("payer", _("paid by"), "choice", True, Payer),
            Col("paying_organization", _("paying organization"), "organization"),
        ],
    ),
    "results": (
        _("results"),
        [
            REF,
            Col("kind", _("kind"), "choice", True, ResultKind),
            Col("description", _("description"), required=True),
            Col("value_clp", _("value in CLP"), "decimal"),
            Col("status", _("status"), "choice", True, ResultStatus),
            Col("expected_date", _("expected by"), "date"),
            Col("achieved_date", _("achieved on"), "date"),
        ],
    ),
}


def sheet_label(key):
    return str(SHEETS[key][0])


def _names(text):
    names = set()
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            names.add(str(text).strip().casefold())
    return names


def match_sheet(name):
    """The sheet key a workbook sheet (or CSV file) name stands for, or None."""
    wanted = (name or "").strip().casefold().replace(".csv", "")
    for key, (label, _cols) in SHEETS.items():
        if wanted == key or wanted in _names(label):
            return key
    return None


def match_column(sheet, header):
    wanted = str(header or "").strip().casefold()
    for col in SHEETS[sheet][1]:
        if wanted == col.key or wanted in _names(col.label):
            return col
    return None
