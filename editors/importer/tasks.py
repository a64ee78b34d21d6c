"""The import's work, done as background tasks (django-tasks) so the request only stores the file.

``check_import`` reads and checks every row, then keeps the errors or the preview on the
``MissionImport``; ``save_import`` checks again (records may have changed since the preview)
and saves everything in one transaction. With the immediate backend (``make run``, tests) the
task runs inside the request; with django-tasks-db a ``manage.py db_worker`` process runs it
and the editor's status page follows its progress.

Progress while checking is written to the import's row (nothing else is being written then);
while saving, the rows saved so far are inside the one transaction, invisible to the status
page, so the count is written outside it (progress.py: the row through a second connection,
or a file on SQLite).
"""

import logging

from django.core.files.storage import default_storage
from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task

from . import progress
from .check import Checker
from .reader import Refused, read_upload
from .save import SaveFailed, locate, save_plans

logger = logging.getLogger(__name__)


def _job(token):
    from editors.models import MissionImport

    return MissionImport.objects.select_related("user").get(token=token)


def mission_index():
    from wagtail.models import Locale

    from missions.models import MissionIndexPage

    return MissionIndexPage.objects.filter(locale=Locale.get_default()).first()


def _read_and_check(job, save_progress):
    with default_storage.open(job.path) as handle:
        data = handle.read()
    tables = read_upload(job.file_name, data)
    job.rows_total = sum(len(table.rows) for table in tables.values())
    job.rows_checked = 0
    save_progress("rows_total", "rows_checked")

    def checked(count):
        job.rows_checked = count
        save_progress("rows_checked")

    checker = Checker(tables, mission_index(), progress=checked)
    plans = checker.run(require_all_sheets=not job.file_name.lower().endswith(".csv"))
    job.rows_checked = job.rows_total
    return checker.problems, plans


def _preview(plans):
    counts = {"create": 0, "update": 0, "unchanged": 0}
    missions = []
    for plan in plans:
        counts[plan.action] += 1
        missions.append(
            {
                "ref": plan.ref,
                "title": plan.fields.get("title") or "",
                "action": plan.action,
                "cost_lines": len(plan.rows.get("cost_lines", [])),
                "results": len(plan.rows.get("results", [])),
                "total_clp": str(plan.total_clp()),
            }
        )
    return {"counts": counts, "missions": missions}


def _run(token, state, work):
    """Run one stage of an import in its editor's language; any failure is shown, not lost."""
    from editors.models import MissionImport

    job = _job(token)

    def save_progress(*fields):
        job.save(update_fields=[*fields, "updated_at"])

    with translation.override(job.language):
        job.state = state
        save_progress("state")
        try:
            work(job, save_progress)
        except Refused as refusal:
            job.state, job.message = MissionImport.State.REFUSED, str(refusal)
        except SaveFailed as failure:
            logger.warning("Mission import %s rolled back: %s", token, failure)
            job.state, job.message = MissionImport.State.FAILED, str(failure)
        except Exception:
            logger.exception("Mission import %s failed", token)
            job.state = MissionImport.State.FAILED
            job.message = _(
                "The import stopped on an unexpected error; nothing was saved. Try again, and "
                "tell the site's administrators if it happens again."
            )
        job.save()
    progress.clear(token)  # the row now has the final count
    return job.state


def _problems(job, problems):
    from editors.models import MissionImport

    job.state = MissionImport.State.ERRORS
    job.report = {"errors": [problem.as_dict(locate) for problem in problems]}


@task()
def check_import(token):
    """Check every row of an uploaded workbook; keep its errors or its preview."""
    from editors.models import MissionImport

    def work(job, save_progress):
        problems, plans = _read_and_check(job, save_progress)
        if problems:
            _problems(job, problems)
            return
        job.state = MissionImport.State.READY
        job.missions_total = sum(plan.action != "unchanged" for plan in plans)
        job.report = _preview(plans)

    return _run(token, MissionImport.State.CHECKING, work)


@task()
def save_import(token):
    """Check again, then save every mission as a draft in one transaction (all or nothing)."""
    from editors.models import MissionImport

    def work(job, save_progress):
        problems, plans = _read_and_check(job, save_progress)
        if problems:  # the records changed since the preview: show what is wrong now
            _problems(job, problems)
            return
        job.state = MissionImport.State.SAVING
        job.missions_total = sum(plan.action != "unchanged" for plan in plans)
        job.missions_saved = 0
        save_progress("state", "missions_total", "missions_saved")

        counter = progress.SavedCounter(job)
        try:
            done = save_plans(plans, mission_index(), job.user, progress=counter)
        finally:
            counter.close()
        job.state = MissionImport.State.DONE
        job.missions_saved = done["create"] + done["update"]
        job.report = {**job.report, "done": done}

    return _run(token, MissionImport.State.CHECKING, work)
