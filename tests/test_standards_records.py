"""The two standards measured from Puente's own records, checked against missions counted by
hand; the recount runs after a mission is published and as a management command."""

import datetime
import io

import pytest
import wagtail_factories
from django.core.management import call_command
from django.utils import timezone

from missions.models import MissionPage
from standards.models import StandardMeasurement, StandardPage
from standards.periods import period_of

from .missions_factories import build_mission
from .standards_factories import build_standard, standard_index

TODAY = timezone.localdate()
QUARTER = period_of(TODAY - datetime.timedelta(days=200), "quarterly")
DAY = datetime.timedelta(days=1)


def report():
    return wagtail_factories.DocumentFactory(title="Informe de viaje")


def published_on(mission, day):
    moment = timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))
    MissionPage.objects.filter(pk=mission.pk).update(first_published_at=moment)


@pytest.fixture
def records(mission_index):
    """Four missions returning in QUARTER and one after it; report deadline 30 days (default)."""
    start = QUARTER.start
    document = report()
    on_time = build_mission(
        mission_index,
        title="A tiempo",
        slug="a-tiempo",
        start_date=start,
        end_date=start + 4 * DAY,
        report_document=document,
        report_date=start + 20 * DAY,
    )
    late = build_mission(
        mission_index,
        title="Atrasada",
        slug="atrasada",
        start_date=start + 10 * DAY,
        end_date=start + 12 * DAY,
        report_document=document,
        report_date=start + 60 * DAY,
    )
    missing = build_mission(
        mission_index,
        title="Sin informe",
        slug="sin-informe",
        start_date=start + 30 * DAY,
        end_date=start + 33 * DAY,
    )
    withdrawn = build_mission(
        mission_index,
        title="Retirada",
        slug="retirada",
        start_date=start + 40 * DAY,
        end_date=start + 41 * DAY,
        withdrawn=True,
        withdrawal_reason="Duplicada.",
    )
    after = build_mission(
        mission_index,
        title="Otro trimestre",
        slug="otro-trimestre",
        start_date=QUARTER.end + 5 * DAY,
        end_date=QUARTER.end + 6 * DAY,
    )
    published_on(on_time, on_time.end_date + 10 * DAY)
    published_on(late, late.end_date + 45 * DAY)
    published_on(missing, missing.end_date + 29 * DAY)
    return {
        "on_time": on_time,
        "late": late,
        "missing": missing,
        "withdrawn": withdrawn,
        "after": after,
    }


def computed(home, rule, **fields):
    index = standard_index(home)
    return build_standard(
        index, computed_from=rule, measured_since=QUARTER.start, slug=rule, title=rule, **fields
    )


def row_for(standard):
    return StandardMeasurement.objects.get(page=standard, period_start=QUARTER.start)


def test_trip_reports_on_time_are_counted_as_by_hand(home, records):
    standard = computed(home, "report_on_time")  # publishing it counts every period
    row = row_for(standard)
    # Counted: on time (report day 20 after a return on day 4), late (report 48 days after),
    # missing (no report, deadline passed). The withdrawn mission does not count.
    assert (row.numerator, row.denominator, str(row.value)) == (1, 3, "33.33")
    counted = {item["title"]: item["on_time"] for item in row.inputs["counted"]}
    assert counted == {"A tiempo": True, "Atrasada": False, "Sin informe": False}
    assert row.inputs["days"] == 30


def test_missions_published_on_time_are_counted_as_by_hand(home, records):
    standard = computed(home, "published_on_time", record_days=30)
    row = row_for(standard)
    counted = {item["title"]: item["on_time"] for item in row.inputs["counted"]}
    assert counted == {"A tiempo": True, "Atrasada": False, "Sin informe": True}
    assert (row.numerator, row.denominator) == (2, 3)


def test_the_page_shows_the_missions_counted_with_links(client, home, records):
    standard = computed(home, "report_on_time")
    text = client.get(standard.url).content.decode()
    assert f'href="{records["on_time"].url}"' in text
    assert "Measured from this site's own mission records" in text or "registros" in text
    assert "Retirada" not in text


def test_publishing_a_mission_recounts_its_period(home, records):
    standard = computed(home, "report_on_time")
    missing = records["missing"]
    missing.report_document = report()
    missing.report_date = missing.end_date + 5 * DAY
    missing.save_revision().publish()
    row = row_for(standard)
    assert (row.numerator, row.denominator) == (2, 3)


def test_the_command_recounts_and_its_dry_run_changes_nothing(home, records):
    standard = computed(home, "report_on_time")
    StandardMeasurement.objects.filter(page=standard).delete()
    out = io.StringIO()
    call_command("recompute_standards", "--dry-run", stdout=out)
    assert "1 of 3" in out.getvalue()
    assert not StandardMeasurement.objects.filter(page=standard).exists()
    call_command("recompute_standards", stdout=io.StringIO())
    assert (row_for(standard).numerator, row_for(standard).denominator) == (1, 3)
    assert StandardPage.objects.get(pk=standard.pk).live
