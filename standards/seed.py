"""Synthetic standards for load tests and the benchmark: ``seed(index, count, periods)`` adds
``count`` monthly standards, each measured over its last ``periods`` months (a few not met, a
few without data), marked "Seed" in their slug so that running it again adds only what is missing."""

import random
import uuid
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from home.cache import bump

from .choices import Channel, Direction, Frequency, Unit
from .models import StandardMeasurement, StandardPage
from .periods import ended_periods, first_of_periods_back

UNITS = ["Unidad de Cooperación", "Unidad de Comunicaciones", "Recepción", "Jefatura"]


@transaction.atomic
def seed(index, count, periods=36, today=None):
    """Add seeded standards under ``index`` until it has ``count``; returns how many were made."""
    today = today or timezone.localdate()
    existing = StandardPage.objects.child_of(index).filter(slug__startswith="seed-").count()
    rng = random.Random(count)
    made = 0
    for number in range(existing + 1, count + 1):
        page = StandardPage(
            title=f"Estándar de prueba {number}",
            slug=f"seed-{number}",
            commitment=f"Compromiso de prueba número {number}.",
            indicator="Casos atendidos a tiempo",
            formula="Casos a tiempo ÷ casos del mes × 100.",
            target_value=Decimal(90),
            unit=Unit.PERCENT,
            direction=Direction.HIGHER,
            frequency=Frequency.MONTHLY,
            measured_since=first_of_periods_back(today, Frequency.MONTHLY, periods),
            responsible_unit=UNITS[number % len(UNITS)],
            channel=list(Channel.values)[number % len(Channel.values)],
            data_source="Registro interno.",
            verification="Informe mensual.",
            redress="Escriba a reclamos@example.org.",
        )
        index.add_child(instance=page)
        page.save_revision().publish()
        rows = []
        for period in ended_periods(page.measured_since, page.frequency, today):
            if rng.random() < 0.05:
                continue
            total = rng.randint(20, 60)
            met = total if rng.random() < 0.2 else rng.randint(int(total * 0.8), total)
            missed = met * 100 < 90 * total
            rows.append(
                StandardMeasurement(
                    page=page,
                    locale_id=page.locale_id,
                    translation_key=uuid.uuid4(),
                    period_start=period.start,
                    period_end=period.end,
                    numerator=met,
                    denominator=total,
                    value=Decimal(met * 100) / total,
                    reason="Demanda mayor a la prevista." if missed else "",
                    action="Refuerzo del equipo." if missed else "",
                    sort_order=len(rows),
                )
            )
        StandardMeasurement.objects.bulk_create(rows)
        made += 1
    bump()  # bulk-written: no signal told the page cache
    return made
