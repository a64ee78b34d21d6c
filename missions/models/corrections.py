"""The public log of corrections: a dated note for each change to a published mission's figures.

Corrections are appended, never edited: ``publish_correction`` turns the note that travelled
with a draft into a dated row when the change is published (see missions/corrections.py for
what counts as a change), and ``CorrectionsPanel`` shows the log to editors read-only.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import Panel
from wagtail_localize.fields import SynchronizedField, TranslatableField

from .rows import MissionChild


class MissionCorrection(MissionChild):
    """A published change to a published mission's figures, with its date (never edited)."""

    page = ParentalKey("missions.MissionPage", on_delete=models.CASCADE, related_name="corrections")
    date = models.DateField(_("date"))
    note = models.TextField(_("note"))

    translatable_fields = [SynchronizedField("date"), TranslatableField("note")]

    class Meta(MissionChild.Meta):
        verbose_name = _("correction")
        verbose_name_plural = _("corrections")
        ordering = ["date", "pk"]

    def __str__(self):
        return f"{self.date}: {self.note[:60]}"


class CorrectionsPanel(Panel):
    """A mission's published corrections, shown in its edit form without letting anyone edit them."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "missions/admin/corrections_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            pk = getattr(self.instance, "pk", None)
            context["corrections"] = (
                list(MissionCorrection.objects.filter(page_id=pk)) if pk else []
            )
            return context


def publish_correction(sender, instance, revision=None, **kwargs):
    """page_published receiver: turn a pending correction note into a dated correction."""
    note = (instance.correction_note or "").strip()
    if not note:
        return
    MissionCorrection.objects.create(page=instance, date=timezone.localdate(), note=note)
    type(instance).objects.filter(pk=instance.pk).update(correction_note="")
    instance.correction_note = ""
    # The edit form opens the latest revision: clear the note there too, so the next edit
    # starts empty and republishing cannot log the same correction twice.
    for stored in {revision, instance.latest_revision} - {None}:
        if stored.content.get("correction_note"):
            stored.content["correction_note"] = ""
            stored.save(update_fields=["content"])
