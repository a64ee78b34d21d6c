"""The read-only JSON API (/api/v1/): the open-data rows of every registered resource, with
the same filters as the HTML list, limit/offset with a count, the filter's totals equal to the
page's, a 400 naming any unknown or invalid parameter, ETag/304 and CORS, and the OpenAPI
schema."""

import csv
import io
import json

import pytest
from django.utils import translation

from home.formats import format_clp, format_count
from home.opendata.dataset import datasets

from .missions_index_factories import build_catalogue

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue(mission_index):
    return build_catalogue(mission_index)


def api(client, path, **params):
    return client.get(f"/api/v1/{path}", params)


def test_missions_list_has_the_csv_rows_a_count_and_a_dictionary_link(
    client, mission_index, catalogue
):
    response = api(client, "missions/")
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    document = json.loads(response.content)
    csv_text = b"".join(client.get(mission_index.url + "data/missions.csv").streaming_content)
    rows = list(csv.DictReader(io.StringIO(csv_text.decode())))
    assert document["metadata"]["count"] == len(rows) == 4
    assert [row["mission_id"] for row in document["data"]] == [row["mission_id"] for row in rows]
    assert document["metadata"]["data_dictionary"].endswith("/data-dictionary/#resource-missions")
    assert document["metadata"]["licence"]["name"] == "CC BY 4.0"


def test_limit_and_offset_page_through_with_the_total_count(client, mission_index, catalogue):
    everything = json.loads(api(client, "missions/").content)["data"]
    first = json.loads(api(client, "missions/", limit=2).content)
    second = json.loads(api(client, "missions/", limit=2, offset=2).content)
    assert first["metadata"]["count"] == second["metadata"]["count"] == 4
    assert first["data"] + second["data"] == everything


@pytest.mark.parametrize("query", ["", "year=2025", "paid_by=host"])
def test_api_totals_equal_the_index_page_totals_for_the_same_filter(
    client, mission_index, catalogue, query
):
    page = client.get(mission_index.url + (f"?{query}" if query else ""))
    shown = dict(page.context["totals"])
    totals = json.loads(client.get(f"/api/v1/missions/?{query}").content)["metadata"]["totals"]
    with translation.override("es"):
        assert shown["Misiones"] == format_count(totals["count"])
        assert shown["Costo total"] == format_clp(totals["total_cost_clp"])
        assert shown["Costo para la municipalidad"] == format_clp(totals["municipal_cost_clp"])
        assert shown["Valor obtenido"] == format_clp(totals["value_obtained_clp"])


def test_filters_and_translation_of_select_rows(client, mission_index, catalogue):
    lines = json.loads(api(client, "cost-lines/", paid_by="host").content)
    assert lines["metadata"]["filter"] == {"paid_by": "host"}
    some = json.loads(api(client, "missions/").content)["data"][0]
    only = json.loads(api(client, "missions/", translation_of=some["mission_id"]).content)
    assert [row["mission_id"] for row in only["data"]] == [some["mission_id"]]


@pytest.mark.parametrize(
    "name, value",
    [
        ("unknown", "1"),
        ("limit", "²"),
        ("limit", "501"),
        ("limit", "0"),
        ("offset", "-1"),
        ("offset", "9" * 40),
        ("locale", "xx"),
        ("translation_of", "not-a-uuid"),
        ("translation_of", "\n"),
        ("translation_of", " e3e70682-c209-4cac-a29f-6fbed82c07cd"),
        ("year", "①"),
        ("paid_by", "nobody"),
        ("country", "\x00"),
    ],
)
def test_an_unknown_or_invalid_parameter_is_a_400_naming_it(
    client, mission_index, catalogue, name, value
):
    response = client.get("/api/v1/missions/", {name: value})
    assert response.status_code == 400
    assert json.loads(response.content)["parameter"] == name


def test_etag_and_last_modified_give_a_304(client, mission_index, catalogue):
    first = api(client, "results/")
    assert first["ETag"] and first["Last-Modified"]
    again = client.get("/api/v1/results/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304


def test_the_openapi_schema_lists_every_registered_resource(client):
    schema = json.loads(client.get("/api/v1/openapi.json").content)
    for dataset in datasets():
        for resource in dataset.resources:
            operation = schema["paths"][f"/api/v1/{resource.slug}/"]["get"]
            names = {parameter["name"] for parameter in operation["parameters"]}
            assert {"limit", "offset", "locale", "translation_of"} <= names
            assert set(dataset.filter_names) <= names
