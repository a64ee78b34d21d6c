"""``{% record_url record as url %}``: the address of a snippet record's public page
(home/records.py), "" when it has none; links stay plain text then."""

from django import template

from home.records import record_url as _record_url

register = template.Library()


@register.simple_tag(takes_context=True)
def record_url(context, record):
    return _record_url(record, context.get("request"))
