"""One measured period of a standard: its value (typed, or computed from a numerator and a
denominator, or counted from Puente's records), and what was done when the target was missed.

Whether the period met the target is never stored or typed: it is computed from the value and
the standard's target wherever it is shown (standards/periods.py).
"""

from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import Orderable, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from ..choices import ActionStatus
from ..rules import measurement_errors

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
