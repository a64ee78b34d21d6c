"""What a mission (or a set of missions) brought back, put in words beside what it cost.

The mission page, the objective pages and the objectives overview all say the same two things
the same way: the results by status in words ("2 achieved, 1 in progress, 1 not achieved")
and the value obtained (achieved results with a value) against the cost to the municipality.
"""

from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import ngettext

from .models import ResultStatus
from .models.queryset import RESULT_COUNT_FIELDS


def _status_words(status, count):
    if status == ResultStatus.ACHIEVED:
        return ngettext("%(count)s achieved", "%(count)s achieved", count)
    if status == ResultStatus.IN_PROGRESS:
        return ngettext("%(count)s in progress", "%(count)s in progress", count)
    if status == ResultStatus.COMMITTED:
        return ngettext("%(count)s committed", "%(count)s committed", count)
    if status == ResultStatus.NOT_ACHIEVED:
        return ngettext("%(count)s not achieved", "%(count)s not achieved", count)
    return ngettext("%(count)s cancelled", "%(count)s cancelled", count)


# Reading order: what came true first, then what may still come, then what did not.
STATUS_ORDER = (
    ResultStatus.ACHIEVED,
    ResultStatus.IN_PROGRESS,
    ResultStatus.COMMITTED,
    ResultStatus.NOT_ACHIEVED,
    ResultStatus.CANCELLED,
)


def results_in_words(figures, format_count=str):
    """ "2 achieved, 1 in progress, 1 not achieved" from with_totals()/totals() figures;
    statuses with no result are left out; "" when there are no results."""
    parts = []
    for status in STATUS_ORDER:
        count = figures.get(RESULT_COUNT_FIELDS[status]) or 0
        if count:
            parts.append(_status_words(status, count) % {"count": format_count(count)})
    return ", ".join(parts)


def value_to_cost(value, cost):
    """Pesos of value obtained per peso of municipal cost, to two decimals; None when the
    municipality paid nothing (the ratio would be infinite or meaningless)."""
    value = Decimal(value or 0)
    cost = Decimal(cost or 0)
    if cost <= 0:
        return None
    return (value / cost).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
