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
    if instance.computed_from and _is_source(instance):
        recompute([instance])


def connect():
    page_published.connect(mission_published, sender=MissionPage, dispatch_uid="standards_mission")
    page_published.connect(
        standard_published, sender=StandardPage, dispatch_uid="standards_standard"
    )
