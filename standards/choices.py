"""The vocabularies of a service standard and of its measurements."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Unit(models.TextChoices):
    PERCENT = "percent", _("Percentage of cases")
    DAYS = "days", _("Calendar days")
    WORKING_DAYS = "working_days", _("Working days")
    HOURS = "hours", _("Hours")
    COUNT = "count", _("Number")
    DONE = "done", _("Done (1) or not done (0)")


# What the unit means for a value: (smallest, largest); None = no bound.
UNIT_BOUNDS = {
    Unit.PERCENT: (0, 100),
    Unit.DAYS: (0, None),
    Unit.WORKING_DAYS: (0, None),
    Unit.HOURS: (0, None),
    Unit.COUNT: (0, None),
    Unit.DONE: (0, 1),
}
UNIT_SUFFIXES = {
    Unit.PERCENT: "%",
    Unit.DAYS: _("days"),
    Unit.WORKING_DAYS: _("working days"),
    Unit.HOURS: _("hours"),
    Unit.COUNT: "",
    Unit.DONE: "",
}


class Direction(models.TextChoices):
    HIGHER = "higher", _("Higher is better (the value must reach the target)")
    LOWER = "lower", _("Lower is better (the value must not exceed the target)")


class Frequency(models.TextChoices):
    MONTHLY = "monthly", _("Monthly")
    QUARTERLY = "quarterly", _("Quarterly")
    YEARLY = "yearly", _("Yearly")


class Channel(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    ONLINE = "online", _("Online")
    PHONE = "phone", _("Phone")
    EMAIL = "email", _("E-mail")


class ComputedFrom(models.TextChoices):
    REPORT_ON_TIME = "report_on_time", _("Missions: trip report within the days allowed")
    PUBLISHED_ON_TIME = "published_on_time", _("Missions: published within N days of return")
    MONTHS_ACCOUNTED = (
        "months_accounted",
        _("Every month: its missions or a no-trips statement, within N days of its end"),
    )


# The rules whose deadline is the standard's own "days allowed" when it has one.
DAYS_RULES = {ComputedFrom.PUBLISHED_ON_TIME, ComputedFrom.MONTHS_ACCOUNTED}


class Status(models.TextChoices):
    """Computed for each period, never typed."""

    MET = "met", _("Met")
    NOT_MET = "not_met", _("Not met")
    NO_DATA = "no_data", _("No data")


class ActionStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
