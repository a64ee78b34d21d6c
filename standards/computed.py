"""The standards measured from Puente's own records, counted from the missions.

- ``report_on_time``: the share of a period's returned missions whose trip report is dated
  within the days allowed (Site settings, home/deadlines.report_days) after the return.
- ``published_on_time``: the share of a period's returned missions first published within N
  days of the return (the standard's "days allowed", else the same setting).
- ``months_accounted``: the share of a period's months that had their missions or a no-trips
  statement within N days of the month's end (standards/monthly_record.py).

A mission counts in the period of its return (end date), from the Spanish source records (a
translation is the same mission), live and not withdrawn. A mission whose deadline has not
passed and that has not done it yet is *pending*: listed, not counted, until it is done or late.
Each measurement keeps its inputs (every mission, its dates, counted how), shown on the page.
"""

import datetime
import uuid
from functools import partial

from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale

from home.deadlines import report_days
from missions.models import MissionPage

from . import monthly_record
from .choices import DAYS_RULES, ComputedFrom
from .models import StandardMeasurement, StandardPage
from .periods import ended_periods, period_of


def _days(standard):
    if standard.computed_from in DAYS_RULES and standard.record_days:
        return standard.record_days
    return report_days()


def _done_on(mission, rule):
    if rule == ComputedFrom.REPORT_ON_TIME:
        return mission.report_date
    published = mission.first_published_at
    return timezone.localtime(published).date() if published else None


def count(standard, period, today, missions=None):
    """The inputs of one period: {"rule", "days", "counted": [...], "pending": [...]}."""
    days = _days(standard)
    if missions is None:
        missions = _missions(period.start, period.end)
    counted, pending = [], []
    for mission in missions:
        if not period.start <= mission.end_date <= period.end:
            continue
        deadline = mission.end_date + datetime.timedelta(days=days)
        done = _done_on(mission, standard.computed_from)
        item = {
            "mission_id": mission.pk,
            "title": mission.title,
            "end_date": mission.end_date.isoformat(),
            "deadline": deadline.isoformat(),
            "done_on": done.isoformat() if done else None,
        }
        if done is None and deadline >= today:
            pending.append(item)
        else:
            item["on_time"] = done is not None and done <= deadline
            counted.append(item)
    return {"rule": standard.computed_from, "days": days, "counted": counted, "pending": pending}


def _missions(start, end):
    return list(
        MissionPage.objects.live()
        .filter(locale=Locale.get_default(), end_date__range=(start, end))
        .not_withdrawn()
        .order_by("end_date", "pk")
        .only("pk", "title", "end_date", "report_date", "first_published_at")
    )


def computed_standards():
    """The live source standards measured from the records."""
    return StandardPage.objects.filter(locale=Locale.get_default()).exclude(computed_from="")


def recompute(standards=None, day=None, today=None, dry_run=False):
    """Recount the periods of ``standards`` (default: every computed one) — only the period
    containing ``day`` when given — and write them on each standard and its translations.

    Returns [(standard, Period, numerator, denominator)] for each period counted.
    """
    today = today or timezone.localdate()
    standards = computed_standards() if standards is None else standards
    done = []
    for standard in standards:
        periods = ended_periods(standard.measured_since, standard.frequency, today)
        if day is not None:
            periods = [p for p in periods if p == period_of(day, standard.frequency)]
        if not periods:
            continue
        counter = _counter(standard, periods[0].start, periods[-1].end, today)
        with transaction.atomic():
            for period in periods:
                inputs = counter(period)
                met = sum(1 for item in inputs["counted"] if item["on_time"])
                total = len(inputs["counted"])
                done.append((standard, period, met, total))
                if not dry_run:
                    _write(standard, period, inputs, met, total)
    return done


def _counter(standard, start, end, today):
    """period → its inputs, for the rule of ``standard``, with the records of ``start``–``end``
    read once."""
    if standard.computed_from == ComputedFrom.MONTHS_ACCOUNTED:
        missions, statements = monthly_record.records(start, end)
        return partial(
            monthly_record.count,
            days=_days(standard),
            today=today,
            missions=missions,
            statements=statements,
        )
    missions = _missions(start, end)
    return lambda period: count(standard, period, today, missions)


def _write(standard, period, inputs, met, total):
    pages = [
        standard,
        *StandardPage.objects.filter(translation_key=standard.translation_key).exclude(
            pk=standard.pk
        ),
    ]
    existing = {
        (row.page_id, row.period_start): row
        for row in StandardMeasurement.objects.filter(page__in=pages, period_start=period.start)
    }
    source = existing.get((standard.pk, period.start))
    key = source.translation_key if source else uuid.uuid4()
    for page in pages:
        row = existing.get((page.pk, period.start))
        if not total:
            if row is not None:
                row.delete()
            continue
        row = row or StandardMeasurement(page=page, locale_id=page.locale_id, translation_key=key)
        row.period_start, row.period_end = period.start, period.end
        row.numerator, row.denominator, row.value = met, total, None
        row.inputs = inputs
        row.save()
