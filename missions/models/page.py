"""One official trip abroad: who went where, why, what it cost, who paid and what came of it.

The page holds the record's own fields; its rows are in rows.py (destinations, delegation,
agenda, cost lines), results.py (results and follow-ups) and corrections.py. What the public
page shows is gathered by missions/detail.py, the view of the page's route (see home/routing.py).
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    PageChooserPanel,
    TabbedInterface,
)
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.routing import RoutedPageMixin
from home.translated import TRANSLATED_PAGE_FIELDS, in_locale

from ..forms import MissionPageForm
from .choices import AuthorizationActType, MissionType, Payer, ResultStatus
from .corrections import CorrectionsPanel
from .queryset import RESULT_COUNT_FIELDS, MissionManager, compute_figures
from .results import MissionResult
from .rows import CostLine


class MissionPage(RoutedPageMixin, Page):
    """A mission record. Figures are derived in the database: see MissionQuerySet.with_totals()."""

    routes = "missions.routes.mission"
    # The documents its page links: read with the page when it is served (home/serving.py).
    serve_select_related = ("authorization_document", "report_document")
    # Its row of missions.csv is kept per mission, keyed by its publication (home/opendata/chunks.py),
    # while nothing else the row reads changes: pages, Wagtail's sites and locales, and these.
    rows_stamped = True
    rows_read = (
        "directory.Person",
        "directory.StrategicObjective",
        "home.SiteSettings",
        "home.SiteIdentity",  # read with the settings (tests/test_opendata_chunks.py)
    )

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
    # PROTECT: deleting a document a mission cites would silently change the public record
    # (a submitted report would turn "overdue"); Wagtail's delete views refuse it and list
    # where the document is used. Replace it in the mission first, with a correction note.
    authorization_document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("act document"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    report_document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("trip report"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
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
        *TRANSLATED_PAGE_FIELDS,
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
        TranslatableField("travel_legs"),
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
        # Estimated emissions come from these legs (returns.TravelLeg).
        InlinePanel("travel_legs", heading=_("Travel legs"), label=_("travel leg")),
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

    # Figures of this mission -------------------------------------------------------------

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

    def results_by_status(self):
        """[(status code, translated label, count)] for every status, zero counts included."""
        counts = dict(
            MissionResult.objects.filter(page=self)
            .order_by()
            .values_list("status")
            .annotate(n=models.Count("pk"))
        )
        return [(code, label, counts.get(code, 0)) for code, label in ResultStatus.choices]
