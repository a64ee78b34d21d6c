"""Recount the standards measured from the records when the records change: a mission is
published (the period of its return), or a computed standard is published (all its periods)."""

from wagtail.signals import page_published

from missions.models import MissionPage

from .computed import recompute
from .models import StandardPage


def _is_source(page):
    return page.locale_id == page.get_default_locale().pk


def mission_published(sender, instance, **kwargs):
    if _is_source(instance):
        recompute(day=instance.end_date)


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
