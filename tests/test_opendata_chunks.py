"""The missions table's CSV rows kept in chunks (home/opendata/chunks.py), with the page cache
off: after one mission's publication only that mission's chunk is read and written again, and
after any change the next download is byte for byte the file written from every row, in both
languages, with the change in it."""

import datetime
import time
from decimal import Decimal

import pytest
from django.db import transaction
from django.test import RequestFactory
from django.utils import timezone
from wagtail.models import Site

from directory.models import Person, StrategicObjective
from home.models import SiteSettings
from home.opendata import chunks, files
from missions.models import MissionPage
from missions.opendata import rows
from missions.opendata.datasets import MissionsDataset
from missions.opendata.schema import MISSIONS
from missions.seed import seed

from .missions_factories import publish_valparaiso
from .missions_index_factories import build_catalogue

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_off")]


@pytest.fixture
def chunks_of_two(monkeypatch):
    """Chunks of at most two rows (a boundary is content-defined, so some have one)."""
    monkeypatch.setattr(chunks, "MAX_ROWS", 2)


@pytest.fixture
def read_rows(monkeypatch):
    """The missions whose rows were read from the database since the last call."""
    read = []
    original = rows.keyed_mission_rows

    def counting(*args, **kwargs):
        for pk, row in original(*args, **kwargs):
            read.append(pk)
            yield pk, row

    monkeypatch.setattr(rows, "keyed_mission_rows", counting)

    def taken():
        found = list(read)
        read.clear()
        return found

    return taken


@pytest.fixture
def indexes(mission_index, english_home, translate):
    """The Spanish missions index with the catalogue and 12 seeded missions, and its English
    translation with one of the missions translated (with its person and objective)."""
    catalogue = build_catalogue(mission_index)
    seed(mission_index, 12)
    english_index = translate(mission_index)
    for name in ("bruno", "second", "lima"):
        translate(catalogue[name])
    return mission_index, english_index


def download(client, index, query=""):
    response = client.get(f"{index.url}data/missions.csv{query}")
    assert response.status_code == 200
    return b"".join(response.streaming_content).decode()


def written(index, query=""):
    """The file as written from every row, nothing kept: what the download must equal."""
    request = RequestFactory().get(f"{index.url}data/missions.csv{query}")
    selection = MissionsDataset(index, request)
    return "".join(files.csv_stream(MISSIONS, selection.rows(MISSIONS)))


QUERIES = ("", "?sort=cost_desc", "?type=conference")


def assert_current(client, *indexes):
    for index in indexes:
        for query in QUERIES:
            assert download(client, index, query) == written(index, query), (index.url, query)


def mission(index, slug):
    return index.get_children().get(slug=slug).specific


def test_after_one_publication_only_its_chunk_is_read_again(
    client, indexes, chunks_of_two, read_rows
):
    spanish, _english = indexes
    first = download(client, spanish)
    assert len(read_rows()) == spanish.get_children().live().count() > 10
    lima = mission(spanish, "lima")
    lima.purpose = "Firmar el convenio de residuos con Lima"
    lima.save_revision().publish()
    again = download(client, spanish)
    read = read_rows()
    assert lima.pk in read and len(read) <= chunks.MAX_ROWS  # its chunk, nothing else
    assert "Firmar el convenio de residuos con Lima" in again
    assert again != first
    assert again == written(spanish)
    read_rows()
    assert download(client, spanish) == again  # the whole file kept: nothing read
    assert read_rows() == []


def test_a_chunk_gone_from_the_cache_is_written_again(client, indexes, chunks_of_two, read_rows):
    from django.core.cache import cache

    spanish, _english = indexes
    download(client, spanish)
    lima = mission(spanish, "lima")
    lima.save_revision().publish()
    read_rows()
    stamps = rows.mission_stamps(MissionsDataset(spanish, RequestFactory().get("/")).missions())
    # Every chunk's text dropped (the local-memory cache's keys are ":1:<key>"), its marker
    # kept, as an eviction between the two reads would: each is written again from its rows.
    texts = [key.split(":", 2)[2] for key in list(cache._cache) if "opendata-rows" in key]
    cache.delete_many([key for key in texts if not key.endswith(":kept")])
    body = download(client, spanish)
    assert len(read_rows()) == len(list(stamps))
    assert body == written(spanish)


def rename_person():
    person = Person.objects.get(name="Ana Pérez")
    person.name = "Ana María Pérez"
    person.save()
    return "Ana María Pérez"


def recode_objective():
    objective = StrategicObjective.objects.get(code="1.1")
    objective.code = "1.4"
    objective.save()
    return "1.4"


def shorten_report_deadline():
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.report_days = 1
    settings.save()
    return "overdue"


def save_a_cost_line_directly(spanish):
    """A cost line edited in place (a script, a data fix), no new revision."""
    line = mission(spanish, "lima").cost_lines.first()
    line.amount = Decimal("654321")
    line.save()
    return "654321"


def save_a_mission_directly(spanish):
    lima = mission(spanish, "lima")
    lima.purpose = "Propósito corregido sin revisión"
    lima.save()
    return "Propósito corregido sin revisión"


def unpublish_a_mission(spanish):
    lima = mission(spanish, "lima")
    lima.unpublish()
    return f"!/{lima.slug}/"  # its address gone from the file


def publish_the_live_revision_again(spanish):
    """Its stamp (the live revision) stays, its publication time in the file changes."""
    lima = mission(spanish, "lima")
    time.sleep(1.1)  # the file gives seconds: a publication time that shows as new
    lima.live_revision.publish()
    lima.refresh_from_db()
    return lima.last_published_at.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def publish_a_new_mission(spanish):
    publish_valparaiso(spanish)
    return "Valparaíso"


CHANGES = {
    "person renamed": lambda spanish: rename_person(),
    "objective recoded": lambda spanish: recode_objective(),
    "report deadline": lambda spanish: shorten_report_deadline(),
    "cost line saved directly": save_a_cost_line_directly,
    "mission saved directly": save_a_mission_directly,
    "mission unpublished": unpublish_a_mission,
    "live revision published again": publish_the_live_revision_again,
    "new mission published": publish_a_new_mission,
}


@pytest.mark.parametrize("change", CHANGES)
def test_every_change_is_in_the_next_download_in_both_languages(
    client, indexes, chunks_of_two, change
):
    spanish, english = indexes
    assert_current(client, spanish, english)  # kept, every chunk
    expected = CHANGES[change](spanish)
    body = download(client, spanish)
    if expected.startswith("!"):
        assert expected[1:] not in body
    else:
        assert expected in body
    assert_current(client, spanish, english)


@pytest.mark.parametrize("days", [1, 30, 400])
def test_a_new_day_is_in_the_next_download(client, indexes, chunks_of_two, monkeypatch, days):
    """Report statuses change with the date: each row's is in its chunk's key."""
    spanish, english = indexes
    assert_current(client, spanish, english)
    later = timezone.localdate() + datetime.timedelta(days=days)
    monkeypatch.setattr(timezone, "localdate", lambda *args: later)
    assert_current(client, spanish, english)


def test_chunks_are_kept_only_up_to_the_files_limit(
    client, indexes, chunks_of_two, read_rows, settings
):
    spanish, _english = indexes
    settings.OPEN_DATA_CHUNKS_MAX_BYTES = 1500  # about the first three rows
    first = download(client, spanish)
    count = len(read_rows())
    assert download(client, spanish) == first  # the whole file kept (home/opendata/kept.py)
    missions = MissionsDataset(spanish, RequestFactory().get("/")).missions()
    *_others, (last, *_stamp) = rows.mission_stamps(missions)
    MissionPage.objects.get(pk=last).save_revision().publish()  # the file's last row
    body = download(client, spanish)
    read = len(read_rows())
    assert count - 4 <= read < count  # the first chunks were kept, none after them
    assert body == written(spanish)


def test_every_table_a_download_reads_changes_the_rows_generation_or_the_stamp(client, indexes):
    """A kept row is exact only if a change of anything it was made from reaches its key: each
    table the download reads must belong to a page, an inline row of a mission (its stamp), or
    a model that changes the rows generation (``MissionPage.rows_read``, Wagtail's sites and
    locales). A new column read from another table fails here until it is declared."""
    import re

    from django.apps import apps
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from home.cache import signals

    spanish, english = indexes
    tables = set()
    for index in (spanish, english):
        for query in QUERIES:
            with CaptureQueriesContext(connection) as captured:
                download(client, index, query)
            for sql in captured.captured_queries:
                tables.update(re.findall(r'(?:FROM|JOIN) "(\w+)"', sql["sql"]))
    models = {model._meta.db_table: model for model in apps.get_models(include_auto_created=True)}
    assert "directory_person" in tables and "missions_costline" in tables
    uncovered = []
    for table in sorted(tables):
        model = models[table]
        if model._meta.auto_created:  # a many-to-many table: one of its two ends is the page's
            ends = [
                field.related_model for field in model._meta.concrete_fields if field.is_relation
            ]
            if any(signals.stamped(end) for end in ends):
                continue
            model = ends[-1]
        if not (signals.reads_rows(model) or signals.stamped(model)):
            uncovered.append(table)
    assert uncovered == []


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_with_real_commits_a_publication_keeps_the_other_chunks_and_a_direct_save_does_not(
    client, mission_index, chunks_of_two, read_rows
):
    """As in production: each save commits, and its transaction's end settles it (not the
    next download, as inside a test's transaction)."""
    from home import cache as page_cache

    build_catalogue(mission_index)
    seed(mission_index, 6)
    download(client, mission_index)
    count = len(read_rows())
    before = page_cache.rows_generation()
    lima = mission(mission_index, "lima")
    lima.save_revision().publish()
    assert page_cache.rows_generation() == before  # settled at the commit: a new stamp
    body = download(client, mission_index)
    assert 0 < len(read_rows()) <= chunks.MAX_ROWS < count
    assert body == written(mission_index)
    read_rows()
    expected = save_a_cost_line_directly(mission_index)
    assert page_cache.rows_generation() != before
    body = download(client, mission_index)
    assert len(read_rows()) == count and expected in body
    assert body == written(mission_index)


def test_the_live_revision_purged_then_published_again_is_in_the_next_download(
    client, indexes, chunks_of_two
):
    """Wagtail's purge_revisions deletes a live revision that has a newer draft (the page's
    live revision becomes None): the stamp's publication time still tells it apart."""
    from wagtail.management.commands.purge_revisions import purge_revisions

    spanish, _english = indexes
    lima = mission(spanish, "lima")
    lima.save_revision()  # a draft newer than the live revision
    purge_revisions()
    assert_current(client, spanish)
    lima = mission(spanish, "lima")
    lima.purpose = "Nuevo propósito publicado"
    lima.save_revision().publish()
    assert "Nuevo propósito publicado" in download(client, spanish)
    mission(spanish, "lima").save_revision()
    purge_revisions()  # the stamp's revision back to None
    assert mission(spanish, "lima").live_revision_id is None
    assert_current(client, spanish)


def test_unpublished_then_its_latest_revision_published_again_in_bulk(
    client, indexes, chunks_of_two
):
    from wagtail.admin.views.pages.bulk_actions.publish import PublishBulkAction
    from wagtail.models import Page

    spanish, _english = indexes
    assert_current(client, spanish)
    with transaction.atomic():  # as a script would
        mission(spanish, "lima").unpublish()
    assert "/lima/" not in download(client, spanish)
    time.sleep(1.1)  # a publication time the file shows as new
    with transaction.atomic():
        PublishBulkAction.execute_action(
            [Page.objects.get(slug="lima", locale__language_code="es")]
        )
    assert "/lima/" in download(client, spanish)
    assert_current(client, spanish)


@pytest.mark.parametrize("missing", ["one chunk", "every chunk"])
def test_a_mission_unpublished_while_a_download_streams_cuts_nothing_short(
    client, indexes, chunks_of_two, missing
):
    """The stamps are read before the rows; a change in between gives the rows as they are,
    whole, and keeps no chunk of what moved."""
    spanish, _english = indexes
    download(client, spanish)
    missions = MissionsDataset(spanish, RequestFactory().get("/")).missions()
    *_others, (last, *_stamp) = rows.mission_stamps(missions)
    if missing == "one chunk":
        MissionPage.objects.get(pk=last).save_revision().publish()
    else:
        rename_person()  # every chunk missing: the file's own streams
    response = client.get(f"{spanish.url}data/missions.csv")
    parts = iter(response.streaming_content)
    head = next(parts) + next(parts)  # the header and the first chunk: the stamps are read
    gone = MissionPage.objects.get(pk=last)
    gone.unpublish()
    body = (head + b"".join(parts)).decode()
    assert body.startswith("mission_id,") and body.endswith("\r\n")
    count = spanish.get_children().live().count()
    assert len(body.splitlines()) - 1 in (count, count + 1)  # with or without it, every other
    assert download(client, spanish) == written(spanish)  # and the next one is right


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_warm_up_run_at_the_commit_keeps_no_stale_file(
    client, mission_index, chunks_of_two, settings
):
    """The warm-up (queued by a first save, run as the transaction commits with the immediate
    task backend) runs after the transaction's saves are settled, so the file it keeps has
    them."""
    build_catalogue(mission_index)
    seed(mission_index, 6)
    download(client, mission_index)
    settings.PAGE_CACHE_WARM = True
    other = mission_index.get_children().live().exclude(slug="lima").first().specific
    with transaction.atomic():
        other.save_revision()  # a new draft: queues the warm-up before anything else
        expected = save_a_cost_line_directly(mission_index)
    body = download(client, mission_index)
    assert expected in body
    assert body == written(mission_index)
