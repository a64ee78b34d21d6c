"""Issue 11, the API's date ranges and paging: ``start_date__gte``/``__lte`` select missions
(and their cost lines and results) as on the HTML list and the CSV, an invalid date or an
empty range is a 400 naming the parameter, and ``limit``/``offset`` are read by the database,
so a page costs the same queries whatever its size or offset."""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from missions.models import MissionIndexPage

from .missions_factories import MissionIndexPageFactory
from .missions_index_factories import build_catalogue
from .module_data import build_home, rolled_back_after_module

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module", autouse=True)
def catalogue(django_db_setup, django_db_blocker):
    with rolled_back_after_module(django_db_blocker):
        index = MissionIndexPageFactory(parent=build_home())
        index.save_revision().publish()
        build_catalogue(index)
        yield


def get(client, path, **params):
    response = client.get(f"/api/v1/{path}", params)
    return response, json.loads(response.content)


def titles(document):
    return sorted(row["title"] for row in document["data"])


def test_a_date_range_selects_the_missions_that_start_within_it(client):
    _response, both = get(
        client, "missions/", start_date__gte="2025-01-10", start_date__lte="2025-02-01"
    )
    assert titles(both) == ["Madrid", "Quito"]
    assert both["metadata"]["count"] == 2
    assert both["metadata"]["filter"] == {
        "start_date__gte": "2025-01-10",
        "start_date__lte": "2025-02-01",
    }
    _response, since = get(client, "missions/", start_date__gte="2025-01-11")
    assert titles(since) == ["Lima", "Quito"]
    _response, until = get(client, "missions/", start_date__lte="2024-12-31")
    assert titles(until) == ["Rosario"]


def test_cost_lines_and_the_csv_follow_the_same_range(client):
    _response, lines = get(client, "cost-lines/", start_date__lte="2024-12-31")
    _response, rosario = get(client, "missions/", start_date__lte="2024-12-31")
    assert {row["mission_id"] for row in lines["data"]} == {rosario["data"][0]["mission_id"]}
    index = MissionIndexPage.objects.get()
    csv = client.get(index.url + "data/missions.csv", {"start_date__lte": "2024-12-31"})
    text = b"".join(csv.streaming_content).decode()
    assert "Rosario" in text and "Lima" not in text


def test_the_html_list_offers_the_range_and_applies_it(client):
    index = MissionIndexPage.objects.get()
    page = client.get(index.url, {"start_date__gte": "2025-01-10"})
    html = page.content.decode()
    assert 'type="date"' in html and 'name="start_date__gte"' in html
    assert 'value="2025-01-10"' in html
    assert page.context["paginator"].count == 3


@pytest.mark.parametrize(
    "params, named, reason",
    [
        ({"start_date__gte": "2025-13-01"}, "start_date__gte", "is not a date (YYYY-MM-DD)"),
        ({"start_date__lte": "10/01/2025"}, "start_date__lte", "is not a date (YYYY-MM-DD)"),
        ({"start_date__gte": "0001-01-01"}, "start_date__gte", "is out of range"),
        ({"start_date__gte": ""}, "start_date__gte", "is not a date (YYYY-MM-DD)"),
        ({"start_date__lte": " 2025-01-01"}, "start_date__lte", "is not a date (YYYY-MM-DD)"),
        (
            {"start_date__gte": "2025-02-01", "start_date__lte": "2025-01-01"},
            "start_date__lte",
            "is before start_date__gte",
        ),
    ],
)
def test_an_invalid_date_or_an_empty_range_is_a_400_that_says_why(client, params, named, reason):
    response, document = get(client, "missions/", **params)
    assert response.status_code == 400
    assert document["parameter"] == named
    assert document["error"] == f"Parameter {named!r} {reason}."


def test_the_html_list_ignores_an_invalid_date_with_a_notice(client):
    index = MissionIndexPage.objects.get()
    page = client.get(index.url, {"start_date__gte": "2025-02-01", "start_date__lte": "2025-01-01"})
    assert page.status_code == 200
    assert page.context["paginator"].count == 2  # the start applies, the end is dropped
    assert "es anterior a start_date__gte" in page.content.decode()


def test_the_schema_documents_the_date_bounds(client):
    schema = json.loads(client.get("/api/v1/openapi.json").content)
    parameters = schema["paths"]["/api/v1/missions/"]["get"]["parameters"]
    bounds = {p["name"]: p["schema"] for p in parameters if p["name"].startswith("start_date")}
    assert bounds == {
        "start_date__gte": {"type": "string", "format": "date"},
        "start_date__lte": {"type": "string", "format": "date"},
    }


def queries(client, path, **params):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(f"/api/v1/{path}", params)
    assert response.status_code == 200
    return len(captured), json.loads(response.content)


@pytest.mark.parametrize("path", ["missions/", "cost-lines/", "results/"])
def test_a_page_costs_the_same_queries_whatever_its_size_or_offset(client, path):
    client.get(f"/api/v1/{path}")  # warm the caches (site, locales, filter options)
    one, first = queries(client, path, limit=1)
    every, whole = queries(client, path, limit=500)
    late, last = queries(client, path, limit=1, offset=whole["metadata"]["count"] - 1)
    assert one == every == late
    assert first["data"] == whole["data"][:1] and last["data"] == whole["data"][-1:]


def test_paging_walks_every_row_once_in_the_files_order(client):
    _response, whole = get(client, "results/", limit=500)
    walked = []
    for offset in range(0, whole["metadata"]["count"], 2):
        walked += get(client, "results/", limit=2, offset=offset)[1]["data"]
    assert walked == whole["data"]


def test_translation_of_reads_one_line_in_the_database(client):
    _response, whole = get(client, "cost-lines/")
    line = whole["data"][-1]
    _response, only = get(client, "cost-lines/", translation_of=line["cost_line_id"])
    assert only["data"] == [line] and only["metadata"]["count"] == 1
