"""The rules a measurement must follow, for the model's clean() and the admin form alike.

``measurement_errors(row, page)`` returns {field: message}: periods (calendar, ended, in
order), volumes (both or neither, a non-zero total no smaller than the part), values (not
negative, within the unit's range, volumes only for a percentage) and, when the target is
missed, the reason and the action taken.
"""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .choices import UNIT_BOUNDS, Unit
from .periods import is_calendar_period, is_met


def measurement_errors(row, page):
    """{field: message} for a measurement that cannot be saved on ``page`` (a StandardPage)."""
    errors = {}
    today = timezone.localdate()
    start, end = row.period_start, row.period_end
    if start and end:
        if end < start:
            errors["period_end"] = _("The period cannot end before it starts.")
        elif end > today:
            errors["period_end"] = _(
                "This period has not ended yet: measure it once it is over (the latest end "
                "allowed is today)."
            )
        elif (
            page is not None
            and page.frequency
            and not is_calendar_period(start, end, page.frequency)
        ):
            errors["period_start"] = _(
                "The period must be one calendar %(frequency)s period of this standard, "
                "from its first to its last day (e.g. 1 January to 31 March for a quarter)."
            ) % {"frequency": page.get_frequency_display().lower()}
    for name in ("numerator", "denominator", "value"):
        number = getattr(row, name)
        if number is not None and number < 0:
            errors[name] = _("A negative number makes no sense here.")
    if row.denominator is not None and "denominator" not in errors:
        if row.denominator == 0:
            errors["denominator"] = _(
                "The total volume cannot be zero: leave the period without a measurement instead."
            )
        elif row.numerator is not None and row.denominator < row.numerator:
            errors["denominator"] = _(
                "The total volume cannot be smaller than the volume meeting the target."
            )
    if (row.numerator is None) != (row.denominator is None):
        errors.setdefault(
            "denominator", _("Give both volumes (meeting the target and total), or neither.")
        )
    if page is not None and not errors:
        errors.update(_unit_errors(row, page))
    if page is not None and not errors and row.value is not None:
        met = is_met(row.value, page.target_value, page.direction)
        if met is False:
            if not row.reason.strip():
                errors["reason"] = _("The target was not met: say why.")
            if not row.action.strip():
                errors["action"] = _("The target was not met: say what was done about it.")
    if row.value is None and row.numerator is None and not row.is_computed:
        errors["value"] = _(
            "Give the value, or the two volumes it is computed from. A period without data is "
            "shown as “no data” by itself: do not add a row for it."
        )
    return errors


def _unit_errors(row, page):
    if page.unit is None or page.target_value is None:
        return {"value": _("Set the standard's unit and target before measuring it.")}
    if row.numerator is not None and page.unit != Unit.PERCENT:
        return {
            "numerator": _(
                "Volumes give a percentage, but this standard's target is in %(unit)s: give "
                "the value instead, or change the target's unit to a percentage."
            )
            % {"unit": page.get_unit_display().lower()}
        }
    low, high = UNIT_BOUNDS.get(page.unit, (None, None))
    if row.value is not None and high is not None and row.value > high:
        return {
            "value": _("A value in %(unit)s cannot be more than %(high)s.")
            % {"unit": page.get_unit_display().lower(), "high": high}
        }
    return {}
