"""Service standards for tests: an index and standards with their measurements."""

import datetime
import uuid
from decimal import Decimal

import wagtail_factories

from standards.models import StandardIndexPage, StandardMeasurement, StandardPage
from standards.periods import ended_periods


class StandardIndexPageFactory(wagtail_factories.PageFactory):
    title = "Estándares de servicio"
    slug = "estandares"
    intro = "Lo que la oficina promete, medido."

    class Meta:
        model = StandardIndexPage


def standard_index(home):
    index = StandardIndexPageFactory(parent=home)
    index.save_revision().publish()
    return index


STANDARD_FIELDS = {
    "title": "Respuesta a socios",
    "slug": "respuesta-a-socios",
    "commitment": "Respondemos cada solicitud en 10 días hábiles.",
    "indicator": "Solicitudes respondidas a tiempo",
    "formula": "Respondidas a tiempo ÷ recibidas × 100.",
    "target_value": Decimal(90),
    "unit": "percent",
    "direction": "higher",
    "frequency": "quarterly",
    "measured_since": datetime.date(2025, 1, 1),
    "responsible_unit": "Unidad de Cooperación",
    "channel": "email",
    "data_source": "Registro de correspondencia.",
    "verification": "Informe del gestor documental.",
    "redress": "Escriba a reclamos@example.org; le responderemos en 5 días hábiles.",
}


def measurement(start, end, **fields):
    return StandardMeasurement(period_start=start, period_end=end, **fields)


def build_standard(index, measurements=(), publish=True, **fields):
    """A standard under ``index`` with ``measurements``, saved through a revision."""
    page = StandardPage(**{**STANDARD_FIELDS, **fields})
    page.measurements = list(measurements)
    index.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
    return StandardPage.objects.get(pk=page.pk)


def add_rows(page, values, today):
    """Measurements written straight to the database for ``page``'s ended periods, oldest
    first: "46/50" (volumes), a number (value) or None (no measurement)."""
    rows = []
    for period, value in zip(
        ended_periods(page.measured_since, page.frequency, today), values, strict=False
    ):
        if value is None:
            continue
        row = StandardMeasurement(
            page=page,
            locale_id=page.locale_id,
            translation_key=uuid.uuid4(),
            period_start=period.start,
            period_end=period.end,
            reason="Motivo.",
            action="Acción.",
        )
        if isinstance(value, str):
            row.numerator, row.denominator = (Decimal(v) for v in value.split("/"))
        else:
            row.value = Decimal(value)
        rows.append(row)
    for row in rows:
        row.save()
    return rows
