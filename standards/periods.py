"""Calendar periods of a standard (months, quarters, years) and the status of each one.

Everything here is plain Python on dates and Decimals, so the page, the index, the home figure,
the open data and the admin report all compute met / not met / no data the same way.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from .choices import Direction, Frequency, Status

MONTHS = {Frequency.MONTHLY: 1, Frequency.QUARTERLY: 3, Frequency.YEARLY: 12}


@dataclass(frozen=True)
class Period:
    start: datetime.date
    end: datetime.date


def _add_months(day, months):
    index = day.year * 12 + day.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)


def period_of(day, frequency):
    """The calendar period of ``frequency`` that contains ``day``."""
    months = MONTHS[frequency]
    start = datetime.date(day.year, (day.month - 1) // months * months + 1, 1)
    return Period(start, _add_months(start, months) - datetime.timedelta(days=1))


def is_calendar_period(start, end, frequency):
    return period_of(start, frequency) == Period(start, end)


def ended_periods(since, frequency, today, last=None):
    """The periods from the one containing ``since`` to the last one ended before ``today``,
    oldest first (only the ``last`` N when given)."""
    periods = []
    if since is None:
        return periods
    period = period_of(since, frequency)
    while period.end < today:
        periods.append(period)
        period = period_of(period.end + datetime.timedelta(days=1), frequency)
    return periods[-last:] if last else periods


def is_met(value, target, direction):
    """Met when the value reaches the target (higher is better) or does not exceed it (lower
    is better); a value equal to the target is met either way."""
    if value is None or target is None:
        return None
    value, target = Decimal(value), Decimal(target)
    return value >= target if direction == Direction.HIGHER else value <= target


def status_of(measurement, target, direction):
    if measurement is None or measurement.value is None:
        return Status.NO_DATA
    met = is_met(measurement.value, target, direction)
    return Status.MET if met else Status.NOT_MET


def overlapping(rows):
    """The first two rows (measurements or dicts with period_start/end) whose periods overlap."""
    dated = sorted(
        (r for r in rows if _get(r, "period_start") and _get(r, "period_end")),
        key=lambda r: _get(r, "period_start"),
    )
    for earlier, later in zip(dated, dated[1:], strict=False):
        if _get(later, "period_start") <= _get(earlier, "period_end"):
            return earlier, later
    return None


def _get(row, name):
    return row.get(name) if isinstance(row, dict) else getattr(row, name)


def overlap_message(earlier, later):
    return _(
        "Two measurements overlap: %(first)s and %(second)s. Each period can be measured once."
    ) % {
        "first": f"{_get(earlier, 'period_start')} – {_get(earlier, 'period_end')}",
        "second": f"{_get(later, 'period_start')} – {_get(later, 'period_end')}",
    }


def first_of_periods_back(today, frequency, count):
    """The first day of the period ``count`` periods before the one containing ``today``."""
    start = period_of(today, frequency).start
    for _step in range(count):
        start = period_of(start - datetime.timedelta(days=1), frequency).start
    return start
