"""The import pages in the admin: upload, errors or preview, confirmation; template download."""

import re
import uuid

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from missions.models import MissionIndexPage

from .check import Checker
from .reader import Refused, read_upload
from .save import annotated_workbook, locate, save_plans, template_workbook

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


def _index():
    from wagtail.models import Locale

    return MissionIndexPage.objects.filter(locale=Locale.get_default()).first()


def _path(request, token):
    return f"imports/{request.user.pk}/{token}"


def _check(name, data, index):
    tables = read_upload(name, data)
    checker = Checker(tables, index)
    plans = checker.run(require_all_sheets=not name.lower().endswith(".csv"))
    return tables, checker.problems, plans


def _render(request, **context):
    context.setdefault("form", UploadForm())
    context["max_mb"] = settings.MISSION_IMPORT_MAX_BYTES // (1024 * 1024)
    return TemplateResponse(request, "editors/admin/import.html", context)


def import_missions(request):
    _allowed(request)
    index = _index()
    if index is None:
        return _render(request, refusal=_("Create the missions index page first."))
    if request.method != "POST":
        return _render(request)
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
    data = upload.read()
    name = get_valid_filename(upload.name) or "upload"
    try:
        tables, problems, plans = _check(name, data, index)
    except Refused as refusal:
        return _render(request, form=form, refusal=str(refusal))
    token = uuid.uuid4().hex
    default_storage.save(f"{_path(request, token)}/{name}", ContentFile(data))
    if problems:
        errors = [problem.as_dict(locate) for problem in problems]
        return _render(request, errors=errors, token=token, file_name=name)
    return _render(request, plans=plans, token=token, file_name=name, counts=_counts(plans))


def _counts(plans):
    counts = {"create": 0, "update": 0, "unchanged": 0}
    for plan in plans:
        counts[plan.action] += 1
    return counts


def _stored(request, token):
    if not TOKEN.match(token or ""):
        raise Http404
    folder = _path(request, token)
    try:
        _dirs, files = default_storage.listdir(folder)
    except FileNotFoundError:
        raise Http404 from None
    if not files:
        raise Http404
    with default_storage.open(f"{folder}/{files[0]}") as handle:
        return files[0], handle.read()


def confirm_import(request, token):
    _allowed(request)
    if request.method != "POST":
        return redirect("editors_import_missions")
    name, data = _stored(request, token)
    index = _index()
    try:
        _tables, problems, plans = _check(name, data, index)
    except Refused as refusal:
        return _render(request, refusal=str(refusal))
    if problems:  # the records changed since the preview: show what is wrong now
        return _render(
            request, errors=[p.as_dict(locate) for p in problems], token=token, file_name=name
        )
    done = save_plans(plans, index, request.user)
    messages.success(
        request,
        _(
            "Imported: %(create)s missions created, %(update)s changed, %(unchanged)s unchanged. They are drafts: submit them for review."
        )
        % done,
    )
    return redirect("missions:index")


def annotated(request, token):
    _allowed(request)
    name, data = _stored(request, token)
    try:
        tables, problems, _plans = _check(name, data, _index())
    except Refused:
        raise Http404 from None
    content = annotated_workbook(name, data, tables, problems)
    response = HttpResponse(content, content_type=XLSX)
    response["Content-Disposition"] = (
        f'attachment; filename="{_("errors")}-{name.rsplit(".", 1)[0]}.xlsx"'
    )
    return response


def template(request):
    _allowed(request)
    response = HttpResponse(template_workbook(), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{_("missions-template")}.xlsx"'
    return response
