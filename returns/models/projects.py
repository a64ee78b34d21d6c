"""The city's projects and what each needs from abroad; mission results say which need they answer.

A need is *met*, *partly met* or *open* from the answers recorded against it (see
``need_state``): results of published missions (``MissionResult.answers_needs``) and
agreements (``partners.Agreement.answers_needs``, reached here through its related name
``answering_agreements``, so this app never imports the partners app).
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.models import Orderable, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from missions.models import ResultStatus
from missions.models.currency import non_negative


class ProjectStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    UNDER_WAY = "under_way", _("Under way")
    COMPLETED = "completed", _("Completed")
    CANCELLED = "cancelled", _("Cancelled")


class NeedKind(models.TextChoices):
    FUNDING = "funding", _("Funding")
    TECHNICAL_ASSISTANCE = "technical_assistance", _("Technical assistance")
    EXPERIENCE = "experience", _("Prior experience or training")
    PARTNERS = "partners", _("Partners")


class NeedState(models.TextChoices):
    OPEN = "open", pgettext_lazy("project need", "Open")
    PARTLY_MET = "partly_met", pgettext_lazy("project need", "Partly met")
    MET = "met", pgettext_lazy("project need", "Met")


class CityProject(TranslatableMixin, ClusterableModel):
    """A project of the city plan that international work can help."""

    title = models.CharField(_("title"), max_length=255)
    unit = models.CharField(_("responsible unit"), max_length=200)
    objective = models.ForeignKey(
        "directory.StrategicObjective",
        verbose_name=_("strategic objective"),
        on_delete=models.PROTECT,
        related_name="projects",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=ProjectStatus.choices, default=ProjectStatus.UNDER_WAY
    )
    summary = models.TextField(_("summary"), blank=True)

    panels = [
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("unit"), FieldPanel("objective"), FieldPanel("status")]),
        FieldPanel("summary"),
        InlinePanel("needs", heading=_("What it needs from abroad"), label=_("need")),
    ]
    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("unit"),
        SynchronizedField("objective"),
        SynchronizedField("status"),
        TranslatableField("summary"),
        TranslatableField("needs"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("city project")
        verbose_name_plural = _("city projects")
        ordering = ["title"]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        from home.translated import in_locale

        locale_id = self.locale_id or self.get_default_locale().pk
        if self.objective_id and self.objective.locale_id != locale_id:
            self.objective = in_locale([self.objective], locale_id)[0]
        unsaved = getattr(self, "_cluster_related_objects", {}).get("needs", [])
        for need in unsaved:
            need.locale_id = locale_id
        super().save(*args, **kwargs)


class ProjectNeed(TranslatableMixin, Orderable):
    """One thing a project needs from abroad, with an amount in CLP when it has one."""

    project = ParentalKey(CityProject, on_delete=models.CASCADE, related_name="needs")
    kind = models.CharField(_("kind"), max_length=30, choices=NeedKind.choices)
    description = models.CharField(_("description"), max_length=500)
    amount_clp = models.DecimalField(
        _("amount in CLP"),
        max_digits=16,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[non_negative()],
        help_text=_("When the need has a money amount (funding sought)."),
    )

    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("amount_clp")]),
        FieldPanel("description"),
    ]
    translatable_fields = [
        SynchronizedField("kind"),
        TranslatableField("description"),
        SynchronizedField("amount_clp"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("project need")
        verbose_name_plural = _("project needs")
        ordering = ["sort_order", "pk"]

    def __str__(self):
        return f"{self.project.title}: {self.description}" if self.project_id else self.description

    def get_state_display(self):
        return NeedState(self.state).label if getattr(self, "state", None) else ""

    def clean(self):
        super().clean()
        if self.amount_clp is not None and self.amount_clp < 0:
            raise ValidationError({"amount_clp": _("An amount cannot be negative.")})


OPEN_STATUSES = {ResultStatus.COMMITTED, ResultStatus.IN_PROGRESS}
# An agreement's status (partners.AgreementStatus values) as an answer: in force or run its
# course, it delivered; signed or under negotiation, it is still to come; suspended or
# terminated, it answers nothing.
AGREEMENT_DELIVERED = {"in_force", "expired"}
AGREEMENT_PENDING = {"negotiation", "signed"}


def need_state(need, results, agreements=()):
    """The NeedState of ``need`` from the answers given: results of published missions and
    agreements (each with its ``status``). Met when achieved results cover its amount (or,
    without an amount, when a result is achieved or an agreement is in force or has run its
    course); partly met when something is achieved or still to come; open otherwise. An
    agreement has no money value, so it never covers an amount on its own."""
    achieved = [result for result in results if result.status == ResultStatus.ACHIEVED]
    pending = [result for result in results if result.status in OPEN_STATUSES]
    delivered = [a for a in agreements if a.status in AGREEMENT_DELIVERED]
    coming = [a for a in agreements if a.status in AGREEMENT_PENDING]
    if need.amount_clp:
        value = sum((result.value_clp or Decimal(0) for result in achieved), Decimal(0))
        if value >= need.amount_clp:
            return NeedState.MET
        something = value or pending or delivered or coming
        return NeedState.PARTLY_MET if something else NeedState.OPEN
    if achieved or delivered:
        return NeedState.MET
    return NeedState.PARTLY_MET if (pending or coming) else NeedState.OPEN
