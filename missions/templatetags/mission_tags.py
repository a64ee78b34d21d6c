"""Money, rates and shares formatted for the reader's language on mission pages."""

from decimal import Decimal, InvalidOperation

from babel.numbers import format_currency, format_decimal, format_percent
from django import template
from wagtail.models import Locale

from ..figures import babel_locale, format_clp
from ..models import MissionIndexPage, MissionPage

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
