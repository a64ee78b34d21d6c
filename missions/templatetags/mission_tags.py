"""Money, rates and shares on mission pages: the shared formats of home/formats.py, by the
filter names the templates use ("$1.234.568" / "CLP 1,234,568", "37,5%" / "37.5%")."""

from django import template
from django.utils import timezone
from wagtail.models import Locale

from home.formats import (
    format_clp,
    format_count,
    format_money,
    format_number,
    format_rate,
    format_share,
)
from home.pages import active_locale, index_page

from ..models import MissionIndexPage, MissionPage

register = template.Library()
register.filter("clp", format_clp)
register.filter("money", format_money)
register.filter("rate", format_rate)
register.filter("share", format_share)
register.filter("count", format_count)
register.filter("number", format_number)


@register.inclusion_tag("missions/includes/latest_missions.html", takes_context=True)
def latest_missions(context, count=3):
    """The reader's language's latest published missions with their figures (home page).

    Trips that ended or are under way come first, most recent first: they are the ones with
    costs and results to show. Upcoming trips fill the remaining places, soonest first, and
    carry ``is_upcoming`` so the card says so.
    """
    try:
        locale = active_locale()
    except Locale.DoesNotExist:
        return {"missions": [], "request": context.get("request")}
    count, today = int(count), timezone.localdate()
    standing = (
        MissionPage.objects.live()
        .public()
        .filter(locale=locale)
        .not_withdrawn()
        .with_totals()
        .prefetch_related("destinations")
    )
    missions = list(standing.filter(start_date__lte=today).order_by("-start_date", "-pk")[:count])
    if len(missions) < count:
        upcoming = standing.filter(start_date__gt=today).order_by("start_date", "pk")
        for mission in upcoming[: count - len(missions)]:
            mission.is_upcoming = True
            missions.append(mission)
    index = index_page(MissionIndexPage, locale)
    return {"missions": missions, "mission_index": index, "request": context.get("request")}
