"""The practice page and index as a reader sees them, in both languages."""

import json
import re

import pytest
from django.test import override_settings

from practices.models import SustainableDevelopmentGoal

from .practices_factories import PracticeIndexPageFactory, ThemeFactory, make_practice

pytestmark = pytest.mark.django_db

NO_PDF_ON_PUBLISH = override_settings(PRACTICES_PDF_ON_PUBLISH=False)


@pytest.fixture
def index(home):
    page = PracticeIndexPageFactory(parent=home, locale=home.locale)
    page.save_revision().publish()
    return page


@pytest.fixture
def practice(index):
    with NO_PDF_ON_PUBLISH:
        return make_practice(
            index,
            title="Buses nocturnos de barrio",
            themes=[ThemeFactory(name="Movilidad", slug="movilidad")],
            goals=SustainableDevelopmentGoal.objects.filter(number__in=[11, 13]),
        )


def test_practice_page_shows_facts_indicators_and_contact(client, practice):
    response = client.get(practice.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Buses nocturnos de barrio" in html
    assert "Ciudades y comunidades sostenibles" in html
    assert "Movilidad" in html
    assert "Indicador 1" in html
    assert "62% del camino" in html or "62%" in html
    assert "ana.rojas@example.org" in html


def test_json_ld_describes_the_practice(client, practice):
    html = client.get(practice.url).content.decode()
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    data = json.loads(match.group(1))
    assert data["@type"] == "Article"
    assert data["name"] == "Buses nocturnos de barrio"
    assert data["inLanguage"] == "es"

