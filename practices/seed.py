"""Synthetic practices for load and query-count tests: many pages, each with image and indicators."""

import datetime
import io
from decimal import Decimal

from django.core.files.images import ImageFile
from django.db import transaction
from PIL import Image as PILImage
from wagtail.images import get_image_model

from .models import (
    PracticeIndexPage,
    PracticeIndicator,
    PracticePage,
    SustainableDevelopmentGoal,
    Theme,
)
from .signals import pdfs_on_first_request

SLUG_PREFIX = "seed-practice-"
STATUSES = PracticePage.Status.values


def seeded(index):
    return PracticePage.objects.child_of(index).filter(slug__startswith=SLUG_PREFIX)


def spanish_index():
    return PracticeIndexPage.objects.filter(locale__language_code="es").first()


def _image(number):
    buffer = io.BytesIO()
    shade = (number * 37) % 200
    PILImage.new("RGB", (800, 450), (20, shade, 120)).save(buffer, format="JPEG")
    buffer.seek(0)
    image = get_image_model()(title=f"Seed practice {number}")
    image.file = ImageFile(buffer, name=f"seed-practice-{number}.jpg")
    image.save()
    return image


def seed(index, count, dry_run=False):
    """Ensure ``count`` seeded practices exist under ``index``; return how many were (or would be)
    created."""
    existing = seeded(index).count()
    missing = max(0, count - existing)
    if dry_run or not missing:
        return missing
    themes = list(Theme.objects.filter(locale=index.locale))
    SustainableDevelopmentGoal.ensure_all()
    goals = list(SustainableDevelopmentGoal.objects.all())
    with transaction.atomic(), pdfs_on_first_request():
        for number in range(existing + 1, existing + missing + 1):
            page = PracticePage(
                locale=index.locale,
                title=f"Práctica de prueba {number}",
                slug=f"{SLUG_PREFIX}{number}",
                summary="Práctica generada para pruebas de carga.",
                image=_image(number),
                image_alt="Un rectángulo de color, imagen de prueba.",
                responsible_unit="Unidad de pruebas",
                status=STATUSES[number % len(STATUSES)],
                start_year=2015 + number % 10,
                replication_conditions="<p>Ninguna.</p>",
                contact_name="Equipo de pruebas",
                contact_role="Pruebas",
                contact_email="pruebas@example.org",
                budget_clp=Decimal(1_000_000 * number),
            )
            for position in range(2):
                page.indicators.add(
                    PracticeIndicator(
                        locale=index.locale,
                        name=f"Indicador {position + 1}",
                        baseline=Decimal(0),
                        target=Decimal(100),
                        current_value=Decimal(number % 101),
                        unit="%",
                        measured_on=datetime.date(2025, 1, 1),
                        source="Generado",
                    )
                )
            index.add_child(instance=page)
            if themes:
                page.themes.set([themes[number % len(themes)]])
            page.sdgs.set([goals[number % 17], goals[(number + 5) % 17]])
            page.save()
            page.save_revision().publish()
    return missing
