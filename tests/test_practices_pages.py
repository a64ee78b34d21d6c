"""The practice page and index as a reader sees them, in both languages."""

import json
import re

import pytest
from django.test import override_settings
from django.utils import translation
from django.utils.translation import gettext

from practices.models import SustainableDevelopmentGoal

from .practices_factories import (
    OrganizationFactory,
    PracticeIndexPageFactory,
    ThemeFactory,
    ToEnglish,
    make_practice,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def sdg_rows(db):
    """The goals come from a data migration; browser tests elsewhere may have flushed them."""
    SustainableDevelopmentGoal.ensure_all()


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
            partners=[OrganizationFactory()],
            budget_clp=480000000,
        )


def json_ld(html):
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(match.group(1))


def test_practice_page_shows_facts_indicators_and_contact(client, practice):
    response = client.get(practice.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Buses nocturnos de barrio" in html
    assert "Ciudades y comunidades sostenibles" in html
    assert "Movilidad" in html
    assert "Indicador 1" in html
    assert "62%" in html
    assert "$480.000.000" in html  # money formatted for a Spanish reader
    assert "ana.rojas@example.org" in html


def test_json_ld_describes_the_practice(client, practice):
    html = client.get(practice.url).content.decode()
    data = json_ld(html)
    assert data["@type"] == "Article"
    assert data["name"] == "Buses nocturnos de barrio"
    assert data["inLanguage"] == "es"


def test_share_tags_and_canonical_address(client, practice):
    html = client.get(practice.url).content.decode()
    assert f'<link rel="canonical" href="http://testserver{practice.url}">' in html
    assert '<meta property="og:type" content="article">' in html
    assert '<meta property="og:title" content="Buses nocturnos de barrio">' in html
    image = re.search(r'<meta property="og:image" content="([^"]+)">', html).group(1)
    assert image.startswith("http://testserver/media/images/") and image.endswith(".jpg")
    assert '<meta property="og:image:width" content="1200">' in html
    assert '<meta property="og:image:alt" content="Ciclistas en una ciclovía protegida">' in html
    assert '<meta name="twitter:card" content="summary_large_image">' in html
    assert '<meta name="description" content="Un resumen de la práctica' in html


def test_index_page_links_each_card_and_its_language_versions(client, practice, translate):
    english_index = translate(practice.get_parent(), ToEnglish())
    english = translate(practice, ToEnglish())
    html = client.get(practice.url).content.decode()
    assert f'hreflang="en" href="http://testserver{english.url}"' in html
    assert english_index.url == "/en/buenas-practicas-en/"


@pytest.fixture
def english_practice(practice, translate, locales):
    translate(practice.get_parent(), ToEnglish())
    theme = practice.themes.get()
    translate(theme, {"Movilidad": "Mobility", "movilidad": "mobility"})
    org = practice.partners.get()
    translate(org, ToEnglish({"Universidad Técnica del Litoral": "Coastal Technical University"}))
    return translate(
        practice,
        ToEnglish(
            {
                "Buses nocturnos de barrio": "Neighbourhood night buses",
                "Indicador 1": "Night trips",
            }
        ),
    )


def test_english_translation_through_wagtail_localize(client, english_practice):
    assert english_practice.locale.language_code == "en"
    response = client.get(english_practice.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<h1 id="page-title">Neighbourhood night buses</h1>' in html
    assert "Night trips" in html  # the indicator, translated as part of the page
    assert "Sustainable cities and communities" in html  # official SDG name in English
    assert "Ciudades y comunidades sostenibles" not in html
    assert ">Mobility</a>" in html  # the theme shown in its English version
    assert "Coastal Technical University" in html  # the shared organization, translated
    assert "CLP\xa0480,000,000" in html  # money formatted for an English reader
    data = json_ld(html)
    assert data["inLanguage"] == "en"
    assert data["name"] == "Neighbourhood night buses"
    assert data["keywords"] == ["Mobility"]


def test_synchronised_facts_follow_the_spanish_source(
    client, practice, english_practice, translate
):
    practice.start_year = 2019
    practice.save_revision().publish()
    english = translate(practice, ToEnglish({"Buses nocturnos de barrio": "Night buses"}))
    assert english.start_year == 2019
    assert [i.current_value for i in english.indicators.all()] == [
        i.current_value for i in practice.indicators.all()
    ]


def test_home_page_counts_practices_published_in_its_language(client, practice):
    response = client.get(practice.get_parent().get_parent().url)
    figures = {str(f["label"]): f["value"] for f in response.context["key_figures"]}
    with translation.override("es"):
        label = gettext("Practices published")
    assert figures[label] == 1


def test_documents_and_gallery_are_shown(client, practice):
    from wagtail_factories import DocumentFactory

    from .practices_factories import ImageFactory, publish

    document = DocumentFactory(title="Informe de evaluación 2024")
    image = ImageFactory()
    practice.documents = [("document", {"document": document, "title": ""})]
    practice.gallery = [
        ("image", {"image": image, "alt_text": "Paradero iluminado", "caption": "", "credit": ""})
    ]
    with NO_PDF_ON_PUBLISH:
        publish(practice)
    html = client.get(practice.url).content.decode()
    assert 'id="documents"' in html and "Informe de evaluación 2024" in html
    assert 'alt="Paradero iluminado"' in html
