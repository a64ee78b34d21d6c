"""Mission figures for readers: money formatting, the home page's key figures, preview twins."""

from decimal import ROUND_HALF_UP, Decimal

from babel.numbers import format_currency
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from home import figures as home_figures

from .models.choices import Payer, ResultStatus
from .models.queryset import RESULT_COUNT_FIELDS, SHARE_PLACES

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


def _round(value, places):
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def compute_figures(page):
    """Python twin of MissionQuerySet.with_totals() for a mission whose rows are in memory
    (a preview of unsaved changes). Same names, same Decimal rounding as the SQL."""
    zero = Decimal("0.00")
    total = municipal = zero
    for line in page.cost_lines.all():
        amount = line.amount_in_clp
        if amount is None:
            continue
        total += amount
        if line.payer == Payer.MUNICIPALITY:
            municipal += amount
    others = total - municipal
    days = page.days_abroad
    if days is None and page.start_date and page.end_date:
        days = (page.end_date - page.start_date).days + 1
    results = list(page.results.all())
    counts = dict.fromkeys(RESULT_COUNT_FIELDS.values(), 0)
    value = zero
    for result in results:
        counts[RESULT_COUNT_FIELDS[result.status]] += 1
        if result.status == ResultStatus.ACHIEVED and result.value_clp is not None:
            value += result.value_clp
    return {
        "total_cost_clp": total,
        "municipal_cost_clp": municipal,
        "others_cost_clp": others,
        "others_share": _round(others / total, SHARE_PLACES) if total else None,
        "cost_per_day_clp": _round(total / days, 2) if days else None,
        "results_count": len(results),
        "value_obtained_clp": _round(value, 2),
        "days_abroad": days,
        **counts,
    }


@home_figures.register
def mission_figures(locale, year):
    """This year's missions (by start date, withdrawn ones left out) for the home page."""
    from .models import MissionIndexPage, MissionPage

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
