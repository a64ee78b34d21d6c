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

Each change also says whether it may change an open-data row kept per page (the rows
generation, home/cache/__init__.py): a save of a row-stamped page's own content (``owner()``)
is settled when its transaction ends (a publication gives the page a new stamp); a change of a
page, of Wagtail's models above or of a model the stamped rows read (``rows_read`` on the page
model) changes it; a new draft, a task's end and the other records do not.
"""

import sys
import sysconfig
from functools import cache
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save
from django_tasks.signals import task_finished
from modelcluster.fields import ParentalKey
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import bump
from . import page_changed as _page_changed
from . import page_saving as _page_saving

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


def stamped(model):
    """True for a page model whose open-data rows are kept per page, keyed by its publication
    (``rows_stamped = True`` on the model; home/opendata/chunks.py)."""
    return getattr(model, "rows_stamped", False)


@cache
def _parental_keys(model):
    return [field for field in model._meta.concrete_fields if isinstance(field, ParentalKey)]


def owner(instance, depth=0):
    """The pk of the row-stamped page whose own content ``instance`` is (the page itself, an
    inline row of it, an inline row of one of those), or None."""
    if stamped(type(instance)):
        return instance.pk
    for field in _parental_keys(type(instance)):
        if stamped(field.related_model):
            return getattr(instance, field.attname)
        if depth < 1 and _parental_keys(field.related_model):
            parent = getattr(instance, field.name, None)  # set on an inline row being saved
            return None if parent is None else owner(parent, depth + 1)
    return None


# A page's fields that only its editors see (a new draft, a lock): saving only these changes
# no row of an open-data file.
DRAFT_FIELDS = {
    "wagtail_admin_comments",
    "latest_revision_created_at",
    "draft_title",
    "latest_revision",
    "has_unpublished_changes",
    "locked",
    "locked_at",
    "locked_by",
}


@cache
def _rows_read():
    """The models whose changes change the rows generation: every page model, Wagtail's and
    taggit's models above, and those a row-stamped model says its rows read."""
    found = {apps.get_model(label) for label in OTHER_MODELS}
    for model in apps.get_models():
        if stamped(model):
            found.update(apps.get_model(label) for label in model.rows_read)
    return found


def _inline_of_stamped(model, depth=0):
    return any(
        stamped(field.related_model)
        or (depth < 1 and _inline_of_stamped(field.related_model, depth + 1))
        for field in _parental_keys(model)
    )


def reads_rows(model):
    """True when a change of ``model`` (not known to be a page's own content) may change a kept
    row: a page, an inline row of a row-stamped page, or one of the models it reads."""
    return issubclass(model, Page) or _inline_of_stamped(model) or model in _rows_read()


def content_changed(sender=None, instance=None, update_fields=None, **kwargs):
    if kwargs.get("raw"):  # fixtures being loaded: the loader bumps once at its end
        return
    if kwargs.get("action", "post_").startswith("pre_"):  # m2m_changed: only after the change
        return
    # A reverse many-to-many change (from the objective's side) touches many pages.
    page = None if instance is None or kwargs.get("reverse") else owner(instance)
    if page is None:
        # A change of other records (a standard's measurements, a partner) leaves the rows.
        bump(rows=instance is None or reads_rows(type(instance)) or kwargs.get("reverse", False))
    elif _draft_only(update_fields):
        bump(rows=False)
    else:
        _page_changed(page)


def _draft_only(update_fields):
    return bool(update_fields) and set(update_fields) <= DRAFT_FIELDS


def saving(sender=None, instance=None, update_fields=None, raw=False, **kwargs):
    if instance.pk is not None and not raw and not _draft_only(update_fields):
        _page_saving(instance.pk)


def published(sender=None, instance=None, **kwargs):
    # A row-stamped page's publication was settled when its save committed (a new stamp).
    bump(rows=not (instance is not None and stamped(type(instance))))


def task_finished_bump(sender=None, task_result=None, **kwargs):
    # The warm-up only renders what the current generation shows: bumping at its end would
    # drop what it made and queue another.
    if task_result is not None and task_result.task.module_path == WARM_TASK:
        return
    # What a task writes to the database sends its own signals: its end changes no row.
    bump(rows=False)


def connect():
    for model in watched_models():
        uid = f"page_cache_{model._meta.label_lower}"
        post_save.connect(content_changed, sender=model, dispatch_uid=uid)
        post_delete.connect(content_changed, sender=model, dispatch_uid=uid)
        if stamped(model):
            pre_save.connect(saving, sender=model, dispatch_uid=uid)
        for field in model._meta.local_many_to_many:
            through = field.remote_field.through
            if not isinstance(through, str):
                m2m_changed.connect(
                    content_changed, sender=through, dispatch_uid=f"{uid}_{field.name}"
                )
    page_published.connect(published, dispatch_uid="page_cache_published")
    page_unpublished.connect(content_changed, dispatch_uid="page_cache_unpublished")
    post_page_move.connect(content_changed, dispatch_uid="page_cache_moved")
    # A background task (search index update, a practice's PDF…) may run in another process
    # after the change's own bump: its end bumps again.
    task_finished.connect(task_finished_bump, dispatch_uid="page_cache_task_finished")
