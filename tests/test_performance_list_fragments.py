"""The practices index, the directory and the search page keep their rendered lists while the
content is unchanged, with the page cache off, and show a change on the very next request, in
both languages; bad parameters still get their notices from a kept part."""

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from directory.models import Organization
from practices.models import PracticeIndexPage, PracticePage, SustainableDevelopmentGoal

from .missions_index_factories import build_catalogue
from .module_data import translate_into_english
from .partners_factories import build_partner_site
from .practices_factories import PracticeIndexPageFactory, ThemeFactory, ToEnglish, make_practice
from .search_data import build_search_site

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_off")]


@pytest.fixture(autouse=True)
def no_pdf_on_publish(settings):
    settings.PRACTICES_PDF_ON_PUBLISH = False


def get(url, **params):
    """(the page's text without tags, its number of queries), through a new client."""
    with CaptureQueriesContext(connection) as queries:
        response = Client().get(url, params)
    assert response.status_code == 200
    assert "X-Page-Cache" not in response.headers
    html = re.sub(r'nonce="[^"]*"', "", response.content.decode())
    return html, len(queries)


def text(html):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.fixture
def practices(home):
    SustainableDevelopmentGoal.ensure_all()
    index = PracticeIndexPageFactory(parent=home, locale=home.locale)
    index.save_revision().publish()
    mobility = ThemeFactory(name="Movilidad", slug="movilidad")
    buses = make_practice(index, title="Buses nocturnos", themes=[mobility], status="operating")
    make_practice(index, title="Riego con aguas grises", status="pilot")
    english = translate_into_english(index, ToEnglish({"Buenas prácticas": "Good practices"}))
    night_buses = translate_into_english(buses, ToEnglish({"Buses nocturnos": "Night buses"}))
    return {"index": index, "english": english, "mobility": mobility, "night_buses": night_buses}


LAYOUT = 2  # at most what any page reads while nothing changes (the site, the page itself)


def kept(url, **params):
    """The page rendered, then kept: (its HTML, queries rendered, queries kept). A request for
    another address first, so that both counts have the layout's kept values already."""
    get(url, warm="up")
    first, rendered = get(url, **params)
    second, kept_queries = get(url, **params)
    assert second == first
    return first, rendered, kept_queries


def test_the_practices_index_is_kept_and_shows_each_change_at_once(practices):
    index, english = practices["index"], practices["english"]
    html, _rendered, kept_queries = kept(index.url)
    assert "Buses nocturnos" in html
    assert kept_queries <= LAYOUT  # cards, themes, goals and count are not read again
    # A theme: the language switcher translates its slug (the layout's work), the rest is kept.
    html, rendered, kept_queries = kept(index.url, theme="movilidad", page="1")
    assert "Buses nocturnos" in html and "Riego con aguas grises" not in html
    assert kept_queries < rendered
    english_before, _ = get(english.url)
    assert "Night buses" in english_before and get(english.url)[0] == english_before

    theme = practices["mobility"]
    theme.name = "Movilidad sostenible"
    theme.save()
    after = text(get(index.url)[0])
    assert "Movilidad sostenible" in after  # in the filter and on the card
    assert after.count("Movilidad sostenible") == 2

    make_practice(index, title="Huertos comunitarios", image=False)
    after = text(get(index.url)[0])
    assert "Huertos comunitarios" in after and "3 prácticas" in after

    PracticePage.objects.get(title="Riego con aguas grises").unpublish()
    after = text(get(index.url)[0])
    assert "Riego con aguas grises" not in after and "2 prácticas" in after

    # English: its own kept list, dropped by a change too.
    practices["night_buses"].unpublish()
    assert "Night buses" not in text(get(english.url)[0])


def test_a_kept_practices_list_keeps_its_notices_for_bad_parameters(practices):
    index = practices["index"]
    for _ in range(2):  # rendered, then kept
        page = text(get(index.url, theme="nada", sdg="40", status="x", page="zz")[0])
        assert "No existe el tema “nada”; se muestran todos los temas." in page
        assert "“40” no es un Objetivo de Desarrollo Sostenible (1 a 17)" in page
        assert "Buses nocturnos" in page
    long_value = "a" * 5000
    page = text(get(index.url, theme=long_value)[0])
    assert "Buses nocturnos" in page


@pytest.fixture
def search_site():
    return build_search_site()


def test_search_results_and_facets_are_kept_and_show_a_publish_at_once(search_site):
    html, rendered, kept_queries = kept("/es/buscar/", q="huertos")
    assert "Huertos comunitarios" in text(html)
    assert kept_queries <= LAYOUT < rendered  # the search, its facets and results: not run again

    practices_index = PracticeIndexPage.objects.get(locale__language_code="es")
    make_practice(
        practices_index,
        title="Huertos escolares",
        summary="Huertos en los patios de las escuelas.",
        image=False,
    )
    after = text(get("/es/buscar/", q="huertos")[0])
    assert "Huertos escolares" in after
    assert "2 resultados" in after

    organisation = Organization.objects.get(name="Red de Ciudades Resilientes")
    before = text(get("/es/buscar/", q="resilientes")[0])
    assert "Red de Ciudades Resilientes" in before
    organisation.name = "Red de Ciudades Resilientes del Pacífico"
    organisation.save()
    after = text(get("/es/buscar/", q="resilientes")[0])
    assert "Red de Ciudades Resilientes del Pacífico" in after


def test_search_keeps_each_query_string_apart_in_both_languages(search_site):
    spanish, _ = get("/es/buscar/", q="simulacros")
    english, _ = get("/en/search/", q="drills")
    assert "Simulacros de evacuación en Valparaíso" in text(spanish)
    assert "Evacuation drills in Valparaíso" in text(english)
    for _ in range(2):  # rendered, then kept: the notices come with the kept answer
        bad = text(get("/es/buscar/", q="simulacros", type="nada", page="zz")[0])
        assert "Simulacros de evacuación en Valparaíso" in bad
        assert "“nada” no es una de las opciones" in bad
        too_long = text(get("/es/buscar/", q="simulacros " + "x" * 5000)[0])
        assert "El texto de búsqueda era demasiado largo y se acortó a" in too_long


def test_the_directory_list_is_kept_and_shows_a_renamed_organisation_at_once():
    build_partner_site()
    for url in ("/es/organizaciones/", "/en/organisations/"):
        html, rendered, kept_queries = kept(url, kind="university")
        assert "Universidad del Litoral" in html or "Coastal University" in html
        assert kept_queries <= LAYOUT < rendered  # counts, filter, cards, table: not read again
    for _ in range(2):  # rendered, then kept: its notices too
        bad = text(get("/es/organizaciones/", kind="nada", page="zz")[0])
        assert "“nada” no es una de las opciones" in bad
        assert "Universidad del Litoral" in bad
    university = Organization.objects.get(name="Universidad del Litoral")
    university.name = "Universidad del Litoral Norte"
    university.save()
    after = text(get("/es/organizaciones/", kind="university")[0])
    assert "Universidad del Litoral Norte" in after
    english = Organization.objects.get(name="Coastal University")
    english.name = "Northern Coastal University"
    english.save()
    assert "Northern Coastal University" in text(get("/en/organisations/", kind="university")[0])


def test_the_missions_index_reads_only_the_layout_while_kept_and_keeps_its_notices(
    mission_index,
):
    build_catalogue(mission_index)
    html, rendered, kept_queries = kept(mission_index.url, page="zz")
    assert "No existe la página “zz”; se muestra la primera." in text(html)
    # Rendered, the listing reads its rows (its count comes with the kept totals); kept, the
    # notices and rows are not read again.
    assert kept_queries <= LAYOUT and kept_queries < rendered, (kept_queries, rendered)
