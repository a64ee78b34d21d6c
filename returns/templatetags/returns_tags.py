"""Emissions in the reader's language ("1.234,5 kg CO₂e" / "1,234.5 kg CO₂e")."""

from django import template

from ..emissions import format_kg, format_tonnes

register = template.Library()
register.filter("kg", format_kg)
register.filter("tonnes", format_tonnes)
