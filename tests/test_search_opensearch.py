"""Search on a real OpenSearch-compatible engine (osmem-server, started for this module on a free
port and stopped after it): an index per language, word forms, facets, autocomplete, updates
on publish and unpublish; and, when the engine refuses or hangs, the database answering within
a second with a notice, the engine then left alone for a while (the circuit breaker)."""

import os
import re
import socket
import time

import pytest
from django.core.management import call_command
from django.test import override_settings
from osmem_server import OsmemServer
from wagtail.search.backends import get_search_backend

from missions.models import MissionPage
from search import breaker
from search.config import search_backends

from .factories import ContentPageFactory
from .module_data import rolled_back_after_module
from .search_data import build_search_site
from .servers import HungServer as HungEngine

PREFIX = f"test{os.getpid()}_"


@pytest.fixture(scope="session")
def engine():
    """The engine, on a free port, for the test session; stopped at its end."""
    server = OsmemServer.start(japanese=False)
    yield server
    server.close()


# The working engine's tests are about what it finds, not how fast: on a two-core machine busy
# with a second test run (CI runs SQLite and PostgreSQL side by side), creating an index has
# taken longer than the site's 0.5 s (SEARCH_TIMEOUT), so they allow it 10 s. The tests of an
# engine that refuses or hangs, below, keep the site's own 0.5 s.
WORKING_ENGINE_TIMEOUT = 10.0


@pytest.fixture(scope="module", autouse=True)
def site(engine, django_db_setup, django_db_blocker):
    backends = search_backends(engine.url, prefix=PREFIX, timeout=WORKING_ENGINE_TIMEOUT)
    with (
        override_settings(WAGTAILSEARCH_BACKENDS=backends),
        rolled_back_after_module(django_db_blocker),
    ):
        call_command("update_index", backend_name="default", verbosity=0)
        built = build_search_site()
        refresh()
        yield built


pytestmark = pytest.mark.django_db


def refresh():
    get_search_backend("default").refresh_indexes()


def titles(response):
    html = response.content.decode()
    return [re.sub(r"<[^>]+>", "", title) for title in re.findall(r"<h2>(.*?)</h2>", html)]


def test_each_language_has_its_own_index(engine):
    names = {row["index"] for row in engine.request("GET", "/_cat/indices?format=json")}
    assert {f"{PREFIX}wagtailcore_page_es", f"{PREFIX}wagtailcore_page_en"} <= names
    spanish_docs = engine.request("GET", f"/{PREFIX}wagtailcore_page_es/_count")["count"]
    english_docs = engine.request("GET", f"/{PREFIX}wagtailcore_page_en/_count")["count"]
    assert spanish_docs >= 3 and english_docs >= 3  # home, missions index, mission


@pytest.mark.parametrize("query", ["riesgo", "simulacro", "rio", "valparaiso", "RIESGOS"])
def test_spanish_word_forms_on_the_engine(client, query):
    response = client.get("/es/buscar/", {"q": query})
    assert response.context["engine_down"] is False
    assert "Simulacros de evacuación en Valparaíso" in titles(response)


@pytest.mark.parametrize("query", ["drill", "drills", "risk", "flooding"])
def test_english_queries_go_to_the_english_index(client, query):
    response = client.get("/en/search/", {"q": query})
    assert response.context["engine_down"] is False
    assert titles(response) == ["Evacuation drills in Valparaíso"]


def test_facets_and_records_on_the_engine(client):
    response = client.get("/es/buscar/", {"q": "riesgos"})
    facets = {type_.key: count for type_, count in response.context["facets"]}
    assert facets == {"missions.missionpage": 1, "directory.organization": 1}
    assert "Ana Riquelme" in titles(client.get("/es/buscar/", {"q": "riquelme"}))


def test_autocomplete_finds_a_word_by_its_beginning(locales):
    backend = get_search_backend("default")
    missions = MissionPage.objects.live().filter(locale=locales["es"])
    assert [page.title for page in backend.autocomplete("simul", missions)] == [
        "Simulacros de evacuación en Valparaíso"
    ]


@pytest.mark.parametrize("query", ['"', "title:riesgos", "*", "riesgos)", "🌊", "a" * 500])
def test_odd_queries_on_the_engine(client, query):
    response = client.get("/es/buscar/", {"q": query})
    assert response.status_code == 200
    assert response.context["engine_down"] is False


def test_publishing_and_unpublishing_update_the_index(client, site):
    page = ContentPageFactory(parent=site["home"], title="Hermanamiento con Rosario")
    page.save_revision().publish()
    refresh()
    assert titles(client.get("/es/buscar/", {"q": "hermanamientos"})) == [
        "Hermanamiento con Rosario"
    ]
    page.unpublish()
    refresh()
    assert titles(client.get("/es/buscar/", {"q": "hermanamiento"})) == []


def test_a_search_right_after_a_publish_finds_it_and_keeps_nothing_stale(client, site):
    # No refresh() here: a search answered before the engine shows the new page would be kept
    # (the kept search answer, the page cache) until the next change.
    assert titles(client.get("/es/buscar/", {"q": "hermanamiento"})) == []
    page = ContentPageFactory(parent=site["home"], title="Hermanamiento con Córdoba")
    page.save_revision().publish()
    assert titles(client.get("/es/buscar/", {"q": "hermanamiento"})) == [
        "Hermanamiento con Córdoba"
    ]
    page.unpublish()
    assert titles(client.get("/es/buscar/", {"q": "hermanamiento"})) == []


def test_update_index_rebuilds_both_languages(client):
    call_command("update_index", backend_name="default", verbosity=0)
    refresh()
    assert titles(client.get("/en/search/", {"q": "drills"})) == ["Evacuation drills in Valparaíso"]
    assert "Simulacros de evacuación en Valparaíso" in titles(
        client.get("/es/buscar/", {"q": "simulacro"})
    )


# The engine down ------------------------------------------------------------------------------


def refused_url():
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    return f"http://127.0.0.1:{port}"


# A page that gave up on the engine: its 0.5 s timeout (SEARCH_TIMEOUT) plus rendering on a
# busy two-core machine. Waiting on a hung engine without that timeout takes opensearch-py's
# default of 10 s, so the bound still tells the two apart.
PROMPT_SECONDS = 3.0


def timed_search(client, path, query):
    started = time.monotonic()
    response = client.get(path, {"q": query})
    return response, time.monotonic() - started


def assert_answered_from_the_database(response, elapsed):
    assert response.status_code == 200
    assert elapsed < PROMPT_SECONDS, f"took {elapsed:.2f} s"
    assert response.context is not None, "served from the page cache"
    assert "no-store" in response["Cache-Control"]
    assert response.context["engine_down"] is True
    assert "El motor de búsqueda no responde en este momento" in response.content.decode()
    assert "Simulacros de evacuación en Valparaíso" in titles(response)


def test_a_refused_connection_answers_from_the_database(client):
    with override_settings(WAGTAILSEARCH_BACKENDS=search_backends(refused_url())):
        response, elapsed = timed_search(client, "/es/buscar/", "riesgos")
        assert_answered_from_the_database(response, elapsed)
        assert breaker.is_open()


def test_a_hung_engine_answers_from_the_database_and_is_then_left_alone(client):
    hung = HungEngine()
    try:
        with override_settings(WAGTAILSEARCH_BACKENDS=search_backends(hung.url)):
            response, elapsed = timed_search(client, "/es/buscar/", "riesgos")
            assert_answered_from_the_database(response, elapsed)
            tried = len(hung.connections)
            assert tried >= 1
            # Within the breaker's window, neither searching nor publishing tries the engine.
            for _ in range(6):
                response, elapsed = timed_search(client, "/es/buscar/", "simulacros")
                assert_answered_from_the_database(response, elapsed)
            page = MissionPage.objects.get(slug="simulacros")
            started = time.monotonic()
            page.save_revision().publish()
            assert time.monotonic() - started < PROMPT_SECONDS
            assert len(hung.connections) == tried
            # Once the window is over, the engine is tried again.
            breaker.reset()
            timed_search(client, "/es/buscar/", "riesgos")
            assert len(hung.connections) > tried
    finally:
        hung.close()


def test_the_english_page_says_the_engine_is_down_in_english(client):
    with override_settings(WAGTAILSEARCH_BACKENDS=search_backends(refused_url())):
        response = client.get("/en/search/", {"q": "drills"})
    assert "The search engine is not answering right now" in response.content.decode()
    assert titles(response) == ["Evacuation drills in Valparaíso"]
