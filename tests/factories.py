"""Factories for the site frame; each app's factories live in tests/<app>_factories.py."""

import factory
import wagtail_factories
from wagtail.models import Locale

from home.models import ContentPage, HomePage


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Relaciones internacionales"
    slug = "inicio"
    intro = "La oficina conecta la ciudad con el mundo."

    class Meta:
        model = HomePage


class ContentPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Página {n}")
    slug = factory.Sequence(lambda n: f"pagina-{n}")
    summary = "Un resumen."
    body = factory.LazyFunction(lambda: [("paragraph", "<p>Texto de la página.</p>")])

    class Meta:
        model = ContentPage


def spanish():
    return Locale.objects.get_or_create(language_code="es")[0]


def english():
    return Locale.objects.get_or_create(language_code="en")[0]
