"""Money, rates and shares on mission pages: the shared formats of home/formats.py, by the
filter names the templates use ("$1.234.568" / "CLP 1,234,568", "37,5%" / "37.5%")."""

from django import template
from wagtail.models import Locale

from home.formats import format_clp, format_count, format_money, format_rate, format_share

from ..models import MissionIndexPage, MissionPage

register = template.Library()
register.filter("clp", format_clp)
register.filter("money", format_money)
register.filter("rate", format_rate)
register.filter("share", format_share)
register.filter("count", format_count)


@register.inclusion_tag("missions/includes/latest_missions.html", takes_context=True)
def latest_missions(context, count=3):
    """The reader's language's latest published missions with their figures (home page)."""
    try:
        locale = Locale.get_active()
    except Locale.DoesNotExist:
        return {"missions": [], "request": context.get("request")}
    missions = list(
        MissionPage.objects.live()
        .public()
        .filter(locale=locale)
        .not_withdrawn()
        .order_by("-start_date", "-pk")
        .with_totals()
        .prefetch_related("destinations")[: int(count)]
    )
    index = MissionIndexPage.objects.live().filter(locale=locale).first()
    return {"missions": missions, "mission_index": index, "request": context.get("request")}
