"""Values, targets, periods and states as a reader reads them, in the reader's language.

Numbers go through home/formats.py; nothing here computes a status (standards/periods.py does).
"""

from decimal import Decimal

from django.utils import formats, translation
from django.utils.translation import gettext as _

from home.formats import format_number, format_share

from .choices import Direction, Frequency, Status, Unit

BADGES = {Status.MET: "ok", Status.NOT_MET: "bad", Status.NO_DATA: "neutral"}
MARKS = {Status.MET: "✓", Status.NOT_MET: "✗", Status.NO_DATA: "–"}


def format_value(value, unit, language_code=None):
    """A measured value in its unit: "92,5%", "8 working days", "Done"."""
    if value is None:
        return ""
    value = Decimal(value)
    if unit == Unit.PERCENT:
        return format_share(value / 100, language_code)
    if unit == Unit.DONE:
        return _("Done") if value >= 1 else _("Not done")
    number = format_number(value, language_code)
    if unit == Unit.DAYS:
        return _("%(n)s days") % {"n": number}
    if unit == Unit.WORKING_DAYS:
        return _("%(n)s working days") % {"n": number}
    if unit == Unit.HOURS:
        return _("%(n)s hours") % {"n": number}
    return number


def format_target(standard, language_code=None):
    """The target with its direction: "at least 90%", "at most 10 working days"."""
    value = format_value(standard.target_value, standard.unit, language_code)
    if standard.unit == Unit.DONE:
        return value
    if standard.direction == Direction.HIGHER:
        return _("at least %(value)s") % {"value": value}
    return _("at most %(value)s") % {"value": value}


def period_label(period, frequency):
    """ "March 2026", "Q1 2026" (Spanish "T1 2026"), "2026"."""
    if frequency == Frequency.YEARLY:
        return str(period.start.year)
    if frequency == Frequency.QUARTERLY:
        return _("Q%(quarter)s %(year)s") % {
            "quarter": (period.start.month - 1) // 3 + 1,
            "year": period.start.year,
        }
    return formats.date_format(period.start, "YEAR_MONTH_FORMAT")


def status_label(status):
    return str(Status(status).label)


def language():
    return (translation.get_language() or "es").split("-")[0]
