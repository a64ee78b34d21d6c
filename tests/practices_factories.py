"""Factories for practices: themes, the index, practice pages with indicators."""

import datetime
import re
from decimal import Decimal

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from directory.models import Organization
from practices.models import PracticeIndexPage, PracticeIndicator, PracticePage, Theme

from .factories import spanish


class ThemeFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Tema {n}")
    slug = factory.Sequence(lambda n: f"tema-{n}")
    locale = factory.LazyFunction(spanish)

    class Meta:
        model = Theme


class OrganizationFactory(DjangoModelFactory):
    name = "Universidad Técnica del Litoral"
    kind = Organization.Kind.UNIVERSITY
    country = "CL"
    website = "https://utl.example.edu"
    locale = factory.LazyFunction(spanish)

    class Meta:
        model = Organization


class PracticeIndexPageFactory(wagtail_factories.PageFactory):
    title = "Buenas prácticas"
    slug = "buenas-practicas"
    intro = "Prácticas que otras ciudades pueden adoptar."

    class Meta:
        model = PracticeIndexPage


class ImageFactory(wagtail_factories.ImageFactory):
    title = factory.Sequence(lambda n: f"Imagen {n}")
    file = factory.django.ImageField(width=1600, height=900, color="#0b4f8a")


class PracticePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Práctica {n}")
    slug = factory.Sequence(lambda n: f"practica-{n}")
    summary = "Un resumen de la práctica para socios del extranjero."
    responsible_unit = "Dirección de Tránsito"
    status = PracticePage.Status.OPERATING
    start_year = 2021
    replication_conditions = "<p>Un equipo municipal de tres personas.</p>"
    contact_name = "Ana Rojas"
    contact_role = "Coordinadora de proyectos"
    contact_email = "ana.rojas@example.org"

    class Meta:
        model = PracticePage


def add_indicator(page, **values):
    """Attach an indicator to ``page`` (saved as part of its next revision)."""
    defaults = {
        "name": "Viajes diarios en bicicleta",
        "baseline": Decimal("1000"),
        "target": Decimal("3000"),
        "current_value": Decimal("2240"),
        "unit": "viajes",
        "measured_on": datetime.date(2025, 6, 30),
        "source": "Conteo municipal 2025",
        "locale": page.locale,
    }
    defaults.update(values)
    indicator = PracticeIndicator(**defaults)
    page.indicators.add(indicator)
    return indicator


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def make_practice(index, themes=(), goals=(), partners=(), indicators=1, image=True, **kwargs):
    """A published practice under ``index`` with themes, goals and indicators."""
    if image and "image" not in kwargs:
        kwargs["image"] = ImageFactory()
        kwargs.setdefault("image_alt", "Ciclistas en una ciclovía protegida")
    page = PracticePageFactory.build(locale=index.locale, **kwargs)
    index.add_child(instance=page)
    page.themes.set(list(themes))
    page.sdgs.set(list(goals))
    page.partners.set(list(partners))
    for number in range(indicators):
        add_indicator(page, name=f"Indicador {number + 1}")
    page.save()
    return publish(page)


class ToEnglish(dict):
    """A translator for the ``translate`` fixture: given pairs first, then slugs get an -en
    suffix and other text an "EN " prefix."""

    def __missing__(self, text):
        if re.fullmatch(r"[a-z0-9-]+", text):
            return f"{text}-en"
        return f"EN {text}"
