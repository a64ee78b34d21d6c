"""Money, rates and shares formatted for the reader's language on mission pages."""

from decimal import Decimal, InvalidOperation

from babel.numbers import format_currency, format_decimal, format_percent
from django import template
from django.utils import timezone

from ..figures import babel_locale, format_clp

register = template.Library()


def _decimal(value):
    if value in (None, ""):
        return None
    try:
        return Decimal(value)
    except (InvalidOperation, TypeError, ValueError):
        return None


@register.filter
def clp(value):
    """A CLP amount: "$1.234.568" in Spanish, "CLP1,234,568" in English."""
    amount = _decimal(value)
    return "" if amount is None else format_clp(amount)


@register.filter
def money(value, currency):
    """An amount in its own currency, as written in the reader's language ("US$1,200.00")."""
    amount = _decimal(value)
    if amount is None:
        return ""
    if (currency or "").upper() == "CLP":
        return format_clp(amount)
    return format_currency(amount, currency, locale=babel_locale())


@register.filter
def rate(value):
    """An exchange rate with the decimals it has (up to six), grouped for the reader."""
    number = _decimal(value)
    if number is None:
        return ""
    return format_decimal(number, format="#,##0.######", locale=babel_locale())


@register.filter
def share(value):
    """A fraction as a percentage with one decimal at most ("37,5 %" / "37.5%")."""
    number = _decimal(value)
    if number is None:
        return ""
    return format_percent(number, format="#,##0.#%", locale=babel_locale())


@register.filter
def count(value):
    """A whole number grouped for the reader ("1.234" / "1,234")."""
    number = _decimal(value)
    return "" if number is None else format_decimal(number, locale=babel_locale())


@register.inclusion_tag("missions/includes/latest_missions.html", takes_context=True)
def latest_missions(context, count=3):
    """The reader's language's latest published missions with their figures (home page).

    Trips that ended or are under way come first, most recent first: they are the ones with
    costs and results to show. Upcoming trips fill the remaining places, soonest first, and
    carry ``is_upcoming`` so the card says so.
    """
    from wagtail.models import Locale

    from ..models import MissionIndexPage, MissionPage

    try:
        locale = Locale.get_active()
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
    index = MissionIndexPage.objects.live().filter(locale=locale).first()
    return {"missions": missions, "mission_index": index, "request": context.get("request")}
