"""Mission figures for readers: money formatting and the home page's key figures."""

from decimal import Decimal

from babel.numbers import format_currency
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from home import figures as home_figures

from .models import MissionIndexPage, MissionPage

# The municipality is Chilean: Spanish readers see "$1.234.568", English ones "CLP1,234,568".
BABEL_LOCALES = {"es": "es_CL"}


def babel_locale(language_code=None):
    language = (language_code or translation.get_language() or "es").split("-")[0]
    return BABEL_LOCALES.get(language, language)


def format_clp(value, language_code=None):
    """A CLP amount formatted for the reader's language (the active one unless given)."""
    if value is None:
        return ""
    return format_currency(Decimal(value), "CLP", locale=babel_locale(language_code))


@home_figures.register
def mission_figures(locale, year):
    """This year's missions (by start date, withdrawn ones left out) for the home page."""
    missions = MissionPage.objects.live().public().filter(locale=locale).not_withdrawn()
    totals = missions.in_year(year).totals()
    index = MissionIndexPage.objects.live().filter(locale=locale).first()
    url = index.url if index else ""
    language = locale.language_code
    return [
        {"label": _("Missions"), "value": totals["count"], "kind": "count", "url": url},
        {
            "label": _("Total cost"),
            "value": format_clp(totals["total_cost_clp"], language),
            "amount": totals["total_cost_clp"],
            "kind": "money",
            "url": url,
        },
        {
            "label": _("Cost to the municipality"),
            "value": format_clp(totals["municipal_cost_clp"], language),
            "amount": totals["municipal_cost_clp"],
            "kind": "money",
            "url": url,
        },
        {
            "label": _("Results achieved"),
            "value": totals["results_achieved"],
            "kind": "count",
            "url": url,
        },
    ]
