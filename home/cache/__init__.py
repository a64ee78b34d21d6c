"""The site's content generation: one number that changes whenever published content may have.

Every cached public response (home/cache/middleware.py) and every fragment cache keyed on the
publication stamp stores the generation it was made at, and is only reused while the
generation is unchanged. Anything that changes what a visitor can see calls ``bump()``: the
signal receivers in home/cache/signals.py do so for every save or delete of the project's
models and Wagtail's pages, images, documents, sites and locales, and code that writes with
``QuerySet.update()``/``bulk_create()`` (which send no signals) calls it itself.

Where the number lives (PAGE_CACHE_GENERATION):

- ``"cache"`` (the default with a shared cache such as Redis): in the cache itself, so a bump in
  one process or machine is seen by all the others on their next request. It never expires; if
  it is evicted or the cache is flushed it starts again from the clock, so an old number is
  never reused and no old entry can become valid again.
- ``"file"`` (the default with the local-memory cache, which each process has to itself): in a
  small file (PAGE_CACHE_GENERATION_FILE, under the var directory), replaced atomically on each
  bump, so every process on the machine sees a bump at once.

When the number cannot be read, ``generation()`` is None and nothing is cached.

A second number, the rows generation (``rows_generation()``), keys the open-data rows kept per
page (home/opendata/chunks.py). It lives beside the first (``site:rows-generation``, or the
file with ``.rows`` added) and changes with every bump except those that cannot change a kept
row: an editor's publication of a row-stamped page (its new stamp keys its own row instead), a new draft, the end of a background task, a change of records no row reads (a
standard's measurements, a partner). See the comment above ``STAMP_FIELDS`` below.
"""

import contextlib
import logging
import os
import tempfile
import time
from pathlib import Path

from asgiref.local import Local
from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.dispatch import Signal

GENERATION_KEY = "site:generation"
ROWS_KEY = "site:rows-generation"
# Sent by every bump(), once the generation has changed.
bumped = Signal()
logger = logging.getLogger(__name__)
_held = Local()  # per thread (and per async task), like Wagtail's reference-index switch


def _cache():
    return caches[getattr(settings, "PAGE_CACHE_ALIAS", "default")]


def _fresh():
    return time.time_ns()


def in_file():
    """True when the generation is kept in a file (see the module's docstring)."""
    mode = getattr(settings, "PAGE_CACHE_GENERATION", "")
    if not mode:
        backend = settings.CACHES[getattr(settings, "PAGE_CACHE_ALIAS", "default")]["BACKEND"]
        mode = "file" if backend.endswith("LocMemCache") else "cache"
    return mode == "file"


class _Number:
    """One counter, kept as the module's docstring says: ``key`` in the cache, or a file
    (PAGE_CACHE_GENERATION_FILE with ``suffix`` added)."""

    def __init__(self, key, suffix=""):
        self.key, self.suffix = key, suffix

    def path(self):
        configured = getattr(settings, "PAGE_CACHE_GENERATION_FILE", "")
        path = Path(configured or Path(settings.VAR_DIR) / "page-cache-generation")
        return path.with_name(path.name + self.suffix) if self.suffix else path

    def _write_file(self):
        path = self.path()
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".generation-")
        with os.fdopen(handle, "w") as out:
            out.write(str(_fresh()))
        os.replace(temporary, path)  # readers see the old number or the new one, never half

    def _read_file(self):
        try:
            return int(self.path().read_bytes())
        except FileNotFoundError:
            try:
                self._write_file()
                return int(self.path().read_bytes())
            except (OSError, ValueError):
                return None
        except (OSError, ValueError):
            return None

    def read(self):
        """The current number (an int), or None when it cannot be read."""
        if in_file():
            return self._read_file()
        cache = _cache()
        value = cache.get(self.key)
        if value is None:
            cache.add(self.key, _fresh(), timeout=None)
            value = cache.get(self.key)
        return value

    def increment(self):
        if in_file():
            try:
                self._write_file()
            except OSError:
                logger.exception(
                    "page cache: the generation file %s cannot be replaced", self.path()
                )
            return
        cache = _cache()
        try:
            if cache.incr(self.key) is not None:
                return
        except ValueError:  # missing (never set, evicted or flushed)
            pass
        # Start again from the clock: later than any number handed out before.
        cache.set(self.key, _fresh(), timeout=None)


CONTENT = _Number(GENERATION_KEY)
ROWS = _Number(ROWS_KEY, ".rows")


def generation():
    """The current content generation (an int), or None when it cannot be read."""
    return CONTENT.read()


def generation_and(key):
    """(generation, the cache's value at ``key``): one round trip when both are in the cache."""
    if in_file():
        return CONTENT.read(), _cache().get(key)
    found = _cache().get_many([GENERATION_KEY, key])
    current = found.get(GENERATION_KEY)
    if current is None:
        current = generation()
    return current, found.get(key)


def _increment():
    CONTENT.increment()
    ROWS.increment()


def _increment_content():
    CONTENT.increment()


def _on_commit(callback):
    """``callback`` once when the current transaction commits (True), or False outside one."""
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        return False
    if not any(scheduled is callback for _s, scheduled, _r in connection.run_on_commit):
        transaction.on_commit(callback, robust=True)
    return True


def bump(rows=True):
    """Invalidate every cached response and generation-keyed fragment, in every process.

    Bumps now (so the rest of this transaction, and a test inside one, sees the change) and
    again when the current transaction commits (so a page rendered from the old rows between
    the first bump and the commit is not kept); then sends ``bumped`` (home/cache/warm.py
    queues the background warm-up of the most read addresses on it). ``rows=False`` leaves
    the rows generation alone (see ``page_changed``).
    """
    if getattr(_held, "depth", 0):
        _held.pending = True
        return
    # The transaction's settle (see STAMP_FIELDS) runs first when it commits: before the final
    # increments and the warm-up (home/cache/warm.py), so nothing made in between is kept.
    _recording()
    if rows:
        _increment()
        _on_commit(_increment)
    else:
        _increment_content()
        _on_commit(_increment_content)
    bumped.send(sender=None)


# The rows generation: what a file's kept rows (home/opendata/chunks.py) depend on besides
# each row's own page. Every bump() changes it too, except the saves of a row-stamped page's
# own content (the page, its inline rows and their own inline rows, its many-to-many links) in
# a transaction that changes the page's stamp (which keys its row): a publication. Which of the
# two a transaction is can only be told once it ends (Wagtail commits a page's save before it
# sends page_published), so each such save records its page's stamp as it was before the
# transaction's first save of it, and the transaction's end settles: the rows generation
# changes unless every page changed in it that is live has a new stamp.
#
# A page's stamp: its live revision and publication time. Every publication changes the time
# (the same revision published again too); the revision changes when it is purged, which
# changes no time, so it is in the stamp as well.
STAMP_FIELDS = ("live_revision_id", "last_published_at")


def _stamp(pk):
    from wagtail.models import Page

    return Page.objects.filter(pk=pk).values_list(*STAMP_FIELDS).first()


class _Settle:
    """A transaction's pages and their stamps before it (``before``), settled when it commits
    (registered with on_commit, so it goes with its transaction: dropped on a rollback)."""

    def __init__(self):
        self.before = {}

    def changed(self):
        """True when a page changed is live with the stamp it had before (a page that is not
        live is in no file; one just withdrawn from the site left its chunk by its stamps).
        Forgets the pages: a later save in the same transaction is recorded again."""
        from wagtail.models import Page

        before, self.before = self.before, {}
        if not before:
            return False
        pages = Page.objects.filter(pk__in=before, live=True).values_list("pk", *STAMP_FIELDS)
        return any(before[pk] == tuple(stamp) for pk, *stamp in pages)

    def __call__(self):
        try:
            changed = self.changed()
        except Exception:  # the pages cannot be read: count it as a change
            logger.exception("page cache: a transaction's saves could not be settled")
            changed = True
        if changed:
            ROWS.increment()


def _settling(connection):
    """The current transaction's _Settle, or None."""
    for _s, callback, _r in connection.run_on_commit:
        if isinstance(callback, _Settle):
            return callback
    return None


def _recording():
    """This transaction's pages and their stamps before it, or None outside a transaction."""
    connection = transaction.get_connection()
    if getattr(_held, "depth", 0) or not connection.in_atomic_block:
        return None
    settle = _settling(connection)
    if settle is None:
        settle = _Settle()
        transaction.on_commit(settle, robust=True)
    return settle.before


def page_saving(pk):
    """The row-stamped page ``pk`` is about to be saved (its stamp is read before it changes)."""
    before = _recording()
    if before is not None and pk not in before:
        before[pk] = _stamp(pk)


def page_changed(pk):
    """A save of the own content of the row-stamped page ``pk`` (home/cache/signals.py)."""
    before = _recording()
    if before is None:
        bump()
        return
    if pk not in before:
        before[pk] = _stamp(pk)  # an inline row saved: its page's stamp is still the old one
    bump(rows=False)


def rows_generation():
    """The current rows generation, or None when it cannot be read.

    The saves of the current transaction, if it has any not settled yet (as a test's, which
    never commits), are settled first: a bump now and again at the commit, as ``bump()`` does,
    unless they published their pages."""
    connection = transaction.get_connection()
    settle = _settling(connection) if connection.in_atomic_block else None
    if settle is not None and settle.before and settle.changed():
        ROWS.increment()
        _on_commit(_increment)
    return ROWS.read()


@contextlib.contextmanager
def held():
    """Bump once, at the end, for all the saves made inside (bulk work such as an import).

    Every save inside still counts: if any of them bumped, ``bump()`` runs once on leaving
    (also when leaving on an error), and so again when the transaction commits. Per thread.
    """
    depth = getattr(_held, "depth", 0)
    _held.depth = depth + 1
    try:
        yield
    finally:
        _held.depth = depth
        if not depth and getattr(_held, "pending", False):
            _held.pending = False
            bump()
