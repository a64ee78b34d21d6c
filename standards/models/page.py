"""The standards index and one page per standard: a public commitment, how it is measured, what
a citizen can do when it is broken, and its measurements period by period (measurement.py).

What the public pages show is gathered by standards/views.py, the views of the pages' routes
(see home/routing.py); the period arithmetic is standards/periods.py.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.models import IndexPage
from home.routing import RoutedPageMixin
from home.translated import TRANSLATED_PAGE_FIELDS, in_locale

from ..choices import DAYS_RULES, Channel, ComputedFrom, Direction, Frequency, Status, Unit
from ..forms import StandardPageForm
from ..periods import ended_periods, overlap_message, overlapping, period_of, status_of
from ..rules import measurement_errors


class StandardIndexPage(RoutedPageMixin, IndexPage):
    """Lists a language's standards with their current state."""

    routes = "standards.routes.index"
    subpage_types = ["standards.StandardPage"]

    class Meta:
        verbose_name = _("service standards index")


class StandardQuerySet(PageQuerySet):
    def with_history(self):
        """Measurements fetched with the standards: one query for any number of them."""
        return self.prefetch_related("measurements")


StandardManager = PageManager.from_queryset(StandardQuerySet)


def standards_serving(objective):
    """The live standards that serve ``objective`` (a StrategicObjective), in its language:
    for the objective's public page or any list of objectives."""
    return (
        StandardPage.objects.live()
        .public()
        .filter(
            locale_id=objective.locale_id, objectives__translation_key=objective.translation_key
        )
        .distinct()
        .order_by("title")
    )


class StandardPage(RoutedPageMixin, Page):
    """A service standard. Met / not met / no data per period is computed, never typed."""

    routes = "standards.routes.standard"

    commitment = models.TextField(
        _("commitment"),
        help_text=_("What the office promises, in plain words: “We answer every request …”."),
    )
    indicator = models.CharField(
        _("indicator"),
        max_length=255,
        help_text=_("What is measured, e.g. “Requests answered on time”."),
    )
    formula = models.TextField(
        _("how it is computed"),
        help_text=_("The formula in words: numerator, denominator, what counts and what does not."),
    )
    target_value = models.DecimalField(_("target"), max_digits=14, decimal_places=2)
    unit = models.CharField(_("unit"), max_length=20, choices=Unit.choices, default=Unit.PERCENT)
    direction = models.CharField(
        _("which way is better"), max_length=10, choices=Direction.choices, default=Direction.HIGHER
    )
    frequency = models.CharField(
        _("measurement period"),
        max_length=10,
        choices=Frequency.choices,
        default=Frequency.QUARTERLY,
    )
    measured_since = models.DateField(
        _("measured since"),
        help_text=_(
            "The first day the commitment applies. Every period from then on is shown: a "
            "period that has ended without a measurement shows as “no data”."
        ),
    )
    responsible_unit = models.CharField(_("responsible unit"), max_length=200)
    channel = models.CharField(
        _("channel"),
        max_length=20,
        choices=Channel.choices,
        blank=True,
        help_text=_("Where the service is given, when that applies."),
    )
    data_source = models.TextField(_("data source"))
    verification = models.TextField(
        _("means of verification"), help_text=_("Where anyone can check the figures.")
    )
    redress = models.TextField(
        _("redress"),
        help_text=_(
            "What a citizen can do, and where, when this commitment is not kept: whom to "
            "write to, which form, what answer to expect and when."
        ),
    )
    objectives = ParentalManyToManyField(
        "directory.StrategicObjective",
        related_name="standards",
        blank=True,
        verbose_name=_("strategic objectives"),
    )
    computed_from = models.CharField(
        _("measured from the site's records"),
        max_length=30,
        choices=ComputedFrom.choices,
        blank=True,
        help_text=_(
            "Leave empty for a standard whose measurements you type. Otherwise its "
            "measurements are counted from the records by “manage.py recompute_standards” "
            "and after every mission is published; they cannot be typed."
        ),
    )
    record_days = models.PositiveSmallIntegerField(
        _("days allowed"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_(
            "For “published within N days of return”: N; for “every month: its missions or a "
            "no-trips statement”: the days after the month's end. Empty: the days allowed for "
            "a trip report in Site settings."
        ),
    )

    objects = StandardManager()
    base_form_class = StandardPageForm
    parent_page_types = ["standards.StandardIndexPage"]
    subpage_types = []

    search_fields = Page.search_fields + [
        index.SearchField("commitment", boost=2),
        index.SearchField("indicator"),
        index.SearchField("formula"),
        index.SearchField("responsible_unit"),
        index.SearchField("redress"),
        index.AutocompleteField("commitment"),
        index.FilterField("channel"),
    ]
    translatable_fields = [
        *TRANSLATED_PAGE_FIELDS,
        TranslatableField("commitment"),
        TranslatableField("indicator"),
        TranslatableField("formula"),
        SynchronizedField("target_value"),
        SynchronizedField("unit"),
        SynchronizedField("direction"),
        SynchronizedField("frequency"),
        SynchronizedField("measured_since"),
        TranslatableField("responsible_unit"),
        SynchronizedField("channel"),
        TranslatableField("data_source"),
        TranslatableField("verification"),
        TranslatableField("redress"),
        SynchronizedField("objectives"),
        SynchronizedField("computed_from"),
        SynchronizedField("record_days"),
        TranslatableField("measurements"),
    ]

    content_panels = Page.content_panels + [
        FieldPanel("commitment"),
        FieldPanel("indicator"),
        FieldPanel("formula"),
        FieldRowPanel(
            [FieldPanel("target_value"), FieldPanel("unit"), FieldPanel("direction")],
            heading=_("Target"),
        ),
        FieldRowPanel([FieldPanel("frequency"), FieldPanel("measured_since")]),
        FieldRowPanel([FieldPanel("responsible_unit"), FieldPanel("channel")]),
        FieldPanel("data_source"),
        FieldPanel("verification"),
        FieldPanel("redress"),
        FieldPanel("objectives", widget=forms.CheckboxSelectMultiple),
        MultiFieldPanel(
            [FieldPanel("computed_from"), FieldPanel("record_days")],
            heading=_("Measured from the site's records"),
        ),
    ]
    measurement_panels = [
        InlinePanel("measurements", heading=_("Measurements"), label=_("measurement")),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Standard")),
            ObjectList(measurement_panels, heading=_("Measurements")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )

    class Meta:
        verbose_name = _("service standard")
        verbose_name_plural = _("service standards")

    def clean(self):
        super().clean()
        errors = {}
        if self.record_days and self.computed_from not in DAYS_RULES:
            errors["record_days"] = _(
                "Only a standard measured as “published within N days of return” or “every "
                "month: its missions or a no-trips statement” uses this."
            )
        if self.computed_from and self.unit != Unit.PERCENT:
            errors["unit"] = _("A standard measured from the records is a percentage of missions.")
        if errors:
            raise ValidationError(errors)
        if self.computed_from:
            return  # its rows are counted by standards/computed.py, not typed
        rows = list(self.measurements.all())
        for row in rows:
            row.derive_value()
            row_errors = measurement_errors(row, self)
            if row_errors:
                raise ValidationError(
                    _("Measurement %(period)s: %(errors)s")
                    % {"period": row, "errors": " ".join(str(e) for e in row_errors.values())}
                )
        overlap = overlapping(rows)
        if overlap:
            raise ValidationError(overlap_message(*overlap))

    def save(self, *args, **kwargs):
        objectives = list(self.objectives.all()) if self.locale_id else []
        if any(objective.locale_id != self.locale_id for objective in objectives):
            self.objectives = in_locale(objectives, self.locale_id)
        return super().save(*args, **kwargs)

    def serializable_data(self):
        # Measurements counted from the records are written by recompute_standards, not by
        # editing: keeping them out of revisions means publishing an older one never drops one.
        data = super().serializable_data()
        if self.computed_from:
            data.pop("measurements", None)
        return data

    # The history, computed ------------------------------------------------------------------

    def history(self, today=None, last=None):
        """[(Period, measurement or None, Status)] for every period ended since the standard
        applies, oldest first (only the ``last`` N when given). Uses prefetched measurements."""
        today = today or timezone.localdate()
        by_start = {row.period_start: row for row in self.measurements.all()}
        rows = []
        for period in ended_periods(self.measured_since, self.frequency, today, last):
            row = by_start.get(period.start)
            rows.append((period, row, status_of(row, self.target_value, self.direction)))
        return rows

    def current(self, today=None, grace_days=0):
        """(Period, measurement, Status) of the period a reader should see now: the last ended
        one when it is measured, else the last one whose measurement is overdue (its end plus
        ``grace_days``), which then shows as “no data”. None before any period has ended."""
        today = today or timezone.localdate()
        history = self.history(today, last=2)
        if not history:
            return None
        last = history[-1]
        if last[1] is not None or (today - last[0].end).days > grace_days or len(history) == 1:
            return last
        return history[-2]

    def last_due_period(self, today, grace_days):
        """The latest period whose measurement should be in by now (end + grace before today)."""
        history = self.history(today, last=2)
        due = [item[0] for item in history if (today - item[0].end).days > grace_days]
        return due[-1] if due else None

    def compliance(self, today=None, months=12):
        """{met, not_met, no_data, periods, share} over the periods that ended in the last
        ``months`` months; ``share`` is met ÷ periods (None without any period)."""
        today = today or timezone.localdate()
        since = today.replace(year=today.year - 1) if months == 12 else None
        counts = {Status.MET: 0, Status.NOT_MET: 0, Status.NO_DATA: 0}
        for period, _row, status in self.history(today):
            if since is None or period.end >= since:
                counts[status] += 1
        periods = sum(counts.values())
        return {
            "met": counts[Status.MET],
            "not_met": counts[Status.NOT_MET],
            "no_data": counts[Status.NO_DATA],
            "periods": periods,
            "share": counts[Status.MET] / periods if periods else None,
        }

    def period_containing(self, day):
        return period_of(day, self.frequency)
