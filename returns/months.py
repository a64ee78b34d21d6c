"""Each month of a year: official trips, a dated no-trips statement, or a gap in the record.

A month *has missions* when a published, standing mission was abroad on any of its days; it
*has a statement* when the office declared it had no trips; a month that is over with neither
is *missing*, flagged publicly; the current month and later ones are *not over yet*. Two
queries, whatever the number of missions.
"""

import datetime
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from missions.models import MissionPage

from .models import NoTripsStatement, month_end

MISSIONS, STATEMENT, MISSING, NOT_OVER = "missions", "statement", "missing", "not_over"
STATE_LABELS = {
    MISSIONS: _("Missions"),
    STATEMENT: _("No trips: statement published"),
    MISSING: _("Missing: no missions and no statement"),
    NOT_OVER: _("Month not over"),
}


@dataclass
class Month:
    month: datetime.date
    state: str
    missions: int = 0
    statement: NoTripsStatement | None = None

    @property
    def label(self):
        return STATE_LABELS[self.state]

    @property
    def is_gap(self):
        return self.state == MISSING


def month_grid(year, locale, today=None):
    """[Month] for the twelve months of ``year``, in the reader's ``locale``."""
    return month_grids(year, year, locale, today)


def month_grids(first_year, last_year, locale, today=None):
    """[Month] for every month of the years ``first_year`` to ``last_year``, in order: the
    same two queries for one year as for many."""
    today = today or timezone.localdate()
    first, last = datetime.date(first_year, 1, 1), datetime.date(last_year, 12, 31)
    trips = (
        MissionPage.objects.live()
        .public()
        .not_withdrawn()
        .filter(locale=locale, start_date__lte=last, end_date__gte=first)
        .values_list("start_date", "end_date")
    )
    counts = {}
    for start, end in trips:
        start, end = max(start, first), min(end, last)
        for index in range(start.year * 12 + start.month - 1, end.year * 12 + end.month):
            counts[index] = counts.get(index, 0) + 1
    statements = {
        (statement.month.year, statement.month.month): statement
        for statement in NoTripsStatement.objects.filter(
            locale=locale, month__gte=first, month__lte=last
        )
    }
    months = []
    for year in range(first_year, last_year + 1):
        for number in range(1, 13):
            month = datetime.date(year, number, 1)
            missions = counts.get(year * 12 + number - 1, 0)
            statement = statements.get((year, number))
            if missions:
                state = MISSIONS
            elif statement is not None:
                state = STATEMENT
            elif month_end(month) >= today:
                state = NOT_OVER
            else:
                state = MISSING
            months.append(Month(month, state, missions, statement))
    return months


def gaps(months):
    return [month for month in months if month.is_gap]
