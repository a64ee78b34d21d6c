"""This year's mission figures on the home page (money formatted by home/formats.py)."""

from django.utils.translation import gettext_lazy as _

from home import figures as home_figures
from home.formats import format_clp
from home.pages import index_page

from .models import MissionIndexPage, MissionPage


@home_figures.register
def mission_figures(locale, year):
    """This year's missions (by start date, withdrawn ones left out) for the home page."""
    missions = MissionPage.objects.live().public().filter(locale=locale).not_withdrawn()
    totals = missions.in_year(year).totals()
    index = index_page(MissionIndexPage, locale)
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
