"""The home page's "standards met" figure: this year's share of measured periods that met the
target, over the live standards of the reader's language (the same computation as their pages)."""

from django.utils.translation import gettext_lazy as _

from home import figures as home_figures
from home.formats import format_share
from home.pages import index_page

from .choices import Status
from .models import StandardIndexPage, StandardPage


def year_compliance(standards, year):
    """(met, measured) over the periods of ``year`` (by their end) that have a measurement."""
    met = measured = 0
    for standard in standards:
        for period, _row, status in standard.history():
            if period.end.year == year and status != Status.NO_DATA:
                measured += 1
                met += status == Status.MET
    return met, measured


@home_figures.register
def standard_figures(locale, year):
    standards = StandardPage.objects.live().public().filter(locale=locale).with_history()
    met, measured = year_compliance(standards, year)
    if not measured:
        return []
    index = index_page(StandardIndexPage, locale)
    return [
        {
            "label": _("Service standards met"),
            "value": format_share(met / measured, locale.language_code),
            "share": met / measured,
            "kind": "share",
            "url": index.url if index else "",
        }
    ]
