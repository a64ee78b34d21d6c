"""The import as a background task: the request stores the file and queues the work; a real
``manage.py db_worker`` process (django-tasks-db) checks and saves it; the status page shows the
progress, then the preview or the result; a failure is shown and saves nothing."""

import pytest
from django.core.files.storage import default_storage
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from editors.importer.progress import SavedCounter
from editors.models import MissionImport
from missions.models import MissionPage

from .servers import run_worker
from .test_editors_import import editor, sheets, text, upload, workbook  # noqa: F401

DATABASE_BACKEND = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_real_worker_checks_then_saves_what_the_preview_said(client, editor, settings, tmp_path):  # noqa: F811
    settings.TASKS = DATABASE_BACKEND
    queued = text(upload(client, workbook(sheets())))
    assert "waiting to be checked" in queued
    assert "Reload to see the progress" in queued
    job = MissionImport.objects.get()
    assert job.state == "queued" and DBTaskResult.objects.count() == 1

    run_worker(tmp_path)
    preview = text(client.get(reverse("editors_import_status", args=(job.token,))))
    assert "2 missions to create, 0 to change, 0 unchanged." in preview
    assert not MissionPage.objects.exists()

    client.post(reverse("editors_import_confirm", args=(job.token,)))
    assert not MissionPage.objects.exists()  # queued, not yet saved
    run_worker(tmp_path)
    result = text(client.get(reverse("editors_import_status", args=(job.token,))))
    assert "Imported: 2 missions created, 0 changed, 0 unchanged." in result
    assert sorted(MissionPage.objects.values_list("slug", flat=True)) == [
        "lima-2026",
        "rosario-2026",
    ]
    assert not MissionPage.objects.filter(live=True).exists()


@pytest.mark.django_db
def test_the_status_page_shows_rows_checked_then_missions_saved(client, editor):  # noqa: F811
    job = MissionImport.objects.create(
        token="a" * 32,
        user=editor,
        file_name="temporada.xlsx",
        language="en",
        state="checking",
        rows_total=7000,
        rows_checked=2500,
    )
    page = text(client.get(reverse("editors_import_status", args=(job.token,))))
    assert "Checking: 2500 of 7000 rows." in page
    assert 'max="7000" value="2500"' in page
    assert "editors/import-progress" in page  # the static script that polls (no inline script)
    progress = client.get(reverse("editors_import_progress", args=(job.token,))).json()
    assert progress == {
        "running": True,
        "state": "checking",
        "label": "Checking: 2500 of 7000 rows.",
        "value": 2500,
        "max": 7000,
    }

    job.state, job.missions_total = "saving", 1000
    job.save()
    counter = SavedCounter(job)  # what the worker writes, outside its transaction
    counter(340)
    counter.close()
    page = text(client.get(reverse("editors_import_status", args=(job.token,))))
    assert "Saving: 340 of 1000 missions." in page

    other = MissionImport.objects.create(
        token="b" * 32, user=editor, file_name="x.xlsx", language="en"
    )
    other.user = type(editor).objects.create_user("otra", "o@example.org", "x")
    other.save()
    someone_elses = client.get(reverse("editors_import_status", args=(other.token,)), follow=True)
    assert someone_elses.status_code == 404


@pytest.mark.django_db
def test_a_failed_import_is_shown_and_saves_nothing(client, editor):  # noqa: F811
    text(upload(client, workbook(sheets())))
    job = MissionImport.objects.get()
    assert job.state == "ready"
    default_storage.delete(job.path)  # the stored upload is gone (storage cleaned, disk lost)
    response = client.post(reverse("editors_import_confirm", args=(job.token,)), follow=True)
    page = text(response)
    assert "The import stopped on an unexpected error; nothing was saved." in page
    assert MissionImport.objects.get().state == "failed"
    assert not MissionPage.objects.exists()
