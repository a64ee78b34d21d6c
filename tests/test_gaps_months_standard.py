"""The standard "a record or a statement every month" (issues 8 and 14), counted from the
missions and the no-trips statements: hand-counted months, the deadline, pending months, the
recount when a statement is signed, and the page showing each month counted."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from missions.models import MissionPage
from returns.models import NoTripsStatement
from standards.computed import recompute
from standards.models import StandardMeasurement

from .missions_factories import MissionIndexPageFactory, build_mission
from .standards_factories import build_standard, standard_index

pytestmark = pytest.mark.django_db

Q1 = datetime.date(2025, 1, 1)


def statement(month, signed_on):
    return NoTripsStatement.objects.create(
        month=month,
        signed_by="Carolina Fuentes",
        position="Jefa de la Oficina",
        signed_on=signed_on,
    )


@pytest.fixture
def records(home):
    missions = MissionIndexPageFactory(parent=home)
    missions.save_revision().publish()
    january = build_mission(
        missions,
        title="Misión de enero",
        slug="enero",
        start_date=datetime.date(2025, 1, 10),
        end_date=datetime.date(2025, 1, 14),
    )
    published = timezone.make_aware(datetime.datetime(2025, 1, 20, 10))
    MissionPage.objects.filter(pk=january.pk).update(first_published_at=published)
    statement(datetime.date(2025, 2, 1), datetime.date(2025, 3, 5))  # February: no trips
    # March: neither a mission nor a statement.
    return {"january": january}


@pytest.fixture
def standard(home):
    return build_standard(
        standard_index(home),
        title="Ningún mes sin registro",
        slug="meses",
        computed_from="months_accounted",
        record_days=30,
        target_value=100,
        measured_since=Q1,
    )


def q1(standard):
    return StandardMeasurement.objects.get(page=standard, period_start=Q1)


def test_each_month_is_counted_as_by_hand(records, standard):
    recompute([standard], today=datetime.date(2025, 6, 15))
    row = q1(standard)
    # January: a mission published on the 20th (due 2 March): on time. February: a statement
    # signed on 5 March (due 30 March): on time. March: nothing by 30 April: missing.
    assert (row.numerator, row.denominator, str(row.value)) == (2, 3, "66.67")
    months = {item["month"]: item["on_time"] for item in row.inputs["counted"]}
    assert months == {"2025-01-01": True, "2025-02-01": True, "2025-03-01": False}
    january = row.inputs["counted"][0]
    assert january["missions"] == [
        {"mission_id": records["january"].pk, "title": "Misión de enero"}
    ]
    assert row.inputs["counted"][1]["statement_signed_on"] == "2025-03-05"


def test_a_month_before_its_deadline_is_pending_not_missing(records, standard):
    recompute([standard], today=datetime.date(2025, 4, 10))
    row = q1(standard)
    assert (row.numerator, row.denominator) == (2, 2)
    assert [item["month"] for item in row.inputs["pending"]] == ["2025-03-01"]


def test_a_statement_signed_after_the_deadline_is_late(records, standard):
    statement(datetime.date(2025, 3, 1), datetime.date(2025, 5, 15))
    recompute([standard], today=datetime.date(2025, 6, 15))
    row = q1(standard)
    march = row.inputs["counted"][2]
    assert march["done_on"] == "2025-05-15" and march["on_time"] is False
    assert (row.numerator, row.denominator) == (2, 3)


def test_signing_a_statement_recounts_its_period(records, standard):
    recompute([standard])
    assert q1(standard).numerator == 2
    statement(datetime.date(2025, 3, 1), datetime.date(2025, 4, 5))  # the signal recounts
    row = q1(standard)
    assert (row.numerator, row.denominator, str(row.value)) == (3, 3, "100.00")


def test_the_page_lists_each_month_counted(client, records, standard):
    recompute([standard])
    page = client.get(standard.url).content.decode()
    assert "3 meses contados (plazo: 30 días después de su fin)" in page
    assert f'href="{records["january"].url}"' in page
    assert "declaración de «sin viajes» firmada el 5 de marzo de 2025" in page
    assert "ni misiones ni declaración de «sin viajes»" in page


def test_the_command_counts_it_and_a_dry_run_writes_nothing(records, standard):
    StandardMeasurement.objects.filter(page=standard).delete()
    out = StringIO()
    call_command("recompute_standards", "--dry-run", stdout=out)
    assert "Ningún mes sin registro: 2025-01-01–2025-03-31: 2 of 3" in out.getvalue()
    assert not StandardMeasurement.objects.filter(page=standard).exists()


def test_days_allowed_are_refused_on_a_typed_standard(home):
    from django.core.exceptions import ValidationError

    page = build_standard(standard_index(home), publish=False)
    page.record_days = 10
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert "record_days" in error.value.message_dict
