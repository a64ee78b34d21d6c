"""The office's dated statement that a month had no official trips ("nothing to report").

Every month of the record has missions or such a statement; a month with neither is a gap,
flagged publicly (see returns.months). A statement can only be made for a month that is over
and had no published mission, so it can never contradict the record.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from missions.models import MissionPage


def month_end(month):
    following = (month.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
    return following - datetime.timedelta(days=1)


class NoTripsStatement(TranslatableMixin, models.Model):
    """ "No official trips abroad in <month>", signed and dated by a named officer."""

    month = models.DateField(
        _("month"),
        help_text=_("Any day of the month the statement is about; stored as its first day."),
    )
    signed_by = models.CharField(_("signed by"), max_length=200)
    position = models.CharField(_("position"), max_length=200)
    signed_on = models.DateField(_("signed on"), default=timezone.localdate)
    note = models.TextField(_("note"), blank=True, help_text=_("Optional public remark."))

    panels = [
        FieldPanel("month"),
        FieldRowPanel([FieldPanel("signed_by"), FieldPanel("position"), FieldPanel("signed_on")]),
        FieldPanel("note"),
    ]
    translatable_fields = [
        SynchronizedField("month"),
        SynchronizedField("signed_by"),
        TranslatableField("position"),
        SynchronizedField("signed_on"),
        TranslatableField("note"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("no-trips statement")
        verbose_name_plural = _("no-trips statements")
        ordering = ["-month"]
        constraints = [
            models.UniqueConstraint(fields=["month", "locale"], name="one_statement_per_month")
        ]

    def __str__(self):
        return self.month.strftime("%Y-%m") if self.month else ""

    def save(self, *args, **kwargs):
        if self.month:
            self.month = self.month.replace(day=1)
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if not self.month:
            return
        self.month = self.month.replace(day=1)
        errors = {}
        today = timezone.localdate()
        if month_end(self.month) >= today:
            errors["month"] = _(
                "A statement can only be made for a month that is over: this month has not ended."
            )
        elif self._month_has_missions():
            errors["month"] = _(
                "This month has a published mission: a no-trips statement would contradict it."
            )
        if self.signed_on and self.signed_on <= month_end(self.month) and "month" not in errors:
            errors["signed_on"] = _("A statement is signed after the month it is about has ended.")
        if self.signed_on and self.signed_on > today:
            errors["signed_on"] = _("The signature date cannot be in the future.")
        locale_id = self.locale_id or self.get_default_locale().pk
        duplicate = type(self).objects.filter(month=self.month, locale_id=locale_id)
        if duplicate.exclude(pk=self.pk).exclude(translation_key=self.translation_key).exists():
            errors["month"] = _("There is already a statement for this month.")
        if errors:
            raise ValidationError(errors)

    def _month_has_missions(self):
        missions = MissionPage.objects.live().not_withdrawn()
        return missions.filter(
            start_date__lte=month_end(self.month), end_date__gte=self.month
        ).exists()
