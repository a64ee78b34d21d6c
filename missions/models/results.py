"""What came of a mission: its results and their dated follow-up notes.

Results often arrive months after the trip, hence the follow-ups; each result belongs to its
mission page through a ParentalKey by name, so this module never imports the page.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, PageChooserPanel
from wagtail.documents.widgets import AdminDocumentChooser
from wagtail.models import Orderable, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.translated import in_locale

from .choices import ResultKind, ResultStatus
from .currency import non_negative


class MissionResult(TranslatableMixin, Orderable, ClusterableModel):
    """What came of the mission; results often arrive months later, hence the follow-ups."""

    page = ParentalKey("missions.MissionPage", on_delete=models.CASCADE, related_name="results")
    kind = models.CharField(_("kind"), max_length=30, choices=ResultKind.choices)
    description = models.TextField(_("description"))
    value_clp = models.DecimalField(
        _("value in CLP"),
        max_digits=16,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[non_negative()],
        help_text=_("When the result has a money value: funding obtained, investment…"),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=ResultStatus.choices, default=ResultStatus.COMMITTED
    )
    expected_date = models.DateField(_("expected by"), null=True, blank=True)
    achieved_date = models.DateField(_("achieved on"), null=True, blank=True)
    evidence_document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("evidence document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    evidence_url = models.URLField(_("evidence link"), blank=True)
    # The practices app's adoption log reads this relation (practice.mission_results).
    practice = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("practice"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="mission_results",
        help_text=_("The good practice this result concerns, if any."),
    )
    organizations = ParentalManyToManyField(
        "directory.Organization",
        verbose_name=_("organizations involved"),
        blank=True,
        related_name="mission_results",
    )
    # The city-project needs this result answers (returns.ProjectNeed). A need of a cancelled
    # project cannot be chosen: the form refuses it as not one of the available choices.
    answers_needs = ParentalManyToManyField(
        "returns.ProjectNeed",
        verbose_name=_("project needs it answers"),
        blank=True,
        related_name="answering_results",
        limit_choices_to=~models.Q(project__status="cancelled"),
        help_text=_("The needs of city projects this result answers, if any."),
    )

    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("status")]),
        FieldPanel("description"),
        FieldRowPanel(
            [FieldPanel("value_clp"), FieldPanel("expected_date"), FieldPanel("achieved_date")]
        ),
        FieldRowPanel(
            [
                # Explicit: inside a nested inline panel the document chooser is not the default.
                FieldPanel("evidence_document", widget=AdminDocumentChooser),
                FieldPanel("evidence_url"),
            ]
        ),
        PageChooserPanel("practice", "practices.PracticePage"),
        FieldPanel("organizations", widget=forms.CheckboxSelectMultiple),
        FieldPanel("answers_needs", widget=forms.CheckboxSelectMultiple),
        InlinePanel("follow_ups", heading=_("Follow-up notes"), label=_("follow-up note")),
    ]
    translatable_fields = [
        SynchronizedField("kind"),
        TranslatableField("description"),
        SynchronizedField("value_clp"),
        SynchronizedField("status"),
        SynchronizedField("expected_date"),
        SynchronizedField("achieved_date"),
        SynchronizedField("evidence_document"),
        SynchronizedField("evidence_url"),
        SynchronizedField("practice"),
        SynchronizedField("organizations"),
        SynchronizedField("answers_needs"),
        TranslatableField("follow_ups"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("result")
        verbose_name_plural = _("results")
        ordering = ["sort_order", "pk"]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.get_status_display()})"

    def clean(self):
        super().clean()
        if self.status == ResultStatus.ACHIEVED and not self.achieved_date:
            raise ValidationError(
                {"achieved_date": _("An achieved result needs the date it was achieved.")}
            )

    def save(self, *args, **kwargs):
        locale_id = self.locale_id
        if locale_id is None and self.page_id:
            locale_id = self.get_default_locale().pk
        organizations = list(self.organizations.all()) if locale_id else []
        if any(org.locale_id != locale_id for org in organizations):
            self.organizations = in_locale(organizations, locale_id)
        needs = list(self.answers_needs.all()) if locale_id else []
        if any(need.locale_id != locale_id for need in needs):
            self.answers_needs = in_locale(needs, locale_id)
        # Follow-ups share their result's language. Wagtail's copy for translation relocates
        # the page's own rows only, so relocate the follow-ups copied along with this result.
        unsaved = getattr(self, "_cluster_related_objects", {}).get("follow_ups", [])
        for follow_up in unsaved:
            if locale_id:
                follow_up.locale_id = locale_id
        super().save(*args, **kwargs)


class ResultFollowUp(TranslatableMixin, Orderable):
    """A dated note on how a result evolved, optionally with the status it moved to."""

    result = ParentalKey(MissionResult, on_delete=models.CASCADE, related_name="follow_ups")
    date = models.DateField(_("date"))
    note = models.TextField(_("note"))
    new_status = models.CharField(
        _("new status"),
        max_length=20,
        choices=ResultStatus.choices,
        blank=True,
        help_text=_("If the result changed status, the status it moved to."),
    )

    panels = [FieldRowPanel([FieldPanel("date"), FieldPanel("new_status")]), FieldPanel("note")]
    translatable_fields = [
        SynchronizedField("date"),
        TranslatableField("note"),
        SynchronizedField("new_status"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("follow-up note")
        verbose_name_plural = _("follow-up notes")
        ordering = ["date", "sort_order", "pk"]

    def __str__(self):
        return f"{self.date}: {self.note[:60]}"
