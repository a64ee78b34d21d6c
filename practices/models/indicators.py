"""Results with indicators: where a practice started, where it aims, where it is now."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

VALUE_FIELDS = ("baseline", "target", "current_value")


def _value_field(verbose_name, help_text):
    return models.DecimalField(verbose_name, max_digits=16, decimal_places=4, help_text=help_text)


class PracticeIndicator(TranslatableMixin, Orderable):
    """One measured result of a practice; translated with its page (name, unit and source)."""

    page = ParentalKey(
        "practices.PracticePage", on_delete=models.CASCADE, related_name="indicators"
    )
    name = models.CharField(
        _("indicator"), max_length=200, help_text=_("What is measured, e.g. Daily bicycle trips.")
    )
    baseline = _value_field(_("baseline"), _("The value before the practice started."))
    target = _value_field(
        _("target"),
        _("The value the practice aims for. Lower than the baseline when the aim is to reduce."),
    )
    current_value = _value_field(_("current value"), _("The latest measured value."))
    unit = models.CharField(
        _("unit"), max_length=60, blank=True, help_text=_("E.g. %, tonnes of CO₂, households.")
    )
    measured_on = models.DateField(_("date of the current value"))
    source = models.CharField(
        _("source"),
        max_length=255,
        help_text=_("Where the figure comes from, e.g. Municipal traffic count 2024."),
    )
    allows_negative = models.BooleanField(
        _("values can be negative"),
        default=False,
        help_text=_("Tick only for indicators that can fall below zero, such as a net balance."),
    )

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("baseline"), FieldPanel("target"), FieldPanel("current_value")]),
        FieldRowPanel([FieldPanel("unit"), FieldPanel("measured_on")]),
        FieldPanel("source"),
        FieldPanel("allows_negative"),
    ]
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("unit"),
        TranslatableField("source"),
        SynchronizedField("baseline"),
        SynchronizedField("target"),
        SynchronizedField("current_value"),
        SynchronizedField("measured_on"),
        SynchronizedField("allows_negative"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        errors = {}
        if not self.allows_negative:
            for field in VALUE_FIELDS:
                value = getattr(self, field)
                if value is not None and value < 0:
                    errors[field] = ValidationError(
                        _(
                            "This indicator cannot be negative. "
                            "Tick “values can be negative” if it can."
                        ),
                        code="negative",
                    )
        if self.measured_on and self.measured_on > timezone.localdate():
            errors["measured_on"] = ValidationError(
                _("The measurement date cannot be in the future."), code="future"
            )
        if errors:
            raise ValidationError(errors)

    @property
    def progress(self):
        """Share of the way from baseline to target (1 = reached), or None when they are equal.

        Works for decreasing targets too (the sign of the distance cancels out). The value is not
        clamped: 1.2 means the target was overshot, -0.1 that things moved the wrong way.
        """
        if None in (self.baseline, self.target, self.current_value):
            return None
        distance = self.target - self.baseline
        if distance == 0:
            return None
        return (self.current_value - self.baseline) / distance

    @property
    def progress_percent(self):
        """Progress for display: a whole percentage clamped to 0–100, or None."""
        progress = self.progress
        if progress is None:
            return None
        clamped = min(max(progress, Decimal(0)), Decimal(1))
        return int((clamped * 100).to_integral_value())

    @property
    def target_reached(self):
        progress = self.progress
        if progress is None:
            return self.current_value == self.target
        return progress >= 1

    @property
    def is_decreasing(self):
        return self.target is not None and self.baseline is not None and self.target < self.baseline
