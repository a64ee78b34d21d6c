"""Issue 11, the API's documentation for people: a page in both languages under the open
data portal (/es/datos/api/, /en/data/api/), linked from the portal beside openapi.json,
listing every list of the API with its filters and data dictionary, and examples that run."""

import html
import json
import re

import pytest

from home.opendata.dataset import datasets
from portal.models import OpenDataPortalPage

from .missions_factories import MissionIndexPageFactory
from .missions_index_factories import build_catalogue
from .module_data import (
    build_english_home,
    build_home,
    rolled_back_after_module,
    translate_into_english,
)
from .practices_factories import ToEnglish

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module", autouse=True)
def site(django_db_setup, django_db_blocker):
    with rolled_back_after_module(django_db_blocker):
        home = build_home()
        build_english_home(home)
        index = MissionIndexPageFactory(parent=home)
        index.save_revision().publish()
        translate_into_english(index, ToEnglish({"Misiones": "Missions", index.slug: "missions"}))
        build_catalogue(index)
        portal = home.add_child(instance=OpenDataPortalPage(title="Datos abiertos", slug="datos"))
        portal.save_revision().publish()
        translate_into_english(portal, ToEnglish({"Datos abiertos": "Open data", "datos": "data"}))
        yield


def docs(client, language):
    portal = OpenDataPortalPage.objects.live().get(locale__language_code=language)
    response = client.get(portal.url + "api/")
    assert response.status_code == 200
    return portal, response.content.decode()


@pytest.mark.parametrize(
    "language, path, heading, words",
    [
        ("es", "/es/datos/api/", "API JSON: documentación para desarrolladores", "Parámetros"),
        ("en", "/en/data/api/", "JSON API: documentation for developers", "Parameters"),
    ],
)
def test_the_docs_page_is_in_both_languages_under_the_portal(
    client, language, path, heading, words
):
    portal, page = docs(client, language)
    assert portal.url + "api/" == path
    assert f"<h1>{heading}</h1>" in page
    assert f">{words}</h2>" in page
    assert f'<html lang="{language}"' in page
    assert 'href="http://testserver/api/v1/openapi.json"' in page


@pytest.mark.parametrize("language", ["es", "en"])
def test_the_portal_links_to_the_docs_and_the_schema(client, language):
    portal = OpenDataPortalPage.objects.live().get(locale__language_code=language)
    page = client.get(portal.url).content.decode()
    assert f'href="{portal.url}api/"' in page
    assert 'href="/api/v1/openapi.json"' in page


def test_every_list_of_the_missions_dataset_is_documented_with_its_filters(client):
    _portal, page = docs(client, "en")
    for dataset in datasets():
        if dataset.name != "missions":
            continue  # only missions are published on this small site
        for resource in dataset.resources:
            assert f"<code>/api/v1/{resource.slug}/</code>" in page
            assert f"/data-dictionary/#resource-{resource.slug}" in page
        for name in dataset.filter_names:
            assert f"<code>{name}</code>" in page


@pytest.mark.parametrize("language", ["es", "en"])
def test_the_examples_on_the_page_answer(client, language):
    _portal, page = docs(client, language)
    examples = [html.unescape(url) for url in re.findall(r"curl '([^']+)'", page)]
    assert len(examples) == 2
    for url in examples:
        response = client.get(url.removeprefix("http://testserver"))
        assert response.status_code == 200, url
        document = json.loads(response.content)
        assert document["metadata"]["language"] == language
    error = re.search(r"GET (/api/v1/\S+)", page).group(1)
    response = client.get(html.unescape(error))
    assert response.status_code == 400
    assert json.loads(response.content)["error"] in html.unescape(page)
