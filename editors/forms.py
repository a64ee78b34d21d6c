"""Forms of the editors' tools."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.forms import TaskStateCommentForm


class RejectionForm(TaskStateCommentForm):
    """Requesting changes needs a comment: the editor has to know what to change."""

    comment = forms.CharField(
        label=_("What should be changed?"),
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Say what the editor should change.")},
    )
