"""Search on the database backend (SQLite here, PostgreSQL in .ci/run): word forms and accents in
both languages, every declared type, facets, and whatever a reader types answered with 200."""

import re

import pytest

from home.models import ContentPage

from .factories import spanish
from .missions_factories import build_mission
from .module_data import rolled_back_after_module
from .search_data import build_search_site


@pytest.fixture(scope="module", autouse=True)
def site(django_db_setup, django_db_blocker):
    with rolled_back_after_module(django_db_blocker):
        build_search_site()
        yield


pytestmark = pytest.mark.django_db


def titles(response):
    """The result titles as a reader reads them (marks removed)."""
    html = response.content.decode()
    return [re.sub(r"<[^>]+>", "", title) for title in re.findall(r"<h2>(.*?)</h2>", html)]


@pytest.mark.parametrize(
    "query",
    # "inundaciones" and "evacuaciones" against "inundación" and "evacuación": plurals of -ción
    # words, which PostgreSQL's own Spanish stemmer split from their singular once accents were
    # dropped; "inundacion", the accent left out.
    [
        "riesgo",
        "riesgos",
        "simulacro",
        "SIMULACROS",
        "rio",
        "río",
        "valparaiso",
        "inundaciones",
        "inundacion",
        "evacuaciones",
    ],
)
def test_spanish_word_forms_and_accents_find_the_mission(client, query):
    response = client.get("/es/buscar/", {"q": query})
    assert "Simulacros de evacuación en Valparaíso" in titles(response)


@pytest.mark.parametrize("query", ["drill", "drills", "risk", "flooding", "valparaiso"])
def test_english_word_forms_find_the_english_mission_only(client, query):
    response = client.get("/en/search/", {"q": query})
    assert titles(response) == ["Evacuation drills in Valparaíso"]


def test_spanish_search_never_shows_english_pages(client):
    assert titles(client.get("/es/buscar/", {"q": "drills"})) == []


def test_mission_result_shows_type_date_destination_cost_and_marked_words(client):
    html = client.get("/es/buscar/", {"q": "riesgo"}).content.decode()
    item = html[html.index("Simulacros de evacuación") :]
    item = item[: item.index("</li>")]
    assert "Misión" in item
    assert '<time datetime="2026-03-02">2 de marzo de 2026</time>' in item
    assert "Valparaíso (Chile)" in item
    assert "$1.250.000" in item
    assert "<mark>riesgos</mark>" in item


def test_a_person_leads_to_the_missions_they_travelled_on(client):
    response = client.get("/es/buscar/", {"q": "riquelme"})
    html = response.content.decode()
    assert "Ana Riquelme" in titles(response)
    assert "Alcaldesa" in html
    person_url = re.search(
        r'href="(/es/misiones/\?person=\d+)">1 misión en la que viajó', html
    ).group(1)
    listing = client.get(person_url).content.decode()
    assert "Simulacros de evacuación en Valparaíso" in listing


def test_english_person_result_is_the_translation(client):
    html = client.get("/en/search/", {"q": "riquelme"}).content.decode()
    assert "Mayor" in html and "Alcaldesa" not in html
    assert re.search(r'href="/en/[a-z-]+/\?person=\d+">1 mission travelled on', html)


def test_organisations_are_found_and_lead_to_their_page(client):
    response = client.get("/es/buscar/", {"q": "resilientes"})
    assert titles(response) == ["Red de Ciudades Resilientes"]
    url = re.search(r'<h2><a href="([^"]+)">', response.content.decode()).group(1)
    assert url.startswith("/es/organizaciones/")
    assert "Red de Ciudades Resilientes" in client.get(url).content.decode()


def test_facets_count_each_type_and_filter_by_it(client):
    response = client.get("/es/buscar/", {"q": "riesgos"})
    facets = {type_.key: count for type_, count in response.context["facets"]}
    assert facets == {"missions.missionpage": 1, "directory.organization": 1}
    html = response.content.decode()
    assert "Misiones (1)" in html and "Organizaciones (1)" in html
    only = client.get("/es/buscar/", {"q": "riesgos", "type": "directory.organization"})
    assert titles(only) == ["Red de Ciudades Resilientes"]


def test_index_pages_are_never_offered_nor_found(client):
    response = client.get("/es/buscar/", {"q": "misiones"})
    offered = [type_.key for type_ in response.context["types"]]
    assert offered == [
        "missions.missionpage",
        "practices.practicepage",
        "standards.standardpage",
        "home.contentpage",
        "directory.person",
        "directory.organization",
    ]
    assert "Misiones" not in titles(response)


def test_practices_and_content_pages_are_found(client):
    assert titles(client.get("/es/buscar/", {"q": "huerto"})) == ["Huertos comunitarios"]
    assert titles(client.get("/es/buscar/", {"q": "trabajamos"})) == ["Cómo trabajamos"]
    assert ContentPage.objects.filter(title="Cómo trabajamos").exists()


ODD_QUERIES = [
    '"',
    '"riesgos',
    "riesgos\"'",
    "riesgo AND NOT",
    "OR",
    "NOT riesgos",
    "*",
    "ries*",
    "title:riesgos",
    ":",
    "(riesgos",
    "riesgos)",
    "^",
    "-",
    "+riesgos -valparaiso",
    "🌊🌊",
    "riesgos 🌊",
    "\x00",
    "ries\x00gos",
    "a" * 500,
    "riesgos " * 80,
    "NEAR(riesgos simulacros)",
    "{riesgos}",
    "\\",
    "%_%",
    "' OR 1=1 --",
    "<script>alert(1)</script>",
    "\u202e\u200b",
    "ñandú",
    "日本語",
]


@pytest.mark.parametrize("query", ODD_QUERIES)
@pytest.mark.parametrize("path", ["/es/buscar/", "/en/search/"])
def test_any_query_answers_200(client, path, query):
    response = client.get(path, {"q": query, "type": "missions.missionpage"})
    assert response.status_code == 200
    response = client.get(path, {"q": query})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert" not in html


def test_a_quoted_query_still_finds_its_words(client):
    assert "Simulacros de evacuación en Valparaíso" in titles(
        client.get("/es/buscar/", {"q": '"riesgos'})
    )


def test_a_query_without_words_says_so(client):
    response = client.get("/es/buscar/", {"q": "🌊 * :"})
    assert response.status_code == 200
    assert "no tiene letras ni números" in response.content.decode()


def test_a_long_query_is_shortened_with_a_notice(client):
    response = client.get("/es/buscar/", {"q": "riesgos " * 80})
    assert "se acortó a 200 caracteres" in response.content.decode()
    assert "Simulacros de evacuación en Valparaíso" in titles(response)


def test_queries_do_not_grow_with_the_results_shown(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from missions.models import MissionIndexPage

    def queries(query):
        with CaptureQueriesContext(connection) as captured:
            response = client.get("/es/buscar/", {"q": query})
        assert response.status_code == 200
        return len(captured), len(response.context["results"])

    index = MissionIndexPage.objects.get(locale=spanish())
    one = queries("valparaiso")
    for number in range(12):
        build_mission(index, title=f"Feria en Lima {number}", slug=f"feria-{number}")
    ten = queries("feria")
    assert one[1] == 1 and ten[1] == 10
    assert ten[0] <= one[0] + 2, (one, ten)
