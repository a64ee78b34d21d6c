"""The standards demo beyond its YAML: periods counted back from the load day, the compact
`series` turned into measurement rows, and the two standards counted from the missions."""

import datetime
import random
from decimal import Decimal

from django.utils import timezone

from home.demo.loader import DemoError
from missions.models import MissionPage

from ..computed import recompute
from ..models import share_of
from ..periods import ended_periods, first_of_periods_back, is_met

# The demo missions are all published on the load day; an office publishes each some days after
# the return. So that "published within 30 days" has a history to count, each demo mission's
# first publication is dated 5 to 45 days after its return (fixed by its slug), never later than today.
PUBLISHED_AFTER = (5, 45)


def prepare_standardpage(record, loader):
    where = f"standards/demo/standards.yaml, record {record['slug']!r}"
    frequency, periods = record["frequency"], record.pop("periods")
    start = record["measured_since"] = first_of_periods_back(loader.today, frequency, periods)
    series = str(record.pop("series", "")).split()
    explanations = record.pop("not_met", {}) or {}
    if record.get("computed_from"):
        return record
    ended = ended_periods(start, frequency, loader.today)
    if len(series) != len(ended):
        raise DemoError(f"{where}: {len(series)} values in series for {len(ended)} periods")
    record["measurements"] = [
        row
        for position, (period, text) in enumerate(zip(ended, series, strict=True), start=1)
        if (row := _row(record, period, text, explanations.get(position), where, position))
    ]
    return record


def _row(record, period, text, explanation, where, position):
    if text == "-":
        return None
    row = {"period_start": period.start, "period_end": period.end}
    if "/" in text:
        numerator, denominator = (Decimal(part) for part in text.split("/"))
        row.update(numerator=numerator, denominator=denominator)
        value = share_of(numerator, denominator)
    else:
        value = row["value"] = Decimal(text)
    met = is_met(value, Decimal(str(record["target_value"])), record["direction"])
    if not met and not explanation:
        raise DemoError(f"{where}: period {position} misses the target; give it under not_met")
    if met and explanation:
        raise DemoError(f"{where}: period {position} meets the target; remove it from not_met")
    if explanation:
        row.update(
            reason=explanation["reason"],
            action=explanation["action"],
            action_status=explanation["action_status"],
            action_date=period.end + datetime.timedelta(days=explanation["action_after"]),
        )
    return row


def finish(loader):
    now = timezone.now()
    for mission in MissionPage.objects.filter(locale=loader.spanish).live():
        days = random.Random(mission.slug).randint(*PUBLISHED_AFTER)
        published = timezone.make_aware(
            datetime.datetime.combine(
                mission.end_date + datetime.timedelta(days=days), datetime.time(10)
            )
        )
        if published < min(now, mission.first_published_at):
            MissionPage.objects.filter(translation_key=mission.translation_key).update(
                first_published_at=published
            )
    recompute()
