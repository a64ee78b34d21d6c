"""Numbers, money and structured data for practice pages, formatted for the reader's language."""

import json

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import ngettext

from home.formats import format_clp, format_number

register = template.Library()
JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}
register.filter("number", format_number)
register.filter("clp", format_clp)


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
