"""The open data portal (/es/datos/, /en/data/) on the bilingual demo: every registered dataset
with its files, dictionary, row counts, licence and last update; the site-wide Data Package,
validated by frictionless with the files it points to; the practices as datasets."""

import csv
import io
import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import override_settings
from frictionless import validate

from home.opendata.dataset import datasets
from portal.models import OpenDataPortalPage
from practices.models import PracticeIndicator, PracticePage

from .module_data import rolled_back_after_module

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def _loaded_demo(django_db_blocker):
    with (
        rolled_back_after_module(django_db_blocker),
        override_settings(PRACTICES_PDF_ON_PUBLISH=False),
    ):
        call_command("load_demo", "--no-admin", stdout=StringIO())
        yield


@pytest.fixture
def demo(_loaded_demo, db, settings):
    settings.PRACTICES_PDF_ON_PUBLISH = False


def body(response):
    if response.streaming:
        return b"".join(response.streaming_content).decode()
    return response.content.decode()


def csv_rows(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return list(csv.DictReader(io.StringIO(body(response))))


def test_the_portal_exists_in_both_languages_at_datos_and_data(demo, client):
    for language, path, title in (
        ("es", "/es/datos/", "Datos abiertos"),
        ("en", "/en/data/", "Open data"),
    ):
        page = OpenDataPortalPage.objects.live().get(locale__language_code=language)
        assert page.url == path
        response = client.get(path)
        assert response.status_code == 200
        html = body(response)
        assert f"<h1>{title}</h1>" in html
        assert 'hreflang="en"' in html and 'hreflang="es"' in html


@pytest.mark.parametrize("language", ["es", "en"])
def test_every_dataset_is_listed_with_files_dictionary_rows_licence_and_date(
    demo, client, language
):
    portal = OpenDataPortalPage.objects.live().get(locale__language_code=language)
    html = body(client.get(portal.url))
    names = set()
    for dataset in datasets():
        index = dataset.index_for(portal.locale)
        assert index is not None, dataset.name
        assert f'id="dataset-{dataset.name}"' in html
        assert f'href="{index.url}data-dictionary/"' in html
        assert f'href="{index.url}data/datapackage.json"' in html
        for resource in dataset.resources:
            names.add(resource.name)
            for fmt in ("csv", "json"):
                assert f'href="{index.url}data/{resource.slug}.{fmt}"' in html
            rows = csv_rows(client, f"{index.url}data/{resource.slug}.csv")
            assert rows, resource.name
            # The row count shown is the file's (formatted for the reader's language).
            assert f'<td class="num">{len(rows)}</td>' in html, resource.name
    # Every dataset issue 11 names is on the portal.
    assert {
        "missions",
        "cost_lines",
        "results",
        "practices",
        "practice_indicators",
        "standards",
        "standard_measurements",
        "organisations",
        "agreements",
    } <= names
    assert 'rel="license">CC BY 4.0</a>' in html
    assert html.count("<time datetime=") >= len(datasets())


def test_the_site_data_package_holds_every_resource_and_validates(demo, client, tmp_path):
    response = client.get("/en/data/datapackage.json")
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    descriptor = json.loads(body(response))
    assert descriptor["profile"] == "tabular-data-package"
    assert descriptor["language"] == "en"
    assert descriptor["licenses"][0]["title"] == "CC BY 4.0"
    expected = [resource.name for dataset in datasets() for resource in dataset.resources]
    assert [resource["name"] for resource in descriptor["resources"]] == expected
    for resource in descriptor["resources"]:
        path = resource["path"].removeprefix("http://testserver")
        assert path.startswith("/en/")
        local = Path(tmp_path, f"{resource['name']}.csv")
        local.write_text(body(client.get(path)))
        resource["path"] = local.name
    target = tmp_path / "datapackage.json"
    target.write_text(json.dumps(descriptor))
    report = validate(str(target))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    assert report.stats["tasks"] == len(expected)


def test_the_site_data_package_answers_304_when_unchanged(demo, client):
    first = client.get("/es/datos/datapackage.json")
    assert first["ETag"] and first["Last-Modified"]
    again = client.get("/es/datos/datapackage.json", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304


def test_practices_and_indicators_are_open_data_in_each_language(demo, client):
    for language in ("es", "en"):
        practices = PracticePage.objects.live().filter(locale__language_code=language)
        index = practices.first().get_parent()
        rows = csv_rows(client, f"{index.url}data/practices.csv")
        assert {row["practice_id"] for row in rows} == {
            str(key) for key in practices.values_list("translation_key", flat=True)
        }
        assert {row["language"] for row in rows} == {language}
        indicators = csv_rows(client, f"{index.url}data/indicators.csv")
        assert len(indicators) == PracticeIndicator.objects.filter(page__in=practices).count()
        assert {row["practice_id"] for row in indicators} <= {row["practice_id"] for row in rows}
        dictionary = client.get(f"{index.url}data-dictionary/")
        assert dictionary.status_code == 200
        assert "<code>progress</code>" in body(dictionary)
    spanish = csv_rows(client, "/es/buenas-practicas/data/practices.csv")
    english = csv_rows(client, "/en/good-practices/data/practices.csv")
    # The same practices, joined across languages by practice_id, each titled in its language.
    by_id = {row["practice_id"]: row for row in english}
    for row in spanish:
        assert by_id[row["practice_id"]]["title"] != row["title"] or not row["title"]
        assert by_id[row["practice_id"]]["budget_clp"] == row["budget_clp"]


def test_the_practices_json_has_exact_numbers_and_the_metadata(demo, client):
    document = json.loads(body(client.get("/en/good-practices/data/indicators.json")))
    assert document["metadata"]["resource"] == "practice_indicators"
    assert document["metadata"]["licence"]["name"] == "CC BY 4.0"
    assert document["metadata"]["data_dictionary"].endswith("/en/good-practices/data-dictionary/")
    first = document["data"][0]
    assert isinstance(first["baseline"], int | float)
    assert isinstance(first["target_reached"], bool)
