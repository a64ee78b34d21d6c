"""The search and reference indexes of imported missions: one pass after the commit.

Saving a draft page sends ``post_save`` twice (when it is added to the tree and when its
revision is recorded) and each one queues a search-index update of the page; Wagtail queues a
reference-index update per page and per row. For an import of many missions that per-save work
was the larger part of the time (scripts/bench_import.py). Inside ``deferred()`` the current
thread's saves of mission pages only note their ids; once the transaction commits, one task
(``index_missions``) indexes them all, in batches. If the transaction rolls back, nothing is
queued: there is nothing to index.
"""

import threading
from contextlib import contextmanager

from asgiref.local import Local
from django.db import transaction
from django.db.models.signals import post_save
from django_tasks import task

BATCH = 200
_pending = Local()
_swap = threading.Lock()
_swapped = False


def _index_unless_deferred(sender, instance, **kwargs):
    from modelsearch.signal_handlers import post_save_signal_handler

    noted = getattr(_pending, "ids", None)
    if noted is not None and not kwargs.get("raw", False):
        noted.add(instance.pk)
        return
    post_save_signal_handler(instance=instance, sender=sender, **kwargs)


def _take_over_search_signal():
    """Route modelsearch's per-save handler for mission pages through ``_index_unless_deferred``
    (once per process; the new receiver is connected before the old one is removed, so no save
    goes unindexed in between)."""
    global _swapped
    from modelsearch.signal_handlers import post_save_signal_handler

    from missions.models import MissionPage

    with _swap:
        if _swapped:
            return
        post_save.connect(
            _index_unless_deferred, sender=MissionPage, dispatch_uid="editors_import_search"
        )
        if not post_save.disconnect(post_save_signal_handler, sender=MissionPage):
            # Search auto-update is off for mission pages: keep it off.
            post_save.disconnect(sender=MissionPage, dispatch_uid="editors_import_search")
        _swapped = True


@contextmanager
def deferred():
    """Collect the ids of mission pages saved in this thread; index them after the commit.

    Must be used inside the transaction that saves them (``transaction.on_commit``)."""
    from wagtail.signal_handlers import disable_reference_index_auto_update

    _take_over_search_signal()
    ids = set()
    _pending.ids = ids
    try:
        with disable_reference_index_auto_update():
            yield ids
    finally:
        del _pending.ids
    if ids:
        pks = sorted(ids)
        transaction.on_commit(lambda: index_missions.enqueue(pks))


@task()
def index_missions(pks):
    """Update the search index (in batches) and the reference index of these mission pages."""
    from modelsearch.backends import get_search_backends
    from wagtail.models import ReferenceIndex

    from missions.models import MissionPage

    for start in range(0, len(pks), BATCH):
        pages = list(
            MissionPage.get_indexed_objects()
            .filter(pk__in=pks[start : start + BATCH])
            .prefetch_related("destinations")
        )
        for backend in get_search_backends(with_auto_update=True):
            backend.add_bulk(MissionPage, pages)
        for page in pages:
            ReferenceIndex.create_or_update_for_object(page)
