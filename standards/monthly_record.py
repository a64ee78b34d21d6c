"""The standard "a record or a statement every month", counted from the site's records.

Each month of a period is *accounted for* when a published, standing mission was abroad on any
of its days, or the office signed a no-trips statement for it (returns.NoTripsStatement) — the
month grid of the missions index shows the same three states. A month counts as kept when it
was accounted for by its deadline: the month's end plus the standard's days allowed (else the
days allowed for a trip report); until then, a month with neither is *pending*. A month
accounted for later than that is late; a month still without either after it is a gap.
The value is the share of the period's counted months that were kept on time.
"""

import datetime

from django.utils import timezone
from wagtail.models import Locale

from missions.models import MissionPage
from returns.models import NoTripsStatement, month_end


def months_of(period):
    month = period.start.replace(day=1)
    while month <= period.end:
        yield month
        month = month_end(month) + datetime.timedelta(days=1)


def records(start, end):
    """(missions, statements) of the Spanish source records touching ``start``–``end``, for
    every period of one recount: two queries."""
    default = Locale.get_default()
    missions = list(
        MissionPage.objects.live()
        .not_withdrawn()
        .filter(locale=default, start_date__lte=end, end_date__gte=start)
        .order_by("start_date", "pk")
        .only("pk", "title", "start_date", "end_date", "first_published_at")
    )
    statements = {
        statement.month: statement
        for statement in NoTripsStatement.objects.filter(
            locale=default, month__gte=start.replace(day=1), month__lte=end
        )
    }
    return missions, statements


def _published_on(mission):
    published = mission.first_published_at
    return timezone.localtime(published).date() if published else None


def count(period, days, today, missions, statements):
    """The inputs of one period: {"rule", "days", "counted": [...], "pending": [...]}, one item
    per month with its missions, its statement and the day it was first accounted for."""
    counted, pending = [], []
    for month in months_of(period):
        last = month_end(month)
        if last >= today:
            continue  # not over yet
        abroad = [m for m in missions if m.start_date <= last and m.end_date >= month]
        statement = statements.get(month)
        dates = [day for day in (_published_on(m) for m in abroad) if day]
        if statement is not None:
            dates.append(statement.signed_on)
        deadline = last + datetime.timedelta(days=days)
        done = min(dates) if dates else None
        item = {
            "month": month.isoformat(),
            "deadline": deadline.isoformat(),
            "done_on": done.isoformat() if done else None,
            "missions": [{"mission_id": m.pk, "title": m.title} for m in abroad],
            "statement_signed_on": statement.signed_on.isoformat() if statement else None,
        }
        if done is None and deadline >= today:
            pending.append(item)
        else:
            item["on_time"] = done is not None and done <= deadline
            counted.append(item)
    return {"rule": "months_accounted", "days": days, "counted": counted, "pending": pending}
