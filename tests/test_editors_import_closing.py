"""Closing issue 10's import: a save that fails partway leaves nothing, the deferred indexes,
and the progress of a save made by a db_worker in another process."""

import contextlib
import datetime
import os
import re
import sqlite3
import subprocess
import sys
import time

import pytest
from django.conf import settings as django_settings
from django.db import connection
from django.urls import reverse
from django.utils import translation
from wagtail.models import PageLogEntry, ReferenceIndex, Revision
from wagtail.search.models import IndexEntry

from editors.importer import tasks
from editors.importer.check import Checker
from editors.importer.progress import saved_so_far
from editors.importer.reader import read_upload
from editors.importer.save import SaveFailed, save_plans
from editors.models import MissionImport
from missions.models import CostLine, MissionDestination, MissionPage

from .missions_factories import MissionPageFactory
from .servers import ROOT
from .test_editors_import import editor, sheets, text, upload, workbook  # noqa: F401
from .test_editors_import_tasks import DATABASE_BACKEND


def _written():
    return {
        "pages": MissionPage.objects.count(),
        "revisions": Revision.objects.count(),
        "log entries": PageLogEntry.objects.count(),
        "destinations": MissionDestination.objects.count(),
        "cost lines": CostLine.objects.count(),
        "search index": IndexEntry.objects.count(),
        "reference index": ReferenceIndex.objects.count(),
    }


@pytest.mark.django_db
def test_a_save_that_fails_partway_leaves_nothing_and_says_why(editor):  # noqa: F811
    index = tasks.mission_index()
    checker = Checker(read_upload("temporada.xlsx", workbook(sheets())), index)
    plans = checker.run(require_all_sheets=True)
    assert not checker.problems
    assert [plan.ref for plan in plans] == ["rosario-2026", "lima-2026"]
    before = _written()

    def another_editor_meanwhile(saved):
        # After the check passed and Rosario was written, someone else puts a mission at the
        # address the second row will need (in production in their own transaction).
        if saved == 1:
            MissionPageFactory(parent=index, slug="lima-2026", title="Lima, de otra editora")

    with translation.override("en"), pytest.raises(SaveFailed) as failure:  # the task's language
        save_plans(plans, index, editor, progress=another_editor_meanwhile)
    message = str(failure.value)
    assert message.startswith("Mission lima-2026 could not be saved:")
    assert "slug" in message and "Nothing was saved." in message
    assert _written() == before  # Rosario's page, revision, rows and indexes are gone too
    assert not MissionPage.objects.filter(slug="rosario-2026").exists()


@pytest.mark.django_db
def test_imported_missions_are_indexed_once_after_the_commit(
    client,
    editor,  # noqa: F811
    django_capture_on_commit_callbacks,
):
    preview = text(upload(client, workbook(sheets())))
    token = re.search(r"/missions/import/([0-9a-f]{32})/confirm/", preview).group(1)
    with django_capture_on_commit_callbacks() as after_commit:
        client.post(reverse("editors_import_confirm", args=(token,)))
    assert not list(MissionPage.objects.search("Rosario"))  # not one update per save
    for callback in after_commit:
        callback()
    found = {page.slug for page in MissionPage.objects.search("Rosario")}
    assert found == {"rosario-2026"}
    assert {page.slug for page in MissionPage.objects.search("Capacitación")} == {"lima-2026"}
    # A mission saved outside an import is still indexed by each save, as before.
    MissionPageFactory(parent=tasks.mission_index(), slug="quito-2026", title="Misión a Quito")
    assert {page.slug for page in MissionPage.objects.search("Quito")} == {"quito-2026"}


MISSIONS = 24


def _season():
    day = datetime.date(2026, 3, 2)
    refs = [f"temporada-{n:02d}" for n in range(MISSIONS)]
    return sheets(
        missions=[
            [ref, f"Misión {n}", day, day, "bilateral", "Convenio.", "OE1", "no"]
            for n, ref in enumerate(refs)
        ],
        destinations=[[ref, "Rosario", "AR"] for ref in refs],
        costs=[
            [ref, "airfare", "Pasaje", 1200, "USD", 950.5, "municipality", None] for ref in refs
        ],
    )


def _worker_process(database_url):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
        "DATABASE_URL": database_url,
        "TASKS_BACKEND": "database",
        "MEDIA_ROOT": str(django_settings.MEDIA_ROOT),
        "PUENTE_VAR_DIR": str(django_settings.VAR_DIR),
        "DEBUG": "false",
    }
    command = [sys.executable, "manage.py", "db_worker", "--batch", "--no-startup-delay"]
    return subprocess.Popen(
        [*command, "--no-reload"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_bar_moves_while_a_worker_in_another_process_saves(client, editor, settings, tmp_path):  # noqa: F811
    settings.TASKS = DATABASE_BACKEND
    upload(client, workbook(_season()))
    job = MissionImport.objects.get()
    if connection.vendor == "postgresql":
        base, _slash, _name = os.environ["DATABASE_URL"].partition("?")[0].rpartition("/")
        url, copy = f"{base}/{connection.settings_dict['NAME']}", None
    else:  # the in-memory test database, copied to a file the worker can open
        copy = tmp_path / "worker.sqlite3"
        url = f"sqlite:///{copy}"

    def observed():
        """(state, missions saved) as the status page in this process sees them."""
        if copy is None:
            status = client.get(reverse("editors_import_progress", args=(job.token,))).json()
            return status["state"], status["value"] if status["state"] == "saving" else 0
        with sqlite3.connect(f"file:{copy}?mode=ro", uri=True, timeout=5) as database:
            state, saved = database.execute(
                "SELECT state, missions_saved FROM editors_missionimport WHERE id = ?", [job.pk]
            ).fetchone()
        job.missions_saved = saved
        return state, saved_so_far(job) if state == "saving" else 0  # the status view's rule

    def work():
        if copy is not None:
            connection.ensure_connection()
            with sqlite3.connect(copy) as out:
                connection.connection.backup(out)
        seen = set()
        worker = _worker_process(url)
        deadline = time.monotonic() + 240
        while worker.poll() is None and time.monotonic() < deadline:
            with contextlib.suppress(sqlite3.OperationalError):  # committing: look again
                seen.add(observed())
            time.sleep(0.2)
        if worker.poll() is None:
            worker.kill()
        assert worker.wait(10) == 0, worker.stderr.read()[-3000:]
        if copy is not None:
            with sqlite3.connect(copy) as back:
                back.backup(connection.connection)
        return seen

    work()  # the check
    assert MissionImport.objects.get().state == "ready"
    client.post(reverse("editors_import_confirm", args=(job.token,)))
    seen = work()  # the save
    moving = sorted(saved for state, saved in seen if state == "saving" and 0 < saved < MISSIONS)
    assert moving, f"no count between 0 and {MISSIONS} seen while saving: {sorted(seen)}"
    page = text(client.get(reverse("editors_import_status", args=(job.token,))))
    assert f"Imported: {MISSIONS} missions created, 0 changed, 0 unchanged." in page
    assert MissionPage.objects.count() == MISSIONS


@pytest.mark.django_db
def test_saves_inside_held_bump_the_page_cache_once_on_leaving(mission_index):
    from home.cache import generation, held

    before = generation()
    with held():
        MissionPageFactory(parent=mission_index, slug="uno-2026")
        MissionPageFactory(parent=mission_index, slug="dos-2026")
        assert generation() == before  # held: no bump per save
    after = generation()
    assert after != before  # one bump on leaving
    with held():
        pass
    assert generation() == after  # nothing saved, nothing bumped
