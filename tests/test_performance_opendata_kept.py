"""The API lists, the open-data files and the missions feed keep what an address answered while
the content is unchanged (home/opendata/kept.py, MissionFilter.cached), with the page cache off: the next request of the same address
gets the very same bytes without reading the rows again, and any change is in the next one."""

import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from django.test.utils import CaptureQueriesContext

from directory.models import Person, StrategicObjective
from home.opendata import kept
from operations import backup

from .missions_factories import publish_valparaiso
from .missions_index_factories import build_catalogue

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_off")]

FILES = ("missions.csv", "missions.json?sort=cost_desc", "cost-lines.csv", "results.json")
API = ("missions/", "missions/?sort=cost_asc&limit=2&offset=1", "cost-lines/", "results/")


@pytest.fixture
def catalogue(mission_index):
    return build_catalogue(mission_index)


def get(client, url, **headers):
    """(response, body, queries) of one request, the body read whole."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, headers=headers)
        body = b"".join(response.streaming_content) if response.streaming else response.content
    assert "X-Page-Cache" not in response.headers
    return response, body.decode(), len(queries)


def addresses(mission_index):
    return [mission_index.url + "data/" + name for name in FILES] + [
        "/api/v1/" + name for name in API
    ]


def test_the_same_address_again_gives_the_same_bytes_without_reading_the_rows(
    client, mission_index, catalogue
):
    client.get("/es/")  # Wagtail's own per-process cache of the sites' root paths
    for url in addresses(mission_index):
        first, first_body, first_queries = get(client, url)
        second, second_body, second_queries = get(client, url)
        assert first.status_code == second.status_code == 200, url
        assert second_body == first_body
        for header in ("ETag", "Last-Modified", "Content-Type", "Content-Disposition"):
            assert second.headers.get(header) == first.headers.get(header), (url, header)
        # The API reads nothing; a file only the routing to its index page (the site and the top
        # of the tree are kept too).
        assert second_queries <= (0 if url.startswith("/api/") else 1) < first_queries, url


def test_a_kept_answer_still_says_not_modified_to_a_client_that_has_it(
    client, mission_index, catalogue
):
    for url in addresses(mission_index):
        first, _body, _queries = get(client, url)
        again, body, _queries = get(client, url, if_none_match=first.headers["ETag"])
        assert again.status_code == 304, url
        assert body == ""


def test_a_published_mission_is_in_the_next_file_and_api_page(client, mission_index, catalogue):
    csv_url = mission_index.url + "data/missions.csv"
    for url in (csv_url, "/api/v1/missions/"):
        assert "Valparaíso" not in get(client, url)[1]
        assert "Valparaíso" not in get(client, url)[1]  # kept
    publish_valparaiso(mission_index)
    for url in (csv_url, "/api/v1/missions/"):
        assert "Valparaíso" in get(client, url)[1]


def test_an_edited_cost_line_is_in_the_next_file_and_api_page(client, mission_index, catalogue):
    urls = (mission_index.url + "data/cost-lines.csv", "/api/v1/cost-lines/", "/api/v1/missions/")
    for url in urls:
        get(client, url)
        assert "654321" not in get(client, url)[1]
    lima = mission_index.get_children().get(slug="lima").specific
    lines = list(lima.cost_lines.all())
    lines[0].amount = Decimal("654321")
    lima.cost_lines = lines
    lima.save_revision().publish()
    for url in urls:
        assert "654321" in get(client, url)[1], url  # the line, and the mission's totals


def test_a_renamed_person_and_objective_code_are_in_the_next_file(client, mission_index, catalogue):
    url = mission_index.url + "data/missions.json"
    api = "/api/v1/missions/?locale=es"
    for address in (url, api):
        get(client, address)
        body = get(client, address)[1]
        assert "Ana Pérez" in body and '"1.1"' in body
    person = Person.objects.get(name="Ana Pérez")
    person.name = "Ana María Pérez"
    person.save()
    objective = StrategicObjective.objects.get(code="1.1")
    objective.code = "1.4"
    objective.save()
    for address in (url, api):
        body = get(client, address)[1]
        assert "Ana María Pérez" in body and '"1.4"' in body and '"1.1"' not in body


def test_bad_parameters_are_a_clear_400_every_time(client, mission_index, catalogue):
    for url in ("/api/v1/missions/?limit=0", "/api/v1/missions/?year=1800", "/api/v1/nope/"):
        first = client.get(url)
        second = client.get(url)
        assert first.status_code == second.status_code
        assert first.content == second.content
    assert client.get("/api/v1/missions/?year=1800").json()["parameter"] == "year"


def test_a_file_larger_than_the_limits_or_cut_short_is_made_again(
    client, mission_index, catalogue, settings, monkeypatch
):
    url = mission_index.url + "data/missions.csv"
    client.get("/es/")
    # Smaller than the file, in the cache and in the storage: streamed, never kept.
    settings.PAGE_CACHE_MAX_BYTES = settings.OPEN_DATA_STORED_MAX_BYTES = 100
    get(client, url)  # the values shared by requests (the index page, the site settings)
    _response, first, first_queries = get(client, url)
    _response, second, second_queries = get(client, url)
    assert second == first and second_queries == first_queries
    settings.PAGE_CACHE_MAX_BYTES = 5 * 1024 * 1024
    response = client.get(url)
    next(iter(response.streaming_content))  # the client goes away after the first chunk
    # The server closes the response. The test's database connection stays open, as Django's
    # test client keeps it when it closes a response itself (on PostgreSQL, closing it would
    # end the test's transaction).
    with monkeypatch.context() as patched:
        patched.setattr(connection, "close_if_unusable_or_obsolete", lambda: None)
        response.close()
    _response, third, third_queries = get(client, url)
    assert third == first and third_queries == first_queries
    assert get(client, url)[2] < first_queries  # now complete: kept


def stored_files(settings):
    """{name: bytes} of the open-data files kept in the storage (the media folder here)."""
    root = Path(settings.MEDIA_ROOT) / kept.STORED_FOLDER
    return {
        str(path.relative_to(root)): path.read_bytes() for path in root.rglob("*") if path.is_file()
    }


@pytest.fixture
def small_cache(settings, client):
    """A cache limit smaller than the demo's files: a full file is kept in the storage (the
    media folder, emptied of the files other tests kept there)."""
    shutil.rmtree(Path(settings.MEDIA_ROOT) / kept.STORED_FOLDER, ignore_errors=True)
    client.get("/es/")
    settings.PAGE_CACHE_MAX_BYTES = 100
    return settings


def test_a_full_file_too_large_for_the_cache_is_kept_in_the_storage_and_served_from_it(
    client, mission_index, catalogue, small_cache
):
    url = mission_index.url + "data/missions.csv"
    first, body, first_queries = get(client, url)
    assert list(stored_files(small_cache).values()) == [body.encode()]
    again, same, queries = get(client, url)
    assert same == body and queries < first_queries
    for header in ("ETag", "Last-Modified", "Content-Type", "Content-Disposition"):
        assert again.headers.get(header) == first.headers.get(header), header
    assert get(client, url, if_none_match=first.headers["ETag"])[0].status_code == 304


def test_a_change_is_in_the_next_stored_file_and_the_older_one_is_deleted(
    client, mission_index, catalogue, small_cache
):
    urls = (mission_index.url + "data/missions.csv", mission_index.url + "data/cost-lines.json")
    for url in urls:
        get(client, url)
        assert "654321" not in get(client, url)[1]  # served from the storage
    assert len(stored_files(small_cache)) == 2
    lima = mission_index.get_children().get(slug="lima").specific
    lines = list(lima.cost_lines.all())
    lines[0].amount = Decimal("654321")
    lima.cost_lines = lines
    lima.save_revision().publish()
    bodies = {get(client, url)[1].encode() for url in urls}
    assert all(b"654321" in body for body in bodies)  # the line, and the mission's total
    assert set(stored_files(small_cache).values()) == bodies  # one file per address, the new one


def test_a_filtered_file_is_never_stored(client, mission_index, catalogue, small_cache):
    url = mission_index.url + "data/missions.csv?sort=cost_desc"
    get(client, url)  # the values shared by requests (the index page, the site settings)
    _response, first, first_queries = get(client, url)
    _response, second, second_queries = get(client, url)
    assert second == first and second_queries == first_queries
    assert stored_files(small_cache) == {}


def test_a_stored_file_that_is_gone_is_made_again(client, mission_index, catalogue, small_cache):
    url = mission_index.url + "data/missions.csv"
    _response, body, _queries = get(client, url)
    kept_queries = get(client, url)[2]
    (name,) = stored_files(small_cache)
    (Path(small_cache.MEDIA_ROOT) / kept.STORED_FOLDER / name).unlink()  # another machine's disk
    response, again, queries = get(client, url)
    assert response.status_code == 200 and again == body and queries > kept_queries
    assert list(stored_files(small_cache).values()) == [body.encode()]


def test_a_download_cut_short_stores_nothing(
    client, mission_index, catalogue, small_cache, monkeypatch
):
    url = mission_index.url + "data/missions.csv"
    response = client.get(url)
    next(iter(response.streaming_content))  # the client goes away after the first chunk
    with monkeypatch.context() as patched:  # as in the test above
        patched.setattr(connection, "close_if_unusable_or_obsolete", lambda: None)
        response.close()
    assert stored_files(small_cache) == {}
    _response, body, first_queries = get(client, url)
    assert get(client, url)[2] < first_queries


def test_a_stored_file_is_not_in_a_backup(client, mission_index, catalogue, small_cache):
    get(client, mission_index.url + "data/missions.csv")
    assert len(stored_files(small_cache)) == 1
    upload = default_storage.save("documents/informe.pdf", ContentFile(b"%PDF-1.4"))
    names = backup.media_names()
    assert upload in names
    assert not any(name.startswith(kept.STORED_FOLDER) for name in names)


def test_the_feed_is_kept_for_its_address_and_a_published_mission_is_in_the_next_one(
    client, mission_index, catalogue
):
    feeds = [mission_index.url + "feed/", mission_index.url + "feed/?year=1800"]  # an ignored year
    bodies = set()
    for url in feeds:
        first, body, _queries = get(client, url)
        again, same, queries = get(client, url)
        assert same == body and queries == 0, url  # not even the missions' query
        bodies.add(body)
        for header in ("Content-Type", "Last-Modified", "Ignored-Parameters"):
            assert again.headers.get(header) == first.headers.get(header), (url, header)
        assert "Valparaíso" not in same
    assert len(bodies) == 2  # each address its own: the feed's own link names its query
    assert get(client, feeds[1])[0].headers["Ignored-Parameters"] == "year"
    publish_valparaiso(mission_index)
    for url in feeds:
        assert "Valparaíso" in get(client, url)[1], url
