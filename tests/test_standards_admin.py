"""Editors enter measurements inline on the standard; every bad input is refused with a clear
message and nothing is saved. The "Stale standards" report lists what is overdue and exports."""

import csv
import datetime
import html
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from standards.models import StandardMeasurement, StandardPage

from .missions_factories import StrategicObjectiveFactory
from .standards_factories import add_rows, build_standard, standard_index


@pytest.fixture
def index(home):
    return standard_index(home)


def add_url(index):
    return reverse("wagtailadmin_pages:add", args=("standards", "standardpage", index.pk))


def row(**fields):
    return {
        "period_start": "2025-01-01",
        "period_end": "2025-03-31",
        "numerator": "46",
        "denominator": "50",
        "value": "",
        "note": "",
        "source_document": "",
        "source_url": "",
        "reason": "",
        "action": "",
        "action_date": "",
        "action_status": "",
        **fields,
    }


def standard_post(measurements=(), objectives=(), **overrides):
    fields = {
        "title": "Respuesta a socios",
        "slug": "respuesta-a-socios",
        "commitment": "Respondemos cada solicitud en 10 días hábiles.",
        "indicator": "Solicitudes respondidas a tiempo",
        "formula": "Respondidas a tiempo ÷ recibidas × 100.",
        "target_value": "90",
        "unit": "percent",
        "direction": "higher",
        "frequency": "quarterly",
        "measured_since": "2025-01-01",
        "responsible_unit": "Unidad de Cooperación",
        "channel": "email",
        "data_source": "Registro de correspondencia.",
        "verification": "Informe del gestor documental.",
        "redress": "Escriba a reclamos@example.org.",
        "computed_from": "",
        "record_days": "",
        "measurements": list(measurements),
    }
    fields.update(overrides)
    fields["measurements"] = inline_formset(fields["measurements"])
    data = nested_form_data(fields)
    data["objectives"] = [str(objective.pk) for objective in objectives]
    data["action-publish"] = "action-publish"
    return data


def errors_shown(response):
    assert response.status_code == 200, "the form should be shown again with its errors"
    return html.unescape(response.content.decode())


def test_a_standard_with_measurements_is_published(admin_client, index, locales):
    objective = StrategicObjectiveFactory(title="Gobierno abierto")
    response = admin_client.post(
        add_url(index),
        standard_post(
            [
                row(),
                row(
                    period_start="2025-04-01",
                    period_end="2025-06-30",
                    numerator="40",
                    reason="Licencias médicas.",
                    action="Reemplazo asignado.",
                    action_status="done",
                ),
            ],
            [objective],
        ),
    )
    assert response.status_code == 302, errors_shown(response)[:2000]
    page = StandardPage.objects.get(slug="respuesta-a-socios")
    assert page.live
    values = list(page.measurements.order_by("period_start").values_list("value", flat=True))
    assert [str(v) for v in values] == ["92.00", "80.00"]  # computed from the volumes
    assert list(page.objectives.all()) == [objective]


TODAY = timezone.localdate()
NEXT_QUARTER_START = (TODAY.replace(day=1) + datetime.timedelta(days=100)).replace(day=1)


@pytest.mark.parametrize(
    ("measurements", "message"),
    [
        (
            [row(), row(period_start="2025-01-01", period_end="2025-03-31", numerator="45")],
            "Two measurements overlap",
        ),
        (
            [row(period_start="2025-02-01", period_end="2025-04-30")],
            "The period must be one calendar quarterly period",
        ),
        (
            [
                row(
                    period_start=TODAY.replace(day=1).isoformat(),
                    period_end=(TODAY + datetime.timedelta(days=40)).isoformat(),
                )
            ],
            "This period has not ended yet",
        ),
        ([row(period_end="2024-12-31")], "The period cannot end before it starts."),
        ([row(numerator="", denominator="", value="-3")], "A negative number makes no sense here."),
        ([row(numerator="-1")], "A negative number makes no sense here."),
        ([row(denominator="0", numerator="0")], "The total volume cannot be zero"),
        ([row(numerator="51", denominator="50")], "cannot be smaller than the volume meeting"),
        ([row(numerator="40", denominator="")], "Give both volumes"),
        ([row(numerator="", denominator="", value="120")], "cannot be more than 100"),
        ([row(numerator="40")], "The target was not met: say why."),
        ([row(numerator="", denominator="")], "Give the value, or the two volumes"),
    ],
)
def test_bad_measurements_are_refused_and_nothing_saved(admin_client, index, measurements, message):
    response = admin_client.post(add_url(index), standard_post(measurements))
    assert message in errors_shown(response)
    assert not StandardPage.objects.filter(slug="respuesta-a-socios").exists()
    assert not StandardMeasurement.objects.exists()


def test_volumes_need_a_percentage_target(admin_client, index):
    response = admin_client.post(
        add_url(index),
        standard_post([row()], unit="working_days", direction="lower", target_value="5"),
    )
    assert (
        "Volumes give a percentage, but this standard's target is in working days"
        in errors_shown(response)
    )
    assert not StandardPage.objects.exists()


def test_a_computed_standard_refuses_typed_measurements(admin_client, index):
    response = admin_client.post(
        add_url(index), standard_post([row()], computed_from="report_on_time")
    )
    assert "its measurements are recomputed, not typed" in errors_shown(response)
    assert not StandardPage.objects.exists()


def test_the_stale_report_lists_overdue_standards_and_exports(admin_client, index):
    today = timezone.localdate()
    since = datetime.date(today.year - 2, 1, 1)
    fresh = build_standard(
        index, measured_since=since, frequency="yearly", slug="al-dia", title="Al día"
    )
    add_rows(fresh, [1, 1], today)
    stale = build_standard(
        index,
        measured_since=since,
        frequency="yearly",
        slug="atrasado",
        title="Atrasado",
        unit="done",
        target_value=1,
    )
    add_rows(stale, [1], today)  # last year's measurement missing

    menu = admin_client.get(reverse("wagtailadmin_reports:aging_pages"))
    assert reverse("standards_stale") in menu.content.decode()
    response = admin_client.get(reverse("standards_stale"))
    text = html.unescape(response.content.decode())
    assert response.status_code == 200
    if (today - datetime.date(today.year - 1, 12, 31)).days > 30:
        assert "Atrasado" in text and "Al día" not in text
    export = admin_client.get(reverse("standards_stale") + "?export=csv")
    assert export.status_code == 200
    body = b"".join(export.streaming_content) if export.streaming else export.content
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    assert rows[0][:2] == ["Standard", "Language"]
    if (today - datetime.date(today.year - 1, 12, 31)).days > 30:
        assert [r[0] for r in rows[1:]] == ["Atrasado"]
        assert rows[1][3] == str(today.year - 1)
