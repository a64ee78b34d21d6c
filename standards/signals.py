"""Recount the standards measured from the records when the records change: a mission is
published (the periods of its departure and return), a no-trips statement is saved or deleted
(its month's period), or a computed standard is published (all its periods)."""

from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published

from missions.models import MissionPage
from returns.models import NoTripsStatement

from .choices import ComputedFrom
from .computed import computed_standards, recompute
from .models import StandardPage


def _is_source(page):
    return page.locale_id == page.get_default_locale().pk


def mission_published(sender, instance, **kwargs):
    if _is_source(instance):
        recompute(day=instance.end_date)
        if (instance.start_date.year, instance.start_date.month) != (
            instance.end_date.year,
            instance.end_date.month,
        ):
            recompute(day=instance.start_date)  # the months rule counts the departure month too


def statement_changed(sender, instance, **kwargs):
    if instance.month and _is_source(instance):
        monthly = computed_standards().filter(computed_from=ComputedFrom.MONTHS_ACCOUNTED)
        recompute(monthly, day=instance.month)


def standard_published(sender, instance, **kwargs):
    """Also when a translation is published: it gets the source's counts in its language."""
    if instance.computed_from:
        source = (
            instance
            if _is_source(instance)
            else instance.get_translation_or_none(instance.get_default_locale())
        )
        if source is not None:
            recompute([source])


def connect():
    page_published.connect(mission_published, sender=MissionPage, dispatch_uid="standards_mission")
    page_published.connect(
        standard_published, sender=StandardPage, dispatch_uid="standards_standard"
    )
    for signal in (post_save, post_delete):
        signal.connect(statement_changed, sender=NoTripsStatement, dispatch_uid="standards_month")
