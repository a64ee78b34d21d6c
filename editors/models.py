"""The review task with four eyes, the permissions of the editorial tools, and the imports."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import AbstractGroupApprovalTask


def authors(obj):
    """Ids of who wrote what is under review: the author of the latest revision (the one
    approval publishes) and whoever submitted it."""
    ids = set()
    revision = getattr(obj, "latest_revision", None)
    if revision is not None and revision.user_id:
        ids.add(revision.user_id)
    state = getattr(obj, "current_workflow_state", None)
    if state is not None and state.requested_by_id:
        ids.add(state.requested_by_id)
    return ids


class ReviewTask(AbstractGroupApprovalTask):
    """Approval by a group, never by the person who last edited the record (four eyes).

    The approver must be someone other than the author of the revision under review, the
    superuser included; requesting changes needs a comment, which the editor sees in the
    page's history and status panel.
    """

    def get_actions(self, obj, user):
        actions = super().get_actions(obj, user)
        if user.pk is not None and user.pk in authors(obj):
            actions = [action for action in actions if action[0] != "approve"]
        return actions

    def on_action(self, task_state, user, action_name, **kwargs):
        obj = task_state.workflow_state.content_object
        if action_name == "approve" and user.pk in authors(obj):
            raise PermissionDenied(_("You cannot approve your own changes."))
        return super().on_action(task_state, user, action_name, **kwargs)

    def get_form_for_action(self, action):
        if action == "reject":
            from .forms import RejectionForm  # admin forms need the app registry ready

            return RejectionForm
        return super().get_form_for_action(action)

    @classmethod
    def get_description(cls):
        return _(
            "Members of the chosen groups approve, except the person who last edited the "
            "record; asking for changes needs a comment."
        )

    class Meta:
        verbose_name = _("review by another person")
        verbose_name_plural = _("reviews by another person")


class EditorialTool(models.Model):
    """No table: holds the permissions of the editorial tools (reports, spreadsheet import)."""

    class Meta:
        managed = False
        default_permissions = ()
        permissions = [
            ("view_reports", _("Can view the editorial reports")),
            ("import_missions", _("Can import missions from spreadsheets")),
        ]
        verbose_name = _("editorial tool")

    def __str__(self):
        return str(self._meta.verbose_name)


class MissionImport(models.Model):
    """One uploaded workbook on its way through the import: checked, previewed, then saved.

    The request only stores the file and enqueues the work (editors/importer/tasks.py); the
    editor follows it on a status page. ``report`` keeps what the editor is shown: the errors,
    or the preview of what saving would do, or what was saved.
    """

    class State(models.TextChoices):
        QUEUED = "queued", _("waiting to be checked")
        CHECKING = "checking", _("checking the rows")
        REFUSED = "refused", _("refused")
        ERRORS = "errors", _("has errors")
        READY = "ready", _("ready to import")
        SAVING = "saving", _("saving")
        DONE = "done", _("imported")
        FAILED = "failed", _("failed")

    RUNNING = (State.QUEUED, State.CHECKING, State.SAVING)

    token = models.CharField(max_length=32, unique=True, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="mission_imports"
    )
    file_name = models.CharField(max_length=255)
    language = models.CharField(max_length=10)
    state = models.CharField(max_length=10, choices=State.choices, default=State.QUEUED)
    rows_total = models.PositiveIntegerField(default=0)
    rows_checked = models.PositiveIntegerField(default=0)
    missions_total = models.PositiveIntegerField(default=0)
    missions_saved = models.PositiveIntegerField(default=0)
    message = models.TextField(blank=True)
    report = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("mission import")
        verbose_name_plural = _("mission imports")
        ordering = ["-created_at"]

    def __str__(self):
        return self.file_name

    @property
    def running(self):
        return self.state in self.RUNNING

    @property
    def folder(self):
        return f"imports/{self.user_id}/{self.token}"

    @property
    def path(self):
        return f"{self.folder}/{self.file_name}"
