"""Issue 12, items 3 and 5: the missions' open-data files run the same number of SQL queries
whatever the number of missions (each table is one streamed query, merged with its list
columns as they stream: missions/opendata/rows.py), at most 15, and their rows stay right."""

import csv
import io
import json

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from home.cache import shared
from missions.models import MissionPage
from missions.opendata import rows
from missions.seed import seed

pytestmark = pytest.mark.django_db
MAX_QUERIES = 15
FILES = ("missions.csv", "missions.json", "results.csv")
QUERIES = ("", "sort=cost_desc&withdrawn=hide")


@pytest.fixture(autouse=True)
def _no_page_cache():
    """Every request reaches the view (the page cache would answer the second one)."""
    with override_settings(PAGE_CACHE_ENABLED=False):
        yield


def _download(client, index, name, query, steady):
    """(queries, body) of one download; ``steady``: after one request that keeps what the
    site shares between requests, else as the first request after an editor's change."""
    url = f"{index.url}data/{name}" + (f"?{query}" if query else "")
    client.get("/es/")  # Wagtail's own per-process cache of the sites' root paths
    if steady:
        b"".join(client.get(url).streaming_content)
    else:
        shared.forget()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
        assert response.status_code == 200, url
        body = b"".join(response.streaming_content).decode()
    return len(captured.captured_queries), body


def _counts(client, index):
    # Once first: the process's own caches (content types, Wagtail's) are not the file's cost.
    _download(client, index, "missions.csv", "", steady=True)
    return {
        (name, query, steady): _download(client, index, name, query, steady)[0]
        for name in FILES
        for query in QUERIES
        for steady in (False, True)
    }


def test_the_files_queries_do_not_grow_with_the_number_of_missions(
    client, mission_index, monkeypatch
):
    # Streams read in chunks of three rows, so that more missions also means more chunks.
    monkeypatch.setattr(rows, "CHUNK_SIZE", 3)
    seed(mission_index, 4)
    few = _counts(client, mission_index)
    seed(mission_index, 16)
    assert MissionPage.objects.child_of(mission_index).count() == 16
    assert _counts(client, mission_index) == few
    assert max(few.values()) <= MAX_QUERIES, few


def test_every_mission_has_its_row_with_its_lists_in_every_order(
    client, mission_index, monkeypatch
):
    monkeypatch.setattr(rows, "CHUNK_SIZE", 3)
    seed(mission_index, 12)
    missions = MissionPage.objects.child_of(mission_index)
    for query in (*QUERIES, "sort=oldest"):
        _count, body = _download(client, mission_index, "missions.csv", query, True)
        records = {row["mission_id"]: row for row in csv.DictReader(io.StringIO(body))}
        shown = missions.exclude(withdrawn=True) if "hide" in query else missions
        assert len(records) == shown.count(), query
        for mission in shown.prefetch_related("destinations", "delegation__person"):
            row = records[str(mission.translation_key)]
            assert row["title"] == mission.title
            assert row["destinations"] == "; ".join(
                f"{place.city}, {place.country}" for place in mission.destinations.all()
            )
            assert row["delegation"] == "; ".join(
                member.person.name for member in mission.delegation.all()
            )
    _count, body = _download(client, mission_index, "missions.json", "sort=cost_desc", True)
    costs = [row["total_cost_clp"] for row in json.loads(body)["data"]]
    assert costs == sorted(costs, reverse=True)
