"""Numbers, money and structured data for practice pages, formatted for the reader's language."""

import json
from decimal import Decimal

from babel.numbers import format_currency, format_decimal
from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, ngettext

register = template.Library()

BABEL_LOCALES = {"es": "es_CL", "en": "en"}
JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def babel_locale():
    language = (get_language() or "es").split("-")[0]
    return BABEL_LOCALES.get(language, language)


@register.filter
def number(value):
    """A decimal without trailing zeros, with the reader's separators: 1.234,5 or 1,234.5."""
    if value in (None, ""):
        return ""
    value = Decimal(value).normalize()
    if value == value.to_integral_value():
        value = value.quantize(Decimal(1))
    return format_decimal(value, locale=babel_locale(), decimal_quantization=False)


@register.filter
def clp(value):
    """An amount in Chilean pesos: $12.500.000 for Spanish readers, CLP 12,500,000 in English."""
    if value in (None, ""):
        return ""
    locale = babel_locale()
    if locale.startswith("es"):
        return format_currency(Decimal(value), "CLP", locale=locale)
    return f"CLP {format_decimal(Decimal(value).quantize(Decimal(1)), locale=locale)}"


@register.filter
def months(value):
    if value in (None, ""):
        return ""
    return ngettext("%(n)s month", "%(n)s months", value) % {"n": value}


@register.filter
def json_ld(data):
    """<script type="application/ld+json"> with the characters that could end the script escaped."""
    text = json.dumps(data, ensure_ascii=False).translate(JSON_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))
