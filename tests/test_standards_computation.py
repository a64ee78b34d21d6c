"""Met, not met and no data are computed from the value and the target, never typed."""

import datetime
from decimal import Decimal

import pytest

from standards.models import StandardPage, Status, share_of
from standards.periods import ended_periods, is_met, period_of

from .standards_factories import STANDARD_FIELDS, add_rows, build_standard, standard_index

TODAY = datetime.date(2026, 5, 15)


@pytest.mark.parametrize(
    ("value", "target", "direction", "met"),
    [
        ("95", "90", "higher", True),
        ("90", "90", "higher", True),  # equal to the target: met
        ("89.99", "90", "higher", False),
        ("4", "5", "lower", True),
        ("5", "5", "lower", True),  # equal to the target: met
        ("5.01", "5", "lower", False),
    ],
)
def test_met_follows_the_direction_and_counts_the_boundary_as_met(value, target, direction, met):
    assert is_met(Decimal(value), Decimal(target), direction) is met


def test_the_share_is_volume_meeting_the_target_over_total_volume():
    assert share_of(Decimal(45), Decimal(50)) == Decimal("90.00")
    assert share_of(Decimal(2), Decimal(3)) == Decimal("66.67")
    assert share_of(Decimal(1), Decimal(0)) is None


def test_calendar_periods():
    assert period_of(datetime.date(2026, 5, 15), "quarterly").start == datetime.date(2026, 4, 1)
    assert period_of(datetime.date(2026, 5, 15), "quarterly").end == datetime.date(2026, 6, 30)
    assert period_of(datetime.date(2024, 2, 10), "monthly").end == datetime.date(2024, 2, 29)
    assert period_of(datetime.date(2026, 5, 15), "yearly").end == datetime.date(2026, 12, 31)
    periods = ended_periods(datetime.date(2025, 2, 3), "quarterly", TODAY)
    assert [p.start for p in periods] == [
        datetime.date(2025, 1, 1),
        datetime.date(2025, 4, 1),
        datetime.date(2025, 7, 1),
        datetime.date(2025, 10, 1),
        datetime.date(2026, 1, 1),
    ]


@pytest.fixture
def index(home):
    return standard_index(home)


def test_a_passed_period_without_measurement_is_no_data(index):
    page = build_standard(index)
    add_rows(page, ["46/50", None, "40/50", "45/50"], TODAY)
    page = StandardPage.objects.with_history().get(pk=page.pk)
    statuses = [status for _period, _row, status in page.history(TODAY)]
    # Five quarters have ended (2025 Q1 – 2026 Q1): the second and the fifth have no row.
    assert statuses == [Status.MET, Status.NO_DATA, Status.NOT_MET, Status.MET, Status.NO_DATA]
    compliance = page.compliance(TODAY)
    # Periods ended in the last 12 months: 2025 Q2 … 2026 Q1.
    assert (compliance["met"], compliance["not_met"], compliance["no_data"]) == (1, 1, 2)
    assert compliance["share"] == 0.25


def test_a_lower_is_better_standard(index):
    page = build_standard(
        index, unit="working_days", direction="lower", target_value=Decimal(5), slug="dias"
    )
    add_rows(page, [4, 5, 6], TODAY)
    page = StandardPage.objects.with_history().get(pk=page.pk)
    statuses = [status for _p, _r, status in page.history(TODAY)][:3]
    assert statuses == [Status.MET, Status.MET, Status.NOT_MET]


def test_the_current_state_waits_for_the_grace_period(index):
    page = build_standard(index, measured_since=datetime.date(2025, 10, 1), slug="gracia")
    add_rows(page, ["50/50"], TODAY)  # 2025 Q4 measured; 2026 Q1 (ended 31 March) not yet
    page = StandardPage.objects.with_history().get(pk=page.pk)
    period, _row, status = page.current(datetime.date(2026, 4, 20), grace_days=30)
    assert (period.start, status) == (datetime.date(2025, 10, 1), Status.MET)
    period, _row, status = page.current(datetime.date(2026, 5, 15), grace_days=30)
    assert (period.start, status) == (datetime.date(2026, 1, 1), Status.NO_DATA)


def test_the_value_is_computed_from_the_volumes_on_save(index):
    page = build_standard(index, slug="volumenes")
    (row,) = add_rows(page, ["46/50"], TODAY)
    row.refresh_from_db()
    assert row.value == Decimal("92.00")
    assert STANDARD_FIELDS["target_value"] == Decimal(90)
