"""Agreements between organisations and their lifecycle (after UNICEF eTools and IATI).

The status is computed from the dates wherever they say it — no signature yet: under
negotiation; signed but not yet effective: signed; past its expiry: expired; otherwise in
force — and typed only where dates cannot say it: a suspension or a termination. The same rule
runs in Python (:meth:`Agreement.status_on`) and in SQL (:meth:`AgreementQuerySet.with_status`)
so that lists can filter on it.
"""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.records import SluggedRecord, unique_slug_constraint
from home.translated import in_locale

EXPIRY_WARNING_DAYS = 90


class AgreementKind(models.TextChoices):
    MOU = "mou", _("Memorandum of understanding")
    TWINNING = "twinning", _("Twinning / sister city")
    COOPERATION = "cooperation", _("Cooperation agreement")
    NETWORK_MEMBERSHIP = "network_membership", _("Network membership")
    FUNDING = "funding", _("Funding agreement")
    OTHER = "other", _("Other")


class AgreementStatus(models.TextChoices):
    NEGOTIATION = "negotiation", _("Under negotiation")
    SIGNED = "signed", _("Signed")
    IN_FORCE = "in_force", _("In force")
    EXPIRED = "expired", _("Expired")
    TERMINATED = "terminated", _("Terminated")
    SUSPENDED = "suspended", _("Suspended")


STATUS_TONES = {
    AgreementStatus.NEGOTIATION: "neutral",
    AgreementStatus.SIGNED: "warn",
    AgreementStatus.IN_FORCE: "ok",
    AgreementStatus.EXPIRED: "neutral",
    AgreementStatus.TERMINATED: "bad",
    AgreementStatus.SUSPENDED: "bad",
}


class Interruption(models.TextChoices):
    """What the dates cannot tell: the agreement was stopped."""

    SUSPENDED = "suspended", _("Suspended")
    TERMINATED = "terminated", _("Terminated")


class PartyRole(models.TextChoices):
    """A party's role (IATI organisation roles, plus a plain signatory)."""

    SIGNATORY = "signatory", _("Signatory party")
    FUNDING = "funding", _("Funding")
    ACCOUNTABLE = "accountable", _("Accountable")
    EXTENDING = "extending", _("Extending")
    IMPLEMENTING = "implementing", _("Implementing")


def today():
    return timezone.localdate()


class AgreementQuerySet(models.QuerySet):
    def with_status(self, on=None):
        """Annotate ``computed_status`` (an AgreementStatus value) as of ``on`` (default today)."""
        on = on or today()
        return self.annotate(
            computed_status=Case(
                When(interruption=Interruption.TERMINATED, then=Value(AgreementStatus.TERMINATED)),
                When(interruption=Interruption.SUSPENDED, then=Value(AgreementStatus.SUSPENDED)),
                When(signed_date__isnull=True, then=Value(AgreementStatus.NEGOTIATION)),
                When(signed_date__gt=on, then=Value(AgreementStatus.NEGOTIATION)),
                When(expiry_date__lt=on, then=Value(AgreementStatus.EXPIRED)),
                When(effective_date__gt=on, then=Value(AgreementStatus.SIGNED)),
                default=Value(AgreementStatus.IN_FORCE),
                output_field=models.CharField(),
            )
        )

    def in_force(self, on=None):
        return self.with_status(on).filter(computed_status=AgreementStatus.IN_FORCE)

    def expiring(self, on=None, days=EXPIRY_WARNING_DAYS):
        """In force and expiring within ``days``."""
        on = on or today()
        return self.in_force(on).filter(expiry_date__lte=on + datetime.timedelta(days=days))


class Agreement(TranslatableMixin, SluggedRecord, index.Indexed, ClusterableModel):
    """An agreement two or more organisations signed, with its parties, dates and amendments."""

    slug_source = "title"

    title = models.CharField(_("title"), max_length=255)
    kind = models.CharField(_("kind"), max_length=30, choices=AgreementKind.choices)
    signed_date = models.DateField(
        _("signed on"), null=True, blank=True, help_text=_("Empty while under negotiation.")
    )
    effective_date = models.DateField(
        _("in force from"),
        null=True,
        blank=True,
        help_text=_("Empty when it is the signature date."),
    )
    expiry_date = models.DateField(
        _("expires on"), null=True, blank=True, help_text=_("Empty for an open-ended agreement.")
    )
    interruption = models.CharField(
        _("suspended or terminated"),
        max_length=20,
        choices=Interruption.choices,
        blank=True,
        help_text=_("Only when the agreement was stopped; otherwise the dates give its status."),
    )
    interrupted_on = models.DateField(_("suspended or terminated on"), null=True, blank=True)
    scope = models.TextField(_("scope"), blank=True)
    commitments = models.TextField(_("commitments"), blank=True)
    # When the agreement (or a row edited with it) last changed: the open data's Last-Modified.
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    mission = models.ForeignKey(
        "missions.MissionPage",
        verbose_name=_("signed during the mission"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="agreements",
    )
    results = ParentalManyToManyField(
        "missions.MissionResult",
        verbose_name=_("mission results it produced"),
        blank=True,
        related_name="agreements",
    )
    # The city-project needs it answers (returns.ProjectNeed); their open / partly met / met
    # state counts it (returns.models.projects.need_state). A cancelled project's needs are
    # not offered.
    answers_needs = ParentalManyToManyField(
        "returns.ProjectNeed",
        verbose_name=_("project needs it answers"),
        blank=True,
        related_name="answering_agreements",
        limit_choices_to=~models.Q(project__status="cancelled"),
        help_text=_("The needs of city projects this agreement answers, if any."),
    )

    objects = AgreementQuerySet.as_manager()

    panels = [
        FieldPanel("title"),
        FieldPanel("slug"),
        FieldPanel("kind"),
        FieldRowPanel(
            [FieldPanel("signed_date"), FieldPanel("effective_date"), FieldPanel("expiry_date")]
        ),
        MultiFieldPanel(
            [FieldPanel("interruption"), FieldPanel("interrupted_on")],
            heading=_("Suspension or termination"),
        ),
        InlinePanel("parties", heading=_("Parties"), label=_("party"), min_num=2),
        FieldPanel("scope"),
        FieldPanel("commitments"),
        FieldPanel("document"),
        FieldPanel("mission"),
        FieldPanel("results"),
        FieldPanel("answers_needs", widget=forms.CheckboxSelectMultiple),
        InlinePanel("amendments", heading=_("Amendments"), label=_("amendment")),
    ]
    search_fields = [
        index.SearchField("title"),
        index.AutocompleteField("title"),
        index.SearchField("scope"),
        index.FilterField("locale_id"),
    ]
    translatable_fields = [
        TranslatableField("title"),
        SynchronizedField("slug"),
        SynchronizedField("kind"),
        SynchronizedField("signed_date"),
        SynchronizedField("effective_date"),
        SynchronizedField("expiry_date"),
        SynchronizedField("interruption"),
        SynchronizedField("interrupted_on"),
        TranslatableField("scope"),
        TranslatableField("commitments"),
        SynchronizedField("document"),
        SynchronizedField("mission"),
        SynchronizedField("results"),
        SynchronizedField("answers_needs"),
        TranslatableField("parties"),
        TranslatableField("amendments"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")
        ordering = ["-signed_date", "title"]
        constraints = [unique_slug_constraint("partners_agreement")]

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        errors = {}
        starts = self.signed_date
        if starts and self.expiry_date and self.expiry_date < starts:
            errors["expiry_date"] = _("An agreement cannot expire before it is signed.")
        if starts and self.effective_date and self.effective_date < starts:
            errors["effective_date"] = _("An agreement cannot come into force before it is signed.")
        if self.interruption and not self.interrupted_on:
            errors["interrupted_on"] = _("Give the date it was suspended or terminated.")
        if self.interrupted_on and not self.interruption:
            errors["interruption"] = _("Say whether it was suspended or terminated on that date.")
        if self.interruption and not self.signed_date:
            errors["interruption"] = _("Only a signed agreement can be suspended or terminated.")
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        # A translation answers the same needs, named in its own language (the synchronised
        # field copies the source's rows).
        locale_id = self.locale_id or self.get_default_locale().pk
        needs = list(self.answers_needs.all())
        if any(need.locale_id != locale_id for need in needs):
            self.answers_needs = in_locale(needs, locale_id)
        super().save(*args, **kwargs)

    def status_on(self, on=None):
        on = on or today()
        if self.interruption:
            return AgreementStatus(self.interruption)
        if self.signed_date is None or self.signed_date > on:
            return AgreementStatus.NEGOTIATION
        if self.expiry_date and self.expiry_date < on:
            return AgreementStatus.EXPIRED
        if self.effective_date and self.effective_date > on:
            return AgreementStatus.SIGNED
        return AgreementStatus.IN_FORCE

    @property
    def status(self):
        return self.status_on()

    @property
    def tone(self):
        """The colour of the status badge (its label is the text)."""
        return STATUS_TONES[self.status]

    def expires_soon(self, on=None, days=EXPIRY_WARNING_DAYS):
        on = on or today()
        return (
            self.status_on(on) == AgreementStatus.IN_FORCE
            and self.expiry_date is not None
            and self.expiry_date <= on + datetime.timedelta(days=days)
        )

    def days_left(self, on=None):
        return (self.expiry_date - (on or today())).days if self.expiry_date else None


class AgreementParty(TranslatableMixin, Orderable):
    agreement = ParentalKey(Agreement, on_delete=models.CASCADE, related_name="parties")
    organization = models.ForeignKey(
        "directory.Organization",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="agreement_parties",
    )
    role = models.CharField(
        _("role"), max_length=20, choices=PartyRole.choices, default=PartyRole.SIGNATORY
    )
    signatory_name = models.CharField(_("signed by"), max_length=200, blank=True)
    signatory_position = models.CharField(
        _("position of the signatory"), max_length=200, blank=True
    )
    signed_date = models.DateField(
        _("signed on"), null=True, blank=True, help_text=_("When this party signed, if it differs.")
    )

    panels = [
        FieldRowPanel([FieldPanel("organization"), FieldPanel("role")]),
        FieldRowPanel(
            [
                FieldPanel("signatory_name"),
                FieldPanel("signatory_position"),
                FieldPanel("signed_date"),
            ]
        ),
    ]
    translatable_fields = [
        SynchronizedField("organization"),
        SynchronizedField("role"),
        SynchronizedField("signatory_name"),
        TranslatableField("signatory_position"),
        SynchronizedField("signed_date"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("party")
        verbose_name_plural = _("parties")

    def __str__(self):
        return f"{self.organization} ({self.get_role_display()})"


class AgreementAmendment(TranslatableMixin, Orderable):
    agreement = ParentalKey(Agreement, on_delete=models.CASCADE, related_name="amendments")
    date = models.DateField(_("date"))
    description = models.TextField(_("what changed"))
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [FieldPanel("date"), FieldPanel("description"), FieldPanel("document")]
    translatable_fields = [
        SynchronizedField("date"),
        TranslatableField("description"),
        SynchronizedField("document"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("amendment")
        verbose_name_plural = _("amendments")
        ordering = ["date", "sort_order"]

    def __str__(self):
        return f"{self.date}: {self.description[:60]}"
