"""The import pages in the admin: upload, status (progress, then errors or preview or result),
confirmation, the annotated workbook and the template."""

import re
import uuid

from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from editors.models import MissionImport

from . import tasks
from .check import Problem
from .progress import saved_so_far
from .reader import read_upload
from .save import annotated_workbook, template_workbook

PERMISSION = "editors.import_missions"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
TOKEN = re.compile(r"^[0-9a-f]{32}$")


class UploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Workbook"),
        help_text=gettext_lazy(
            "An .xlsx workbook made from the template, one .csv table, or a .zip of .csv tables."
        ),
    )


def _allowed(request):
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied


def _render(request, **context):
    context.setdefault("form", UploadForm())
    context["max_mb"] = settings.MISSION_IMPORT_MAX_BYTES // (1024 * 1024)
    return TemplateResponse(request, "editors/admin/import.html", context)


def import_missions(request):
    """Upload: store the file and enqueue its check; the status page follows it."""
    _allowed(request)
    if tasks.mission_index() is None:
        return _render(request, refusal=_("Create the missions index page first."))
    if request.method != "POST":
        return _render(request, recent=MissionImport.objects.filter(user=request.user)[:5])
    form = UploadForm(request.POST, request.FILES)
    if not form.is_valid():
        return _render(request, form=form)
    upload = form.cleaned_data["file"]
    if upload.size > settings.MISSION_IMPORT_MAX_BYTES:
        return _render(
            request,
            form=form,
            refusal=_("The file is larger than %(mb)s MB: split it into several workbooks.")
            % {"mb": settings.MISSION_IMPORT_MAX_BYTES // (1024 * 1024)},
        )
    job = MissionImport(
        token=uuid.uuid4().hex,
        user=request.user,
        file_name=get_valid_filename(upload.name) or "upload",
        language=translation.get_language() or settings.LANGUAGE_CODE,
    )
    default_storage.save(job.path, ContentFile(upload.read()))
    job.save()
    tasks.check_import.enqueue(job.token)
    return redirect("editors_import_status", job.token)


def _job(request, token):
    if not TOKEN.match(token or ""):
        raise Http404
    return get_object_or_404(MissionImport, token=token, user=request.user)


def _saving_count(job):
    if job.state != MissionImport.State.SAVING:
        return job.missions_saved
    return saved_so_far(job)


def status(request, token):
    """Where the import is: progress while it runs, then the errors, the preview or the result."""
    _allowed(request)
    job = _job(request, token)
    report = job.report or {}
    return _render(
        request,
        job=job,
        label=_progress_label(job),
        **_progress_values(job),
        errors=report.get("errors") if job.state == MissionImport.State.ERRORS else None,
        preview=report if job.state == MissionImport.State.READY else None,
        done=report.get("done") if job.state == MissionImport.State.DONE else None,
        form=UploadForm() if not job.running else None,
    )


def progress(request, token):
    """The status as JSON, for the page's progress script (static/editors/import-progress.js)."""
    _allowed(request)
    job = _job(request, token)
    return JsonResponse(
        {
            "running": job.running,
            "state": job.state,
            "label": _progress_label(job),
            **_progress_values(job),
        }
    )


def _progress_values(job):
    """{value, max} of the progress bar: rows while checking, missions while saving."""
    if job.state == MissionImport.State.SAVING:
        return {"value": _saving_count(job), "max": max(job.missions_total, 1)}
    return {"value": job.rows_checked, "max": max(job.rows_total, 1)}


def _progress_label(job):
    if job.state == MissionImport.State.SAVING:
        return _("Saving: %(saved)s of %(total)s missions.") % {
            "saved": _saving_count(job),
            "total": job.missions_total,
        }
    if job.state == MissionImport.State.CHECKING:
        return _("Checking: %(checked)s of %(total)s rows.") % {
            "checked": job.rows_checked,
            "total": job.rows_total,
        }
    return str(job.get_state_display())


def confirm_import(request, token):
    """Confirmation: enqueue the save (which checks again first)."""
    _allowed(request)
    job = _job(request, token)
    if request.method == "POST" and job.state == MissionImport.State.READY:
        job.state = MissionImport.State.QUEUED
        job.save(update_fields=["state", "updated_at"])
        tasks.save_import.enqueue(job.token)
    return redirect("editors_import_status", job.token)


def annotated(request, token):
    """The upload with its bad cells highlighted and commented, from the errors kept."""
    _allowed(request)
    job = _job(request, token)
    if job.state != MissionImport.State.ERRORS:
        raise Http404
    with default_storage.open(job.path) as handle:
        data = handle.read()
    tables = read_upload(job.file_name, data)
    problems = [Problem.from_dict(error) for error in job.report["errors"]]
    content = annotated_workbook(job.file_name, data, tables, problems)
    response = HttpResponse(content, content_type=XLSX)
    stem = job.file_name.rsplit(".", 1)[0]
    response["Content-Disposition"] = f'attachment; filename="{_("errors")}-{stem}.xlsx"'
    return response


def template(request):
    _allowed(request)
    response = HttpResponse(template_workbook(), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{_("missions-template")}.xlsx"'
    return response
