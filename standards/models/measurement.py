"""One measured period of a standard: its value (typed, or computed from a numerator and a
denominator, or counted from Puente's records), and what was done when the target was missed.

Whether the period met the target is never stored or typed: it is computed from the value and
the standard's target wherever it is shown (standards/periods.py).
"""

from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import Orderable, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from ..choices import UNIT_BOUNDS, ActionStatus, Unit
from ..periods import is_calendar_period, is_met

HUNDRED = Decimal(100)
VALUE_PLACES = Decimal("0.01")


def share_of(numerator, denominator):
    """numerator ÷ denominator as a percentage with two decimals (None when it cannot be)."""
    if numerator is None or not denominator:
        return None
    return (Decimal(numerator) * HUNDRED / Decimal(denominator)).quantize(
        VALUE_PLACES, rounding=ROUND_HALF_UP
    )


class StandardMeasurement(TranslatableMixin, Orderable):
    page = ParentalKey(
        "standards.StandardPage", on_delete=models.CASCADE, related_name="measurements"
    )
    period_start = models.DateField(_("period start"))
    period_end = models.DateField(_("period end"))
    numerator = models.DecimalField(
        _("volume meeting the target"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("For a percentage: the cases that met the commitment (e.g. 46 requests)."),
    )
    denominator = models.DecimalField(
        _("total volume"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("For a percentage: all the cases of the period (e.g. 50 requests)."),
    )
    value = models.DecimalField(
        _("value"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_(
            "In the standard's unit. Leave it empty when you give the two volumes: it is "
            "computed from them."
        ),
    )
    note = models.TextField(_("note"), blank=True)
    source_document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("source document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    source_url = models.URLField(_("source link"), blank=True)
    reason = models.TextField(
        _("reason for not meeting the target"),
        blank=True,
        help_text=_("Required when the value misses the target: why, in plain words."),
    )
    action = models.TextField(
        _("action taken"),
        blank=True,
        help_text=_("Required when the value misses the target: what the office did about it."),
    )
    action_date = models.DateField(_("action date"), null=True, blank=True)
    action_status = models.CharField(
        _("action status"), max_length=20, choices=ActionStatus.choices, blank=True
    )
    # Counted from the site's records (standards/computed.py): which records, counted how.
    inputs = models.JSONField(_("inputs"), default=dict, blank=True, editable=False)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    panels = [
        FieldRowPanel([FieldPanel("period_start"), FieldPanel("period_end")], heading=_("Period")),
        FieldRowPanel(
            [FieldPanel("numerator"), FieldPanel("denominator"), FieldPanel("value")],
            heading=_("Measurement"),
        ),
        FieldPanel("note"),
        FieldRowPanel([FieldPanel("source_document"), FieldPanel("source_url")]),
        MultiFieldPanel(
            [
                FieldPanel("reason"),
                FieldPanel("action"),
                FieldRowPanel([FieldPanel("action_date"), FieldPanel("action_status")]),
            ],
            heading=_("When the target is not met"),
        ),
    ]
    translatable_fields = [
        SynchronizedField("period_start"),
        SynchronizedField("period_end"),
        SynchronizedField("numerator"),
        SynchronizedField("denominator"),
        SynchronizedField("value"),
        TranslatableField("note"),
        SynchronizedField("source_document"),
        SynchronizedField("source_url"),
        TranslatableField("reason"),
        TranslatableField("action"),
        SynchronizedField("action_date"),
        SynchronizedField("action_status"),
        SynchronizedField("inputs"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("measurement")
        verbose_name_plural = _("measurements")
        ordering = ["period_start"]

    def __str__(self):
        return f"{self.period_start} – {self.period_end}"

    @property
    def is_computed(self):
        return bool(self.inputs)

    def derive_value(self):
        if self.numerator is not None and self.denominator:
            self.value = share_of(self.numerator, self.denominator)

    def clean(self):
        super().clean()
        self.derive_value()
        page = getattr(self, "page", None)
        errors = measurement_errors(self, page)
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        self.derive_value()
        super().save(*args, **kwargs)


def measurement_errors(row, page):
    """{field: message} for a measurement that cannot be saved on ``page`` (a StandardPage)."""
    errors = {}
    today = timezone.localdate()
    start, end = row.period_start, row.period_end
    if start and end:
        if end < start:
            errors["period_end"] = _("The period cannot end before it starts.")
        elif end > today:
            errors["period_end"] = _(
                "This period has not ended yet: measure it once it is over (the latest end "
                "allowed is today)."
            )
        elif (
            page is not None
            and page.frequency
            and not is_calendar_period(start, end, page.frequency)
        ):
            errors["period_start"] = _(
                "The period must be one calendar %(frequency)s period of this standard, "
                "from its first to its last day (e.g. 1 January to 31 March for a quarter)."
            ) % {"frequency": page.get_frequency_display().lower()}
    for name in ("numerator", "denominator", "value"):
        number = getattr(row, name)
        if number is not None and number < 0:
            errors[name] = _("A negative number makes no sense here.")
    if row.denominator is not None and "denominator" not in errors:
        if row.denominator == 0:
            errors["denominator"] = _(
                "The total volume cannot be zero: leave the period without a measurement instead."
            )
        elif row.numerator is not None and row.denominator < row.numerator:
            errors["denominator"] = _(
                "The total volume cannot be smaller than the volume meeting the target."
            )
    if (row.numerator is None) != (row.denominator is None):
        errors.setdefault(
            "denominator", _("Give both volumes (meeting the target and total), or neither.")
        )
    if page is not None and not errors:
        errors.update(_unit_errors(row, page))
    if page is not None and not errors and row.value is not None:
        met = is_met(row.value, page.target_value, page.direction)
        if met is False:
            if not row.reason.strip():
                errors["reason"] = _("The target was not met: say why.")
            if not row.action.strip():
                errors["action"] = _("The target was not met: say what was done about it.")
    if row.value is None and row.numerator is None and not row.is_computed:
        errors["value"] = _(
            "Give the value, or the two volumes it is computed from. A period without data is "
            "shown as “no data” by itself: do not add a row for it."
        )
    return errors


def _unit_errors(row, page):
    if page.unit is None or page.target_value is None:
        return {"value": _("Set the standard's unit and target before measuring it.")}
    if row.numerator is not None and page.unit != Unit.PERCENT:
        return {
            "numerator": _(
                "Volumes give a percentage, but this standard's target is in %(unit)s: give "
                "the value instead, or change the target's unit to a percentage."
            )
            % {"unit": page.get_unit_display().lower()}
        }
    low, high = UNIT_BOUNDS.get(page.unit, (None, None))
    if row.value is not None and high is not None and row.value > high:
        return {
            "value": _("A value in %(unit)s cannot be more than %(high)s.")
            % {"unit": page.get_unit_display().lower(), "high": high}
        }
    return {}
