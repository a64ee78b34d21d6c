"""One official trip abroad: who went where, why, what it cost, who paid and what came of it."""

from decimal import Decimal

from babel.numbers import list_currencies
from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    PageChooserPanel,
    TabbedInterface,
)
from wagtail.documents.widgets import AdminDocumentChooser
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from ..forms import MissionPageForm
from ..panels import CorrectionsPanel
from .choices import (
    AuthorizationActType,
    CostCategory,
    MissionType,
    Payer,
    ResultKind,
    ResultStatus,
)
from .queryset import RESULT_COUNT_FIELDS, CostLineManager, MissionManager

LOCAL_CURRENCY = "CLP"
ISO_CURRENCIES = frozenset(list_currencies())
NON_NEGATIVE = _("The amount cannot be negative.")


def validate_currency(value):
    if (value or "").strip().upper() not in ISO_CURRENCIES:
        raise ValidationError(
            _("“%(code)s” is not an ISO 4217 currency code (for example CLP, USD or EUR)."),
            code="unknown_currency",
            params={"code": value},
        )


def in_locale(objects, locale_id):
    """Each translatable object swapped for its translation in ``locale_id`` when one exists.

    A Spanish mission points at Spanish snippets and its English translation at the English
    ones, whatever the editor picked, so filters by person, organization or objective match.
    """
    objects = list(objects)
    foreign = {obj.translation_key for obj in objects if obj.locale_id != locale_id}
    if not foreign:
        return objects
    model = type(objects[0])
    translations = {
        obj.translation_key: obj
        for obj in model.objects.filter(translation_key__in=foreign, locale_id=locale_id)
    }
    swapped = [
        obj if obj.locale_id == locale_id else translations.get(obj.translation_key, obj)
        for obj in objects
    ]
    return list(dict.fromkeys(swapped))  # picking both language versions keeps one


class MissionChild(TranslatableMixin, Orderable):
    """A row of a mission (destination, delegate, meeting, cost line, correction).

    Children are translatable so that wagtail-localize synchronises them with the Spanish
    source and translates their text; ``localized_foreign_keys`` are swapped on save for their
    translation in the row's own language.
    """

    localized_foreign_keys = ()

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["sort_order"]

    def _own_locale_id(self):
        if self.locale_id:
            return self.locale_id
        try:
            return self.get_default_locale().pk
        except models.ObjectDoesNotExist:
            return None

    def save(self, *args, **kwargs):
        locale_id = self._own_locale_id()
        for name in self.localized_foreign_keys:
            related = getattr(self, name)
            if locale_id and related is not None and related.locale_id != locale_id:
                setattr(self, name, in_locale([related], locale_id)[0])
        super().save(*args, **kwargs)


class MissionPage(Page):
    """A mission record. Figures are derived in the database: see MissionQuerySet.with_totals()."""

    start_date = models.DateField(_("start date"), help_text=_("The day the delegation left."))
    end_date = models.DateField(_("end date"), help_text=_("The day the delegation returned."))
    # Stored rather than computed in SQL: date subtraction differs between databases (an
    # interval in PostgreSQL, a float of days or microseconds in SQLite), and storing it lets
    # cost per day be plain decimal division everywhere. Recomputed on every clean() and save().
    days_abroad = models.PositiveSmallIntegerField(
        _("days abroad"), null=True, editable=False, help_text=_("End date − start date + 1.")
    )
    mission_type = models.CharField(_("type"), max_length=30, choices=MissionType.choices)
    purpose = models.CharField(
        _("purpose"),
        max_length=500,
        help_text=_("In one or two sentences: what the city went to do and why it needed to."),
    )
    objectives = ParentalManyToManyField(
        "directory.StrategicObjective",
        related_name="missions",
        blank=True,
        verbose_name=_("strategic objectives"),
        help_text=_("The city plan objectives this mission serves (at least one to publish)."),
    )
    no_municipal_cost = models.BooleanField(
        _("no cost to the municipality"),
        default=False,
        help_text=_(
            "Tick to state publicly that the municipality paid nothing for this mission. "
            "Without cost lines, a mission can only be published with this statement."
        ),
    )
    authorization_act_type = models.CharField(
        _("authorization act"), max_length=30, choices=AuthorizationActType.choices, blank=True
    )
    authorization_number = models.CharField(
        _("act number"), max_length=50, blank=True, help_text=_("For example 1234/2026.")
    )
    authorization_date = models.DateField(_("act date"), null=True, blank=True)
    authorization_document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("act document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    report_document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("trip report"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Attaching it marks the report as submitted."),
    )
    report_date = models.DateField(_("report date"), null=True, blank=True)
    withdrawn = models.BooleanField(
        _("withdrawn"),
        default=False,
        help_text=_(
            "A published mission is never deleted. Tick to withdraw it: it stays online, "
            "marked as withdrawn, with the reason below."
        ),
    )
    withdrawn_at = models.DateField(_("withdrawn on"), null=True, blank=True)
    withdrawal_reason = models.TextField(
        _("reason for withdrawal"),
        blank=True,
        help_text=_("Shown to the public next to the withdrawn mission."),
    )
    duplicate_of = models.ForeignKey(
        "missions.MissionPage",
        verbose_name=_("duplicate of"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "When this mission is withdrawn as a duplicate: the record it duplicates, in this "
            "mission's language. The withdrawal notice links to it."
        ),
    )
    correction_note = models.TextField(
        _("correction note"),
        blank=True,
        help_text=_(
            "Required when you change the dates, destinations, costs or results of a published "
            "mission: say what changed and why. It is published, dated, when the change is."
        ),
    )

    objects = MissionManager()
    base_form_class = MissionPageForm

    parent_page_types = ["missions.MissionIndexPage"]
    subpage_types = []
    # Corrections are an append-only public log kept outside revisions (see serializable_data).
    # A copy is a new record: no corrections, no pending note, not withdrawn. (Translations are
    # copies too; wagtail-localize then synchronises these fields from the source.)
    exclude_fields_in_copy = [
        "corrections",
        "correction_note",
        "withdrawn",
        "withdrawn_at",
        "withdrawal_reason",
        "duplicate_of",
    ]

    search_fields = Page.search_fields + [
        index.SearchField("purpose"),
        index.RelatedFields("destinations", [index.SearchField("city")]),
        index.FilterField("start_date"),
        index.FilterField("mission_type"),
        index.FilterField("withdrawn"),
    ]

    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        TranslatableField("slug"),
        SynchronizedField("start_date"),
        SynchronizedField("end_date"),
        SynchronizedField("mission_type"),
        TranslatableField("purpose"),
        SynchronizedField("objectives"),
        SynchronizedField("no_municipal_cost"),
        SynchronizedField("authorization_act_type"),
        SynchronizedField("authorization_number"),
        SynchronizedField("authorization_date"),
        SynchronizedField("authorization_document"),
        SynchronizedField("report_document"),
        SynchronizedField("report_date"),
        SynchronizedField("withdrawn"),
        SynchronizedField("withdrawn_at"),
        TranslatableField("withdrawal_reason"),
        SynchronizedField("duplicate_of"),
        TranslatableField("destinations"),
        TranslatableField("delegation"),
        TranslatableField("agenda"),
        TranslatableField("cost_lines"),
        TranslatableField("results"),
        TranslatableField("corrections"),
    ]

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")], heading=_("Dates")),
        FieldPanel("mission_type"),
        FieldPanel("purpose"),
        FieldPanel("objectives", widget=forms.CheckboxSelectMultiple),
        InlinePanel("destinations", heading=_("Destinations"), label=_("destination")),
    ]
    delegation_panels = [
        InlinePanel("delegation", heading=_("Delegation"), label=_("delegation member")),
        InlinePanel("agenda", heading=_("Agenda"), label=_("meeting")),
    ]
    cost_panels = [
        FieldPanel("no_municipal_cost"),
        InlinePanel("cost_lines", heading=_("Cost lines"), label=_("cost line")),
    ]
    result_panels = [InlinePanel("results", heading=_("Results"), label=_("result"))]
    paperwork_panels = [
        MultiFieldPanel(
            [
                FieldPanel("authorization_act_type"),
                FieldRowPanel(
                    [FieldPanel("authorization_number"), FieldPanel("authorization_date")]
                ),
                FieldPanel("authorization_document"),
            ],
            heading=_("Authorization"),
        ),
        MultiFieldPanel(
            [FieldPanel("report_document"), FieldPanel("report_date")],
            heading=_("Trip report"),
        ),
    ]
    record_panels = [
        FieldPanel("correction_note"),
        CorrectionsPanel(heading=_("Published corrections")),
        MultiFieldPanel(
            [
                FieldPanel("withdrawn"),
                FieldPanel("withdrawal_reason"),
                PageChooserPanel("duplicate_of", "missions.MissionPage"),
                FieldPanel("withdrawn_at", read_only=True),
            ],
            heading=_("Withdrawal"),
        ),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("General")),
            ObjectList(delegation_panels, heading=_("Delegation and agenda")),
            ObjectList(cost_panels, heading=_("Costs")),
            ObjectList(result_panels, heading=_("Results")),
            ObjectList(paperwork_panels, heading=_("Authorization and report")),
            ObjectList(record_panels, heading=_("Corrections and withdrawal")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )

    class Meta:
        verbose_name = _("mission")
        verbose_name_plural = _("missions")

    def clean(self):
        super().clean()
        errors = {}
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("The end date cannot be before the start date.")
        if self.withdrawn and not (self.withdrawal_reason or "").strip():
            errors["withdrawal_reason"] = _("Give the public reason for withdrawing this mission.")
        if self.report_document_id and not self.report_date:
            errors["report_date"] = _("Give the date of the trip report.")
        if self.report_date and not self.report_document_id:
            errors["report_document"] = _(
                "Attach the trip report document, or clear the report date."
            )
        if self.duplicate_of_id:
            self._localize_duplicate_of()
            error = self._duplicate_of_error()
            if error:
                errors["duplicate_of"] = error
        if errors:
            raise ValidationError(errors)
        self._derive_fields()

    def _localize_duplicate_of(self):
        """Point at the duplicated record's version in this mission's language, if it has one
        (a translation synchronises the Spanish choice; an editor may pick the wrong language)."""
        original = self.duplicate_of
        if self.locale_id and original is not None and original.locale_id != self.locale_id:
            self.duplicate_of = original.get_translation_or_none(self.locale_id) or original

    def _duplicate_of_error(self):
        original = self.duplicate_of
        if not self.withdrawn:
            return _(
                "Only a withdrawn mission is a duplicate: tick “Withdrawn” and give the reason."
            )
        if original.translation_key == self.translation_key:
            return _("A mission cannot be a duplicate of itself.")
        if original.locale_id != self.locale_id:
            return _("Choose the duplicated record in this mission's language.")
        return None

    def _derive_fields(self):
        if self.start_date and self.end_date:
            self.days_abroad = (self.end_date - self.start_date).days + 1
        else:
            self.days_abroad = None
        if self.withdrawn:
            self.withdrawn_at = self.withdrawn_at or timezone.localdate()
        else:
            self.withdrawn_at = None

    def save(self, *args, **kwargs):
        self._derive_fields()
        objectives = list(self.objectives.all()) if self.locale_id else []
        if any(objective.locale_id != self.locale_id for objective in objectives):
            self.objectives = in_locale(objectives, self.locale_id)
        if self.duplicate_of_id:
            self._localize_duplicate_of()
        return super().save(*args, **kwargs)

    def serializable_data(self):
        # Corrections are appended when a change is published, not by editing: keeping them
        # out of revisions means publishing an older revision can never drop one.
        data = super().serializable_data()
        data.pop("corrections", None)
        return data

    # Helpers for the mission's own page -----------------------------------------------------

    def get_context(self, request, *args, **kwargs):
        # Public page: every row prefetched once (missions/detail.py), constant query count.
        from ..detail import mission_context

        context = super().get_context(request, *args, **kwargs)
        context.update(mission_context(self, request))
        return context

    @cached_property
    def figures(self):
        """This mission's derived figures (the with_totals() annotations) as a dict.

        Read from the database for a saved mission; computed in Python, with the same
        Decimal rules, for a preview whose rows are still in memory.
        """
        if self.pk and not self._has_unsaved_rows():
            names = [
                "total_cost_clp",
                "municipal_cost_clp",
                "others_cost_clp",
                "others_share",
                "cost_per_day_clp",
                "results_count",
                "value_obtained_clp",
                *RESULT_COUNT_FIELDS.values(),
            ]
            row = type(self).objects.filter(pk=self.pk).with_totals().values(*names).first()
            if row is not None:
                return {**row, "days_abroad": self.days_abroad}
        from ..figures import compute_figures

        return compute_figures(self)

    def _has_unsaved_rows(self):
        cached = getattr(self, "_cluster_related_objects", {})
        return "cost_lines" in cached or "results" in cached

    def cost_lines_clp(self):
        """The cost lines with ``amount_clp`` annotated, in editing order."""
        return CostLine.objects.filter(page=self).with_clp().select_related("paying_organization")

    def costs_by_payer(self):
        """[(payer code, translated label, Decimal CLP)] for each payer that paid something."""
        labels = dict(Payer.choices)
        rows = CostLine.objects.filter(page=self).breakdown("payer")
        return [
            (row["payer"], labels.get(row["payer"], row["payer"]), row["total_clp"]) for row in rows
        ]

    def costs_by_category(self):
        labels = dict(CostCategory.choices)
        rows = CostLine.objects.filter(page=self).breakdown("category")
        return [
            (row["category"], labels.get(row["category"], row["category"]), row["total_clp"])
            for row in rows
        ]

    def results_by_status(self):
        """[(status code, translated label, count)] for every status, zero counts included."""
        counts = dict(
            MissionResult.objects.filter(page=self)
            .order_by()
            .values_list("status")
            .annotate(n=models.Count("pk"))
        )
        return [(code, label, counts.get(code, 0)) for code, label in ResultStatus.choices]


class MissionDestination(MissionChild):
    page = ParentalKey(MissionPage, on_delete=models.CASCADE, related_name="destinations")
    city = models.CharField(_("city"), max_length=120)
    country = CountryField(_("country"), help_text=_("ISO 3166 country."))

    panels = [FieldRowPanel([FieldPanel("city"), FieldPanel("country")])]
    translatable_fields = [TranslatableField("city"), SynchronizedField("country")]

    class Meta(MissionChild.Meta):
        verbose_name = _("destination")
        verbose_name_plural = _("destinations")

    def __str__(self):
        return f"{self.city}, {self.country.name}"


class DelegationMember(MissionChild):
    page = ParentalKey(MissionPage, on_delete=models.CASCADE, related_name="delegation")
    person = models.ForeignKey(
        "directory.Person",
        verbose_name=_("person"),
        on_delete=models.PROTECT,
        related_name="mission_delegations",
    )
    role = models.CharField(
        _("role on the trip"), max_length=200, help_text=_("For example: head of delegation.")
    )

    localized_foreign_keys = ("person",)
    panels = [FieldPanel("person"), FieldPanel("role")]
    translatable_fields = [TranslatableField("person"), TranslatableField("role")]

    class Meta(MissionChild.Meta):
        verbose_name = _("delegation member")
        verbose_name_plural = _("delegation")

    def __str__(self):
        return f"{self.person.name}: {self.role}"


class AgendaItem(MissionChild):
    page = ParentalKey(MissionPage, on_delete=models.CASCADE, related_name="agenda")
    date = models.DateField(_("date"))
    organization = models.ForeignKey(
        "directory.Organization",
        verbose_name=_("counterpart organization"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="mission_agenda_items",
    )
    subject = models.CharField(_("subject"), max_length=300)

    localized_foreign_keys = ("organization",)
    panels = [FieldPanel("date"), FieldPanel("organization"), FieldPanel("subject")]
    translatable_fields = [
        SynchronizedField("date"),
        TranslatableField("organization"),
        TranslatableField("subject"),
    ]

    class Meta(MissionChild.Meta):
        verbose_name = _("meeting")
        verbose_name_plural = _("agenda")
        ordering = ["date", "sort_order"]

    def __str__(self):
        return f"{self.date}: {self.subject}"


class CostLine(MissionChild):
    page = ParentalKey(MissionPage, on_delete=models.CASCADE, related_name="cost_lines")
    category = models.CharField(_("category"), max_length=30, choices=CostCategory.choices)
    description = models.CharField(_("description"), max_length=300, blank=True)
    amount = models.DecimalField(
        _("amount"),
        max_digits=14,
        decimal_places=2,
        validators=[MinValueValidator(Decimal(0), message=NON_NEGATIVE)],
        help_text=_("In the currency below, as on the invoice or receipt."),
    )
    currency = models.CharField(
        _("currency"),
        max_length=3,
        default=LOCAL_CURRENCY,
        validators=[validate_currency],
        help_text=_("ISO 4217 code: CLP, USD, EUR…"),
    )
    exchange_rate = models.DecimalField(
        _("exchange rate to CLP"),
        max_digits=18,
        decimal_places=6,
        null=True,
        blank=True,
        help_text=_(
            "Chilean pesos for one unit of the currency on the payment date. "
            "Leave empty for amounts in CLP."
        ),
    )
    payer = models.CharField(_("paid by"), max_length=30, choices=Payer.choices)
    paying_organization = models.ForeignKey(
        "directory.Organization",
        verbose_name=_("paying organization"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="mission_cost_lines",
        help_text=_("Who paid, when it was not the municipality."),
    )

    objects = CostLineManager()

    localized_foreign_keys = ("paying_organization",)
    panels = [
        FieldRowPanel([FieldPanel("category"), FieldPanel("payer")]),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("amount"), FieldPanel("currency"), FieldPanel("exchange_rate")]),
        FieldPanel("paying_organization"),
    ]
    translatable_fields = [
        SynchronizedField("category"),
        TranslatableField("description"),
        SynchronizedField("amount"),
        SynchronizedField("currency"),
        SynchronizedField("exchange_rate"),
        SynchronizedField("payer"),
        TranslatableField("paying_organization"),
    ]

    class Meta(MissionChild.Meta):
        verbose_name = _("cost line")
        verbose_name_plural = _("cost lines")

    def __str__(self):
        return f"{self.get_category_display()}: {self.amount} {self.currency}"

    def clean(self):
        super().clean()
        self.currency = (self.currency or "").strip().upper()
        if self.currency == LOCAL_CURRENCY:
            self.exchange_rate = Decimal(1)
        elif self.currency in ISO_CURRENCIES:
            if self.exchange_rate is None:
                raise ValidationError(
                    {
                        "exchange_rate": _(
                            "Give the exchange rate: how many Chilean pesos one %(currency)s "
                            "was worth when it was paid."
                        )
                        % {"currency": self.currency}
                    }
                )
            if self.exchange_rate <= 0:
                raise ValidationError(
                    {"exchange_rate": _("The exchange rate must be greater than zero.")}
                )

    def save(self, *args, **kwargs):
        self.currency = (self.currency or "").strip().upper()
        if self.currency == LOCAL_CURRENCY:
            self.exchange_rate = Decimal(1)
        super().save(*args, **kwargs)

    @property
    def amount_in_clp(self):
        """Python twin of the SQL conversion, for rows not saved yet (previews)."""
        if self.amount is None or self.exchange_rate is None:
            return None
        return (self.amount * self.exchange_rate).quantize(Decimal("0.01"))


class MissionResult(TranslatableMixin, Orderable, ClusterableModel):
    """What came of the mission; results often arrive months later, hence the follow-ups."""

    page = ParentalKey(MissionPage, on_delete=models.CASCADE, related_name="results")
    kind = models.CharField(_("kind"), max_length=30, choices=ResultKind.choices)
    description = models.TextField(_("description"))
    value_clp = models.DecimalField(
        _("value in CLP"),
        max_digits=16,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(0), message=NON_NEGATIVE)],
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
        TranslatableField("follow_ups"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("result")
        verbose_name_plural = _("results")
        ordering = ["sort_order"]

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
        ordering = ["date", "sort_order"]

    def __str__(self):
        return f"{self.date}: {self.note[:60]}"


class MissionCorrection(MissionChild):
    """A published change to a published mission's figures, with its date (never edited)."""

    page = ParentalKey(MissionPage, on_delete=models.CASCADE, related_name="corrections")
    date = models.DateField(_("date"))
    note = models.TextField(_("note"))

    translatable_fields = [SynchronizedField("date"), TranslatableField("note")]

    class Meta(MissionChild.Meta):
        verbose_name = _("correction")
        verbose_name_plural = _("corrections")
        ordering = ["date", "pk"]

    def __str__(self):
        return f"{self.date}: {self.note[:60]}"
