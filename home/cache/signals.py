"""Bump the content generation whenever something a visitor can see may have changed.

Conservative on purpose: every save or delete of every model of the project's own apps (pages,
snippets, settings, records, their inline rows and many-to-many links), of Wagtail's pages and
privacy rules, sites, locales, collections, images, documents and redirects, and taggit's tags,
bumps the whole site's generation. The list is computed from the installed apps, so a model
added later is covered without being named here. Wagtail's own page signals (published,
unpublished, moved) are connected too: a move changes URLs without a save signal; and so is
the end of every background task.

Receivers are connected per model (not for every sender) so that models nobody watches keep
Django's fast deletes.
"""

import sys
import sysconfig
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.db.models.signals import m2m_changed, post_delete, post_save
from django_tasks.signals import task_finished
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import bump

WARM_TASK = "home.cache.warm.warm_site"

# Wagtail's and taggit's models whose rows show on (or hide) public pages. Renditions and
# embeds are left out: they are written while a page renders and change nothing it shows.
OTHER_MODELS = (
    "wagtailcore.Page",
    "wagtailcore.PageViewRestriction",
    "wagtailcore.CollectionViewRestriction",
    "wagtailcore.Collection",
    "wagtailcore.Site",
    "wagtailcore.Locale",
    "wagtaildocs.Document",
    "wagtailredirects.Redirect",
    "taggit.Tag",
    "taggit.TaggedItem",
    # When a translation was last synced: the "translated from…" notice reads it.
    "wagtail_localize.TranslationSource",
    "wagtail_localize.Translation",
)


def _installed_packages():
    """Where installed packages live: a virtualenv may sit inside the repository (``.venv``)."""
    paths = sysconfig.get_paths()
    return {Path(folder).resolve() for folder in (paths["purelib"], paths["platlib"], sys.prefix)}


def project_models():
    """Every model of the apps that live in this repository, not of the installed packages
    (their sessions, log entries, renditions and task results change nothing a visitor sees;
    those that do are named in OTHER_MODELS)."""
    base = Path(settings.BASE_DIR).resolve()
    # A folder that holds the repository (Python in /usr, the site in /usr/src/app) is no sign.
    installed = {folder for folder in _installed_packages() if not base.is_relative_to(folder)}
    for config in apps.get_app_configs():
        path = Path(config.path).resolve()
        if path.is_relative_to(base) and not any(path.is_relative_to(p) for p in installed):
            yield from config.get_models()


def watched_models():
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model

    found = set(project_models())
    found.update(apps.get_model(label) for label in OTHER_MODELS)
    found.update({get_image_model(), get_document_model()})
    ignored = {label.lower() for label in getattr(settings, "PAGE_CACHE_IGNORED_MODELS", ())}
    return {model for model in found if model._meta.label_lower not in ignored}


def content_changed(sender=None, **kwargs):
    if kwargs.get("raw"):  # fixtures being loaded: the loader bumps once at its end
        return
    if kwargs.get("action", "post_").startswith("pre_"):  # m2m_changed: only after the change
        return
    bump()


def task_finished_bump(sender=None, task_result=None, **kwargs):
    # The warm-up only renders what the current generation shows: bumping at its end would
    # drop what it made and queue another.
    if task_result is not None and task_result.task.module_path == WARM_TASK:
        return
    bump()


def connect():
    for model in watched_models():
        uid = f"page_cache_{model._meta.label_lower}"
        post_save.connect(content_changed, sender=model, dispatch_uid=uid)
        post_delete.connect(content_changed, sender=model, dispatch_uid=uid)
        for field in model._meta.local_many_to_many:
            through = field.remote_field.through
            if not isinstance(through, str):
                m2m_changed.connect(
                    content_changed, sender=through, dispatch_uid=f"{uid}_{field.name}"
                )
    page_published.connect(content_changed, dispatch_uid="page_cache_published")
    page_unpublished.connect(content_changed, dispatch_uid="page_cache_unpublished")
    post_page_move.connect(content_changed, dispatch_uid="page_cache_moved")
    # A background task (search index update, a practice's PDF…) may run in another process
    # after the change's own bump: its end bumps again.
    task_finished.connect(task_finished_bump, dispatch_uid="page_cache_task_finished")
