"""Synthetic missions for load tests and query-count tests: thousands of realistic records, fast.

Pages are real Wagtail pages in the tree (path, depth, url_path, live, search index), placed
with treebeard's path arithmetic instead of one ``add_child`` per page; their rows
(destinations, delegation, agenda, cost lines, results, follow-ups) are bulk-created in
batches. Per-save signal work is replaced by bulk work: the search index is filled in
batches once the rows exist, and Wagtail's reference index (the admin's "usage" counts) is
left to ``manage.py rebuild_references_index``. No revisions are stored: a seeded mission is
published as if loaded from a fixture, and an editor's first save creates its first revision.
"""

import contextlib
import random

from django.db import transaction
from django.db.models import F
from django.db.models.signals import post_save
from django.utils import timezone
from modelsearch.backends import get_search_backends
from modelsearch.signal_handlers import post_save_signal_handler
from wagtail.models import Page
from wagtail.signal_handlers import (
    connect_reference_index_signal_handlers_for_model,
    disconnect_reference_index_signal_handlers_for_model,
)

from home.cache import bump

from ..models import MissionIndexPage, MissionPage
from .builder import SLUG_PREFIX, Builder, report_document, save_rows, snippets
from .vocabulary import TEXT

BATCH = 250
__all__ = ["SLUG_PREFIX", "index_for", "seed", "seeded"]


def seeded(index):
    return MissionPage.objects.child_of(index).filter(slug__startswith=SLUG_PREFIX)


def index_for(language_code):
    return MissionIndexPage.objects.filter(locale__language_code=language_code).first()


@contextlib.contextmanager
def _bulk_signals():
    """Skip the per-save search and reference indexing of mission pages while seeding."""
    post_save.disconnect(post_save_signal_handler, sender=MissionPage)
    disconnect_reference_index_signal_handlers_for_model(MissionPage)
    try:
        yield
    finally:
        post_save.connect(post_save_signal_handler, sender=MissionPage)
        connect_reference_index_signal_handlers_for_model(MissionPage)


def _index_for_search(pages):
    pks = [page.pk for page in pages]
    objects = list(MissionPage.objects.filter(pk__in=pks).prefetch_related("destinations"))
    for backend in get_search_backends():
        backend.add_bulk(MissionPage, objects)


def seed(index, count, dry_run=False, random_seed=2026, today=None):
    """Ensure ``count`` seeded missions exist under ``index``; return how many were (or would
    be) created."""
    existing = seeded(index).count()
    missing = max(0, count - existing)
    if dry_run or not missing:
        return missing
    language = index.locale.language_code
    text = TEXT.get(language, TEXT["en"])
    rng = random.Random(f"{random_seed}-{language}-{existing}")
    today = today or timezone.localdate()
    with transaction.atomic(), _bulk_signals():
        builder = Builder(index, rng, text, snippets(index.locale, text), today)
        builder.report_document_id = report_document().pk
        last = index.get_last_child()
        step = MissionPage._str2int(last.path[-MissionPage.steplen :]) if last else 0
        built = []
        for number in range(existing + 1, existing + missing + 1):
            step += 1
            path = MissionPage._get_path(index.path, index.depth + 1, step)
            page = builder.page(number, path)
            page.save(clean=False)
            built.append((page, builder.rows(page)))
            if len(built) >= BATCH:
                save_rows(built)
                _index_for_search([page for page, _rows in built])
                built = []
        if built:
            save_rows(built)
            _index_for_search([page for page, _rows in built])
        Page.objects.filter(pk=index.pk).update(numchild=F("numchild") + missing)
        bump()  # the rows above were bulk-written: no signal told the page cache
    index.refresh_from_db()
    return missing
