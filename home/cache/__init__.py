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


def _path():
    configured = getattr(settings, "PAGE_CACHE_GENERATION_FILE", "")
    return Path(configured or Path(settings.VAR_DIR) / "page-cache-generation")


def _write_file():
    path = _path()
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".generation-")
    with os.fdopen(handle, "w") as out:
        out.write(str(_fresh()))
    os.replace(temporary, path)  # readers see the old number or the new one, never half


def _read_file():
    try:
        return int(_path().read_bytes())
    except FileNotFoundError:
        try:
            _write_file()
            return int(_path().read_bytes())
        except (OSError, ValueError):
            return None
    except (OSError, ValueError):
        return None


def generation():
    """The current content generation (an int), or None when it cannot be read."""
    if in_file():
        return _read_file()
    cache = _cache()
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, _fresh(), timeout=None)
        value = cache.get(GENERATION_KEY)
    return value


def generation_and(key):
    """(generation, the cache's value at ``key``): one round trip when both are in the cache."""
    if in_file():
        return _read_file(), _cache().get(key)
    found = _cache().get_many([GENERATION_KEY, key])
    current = found.get(GENERATION_KEY)
    if current is None:
        current = generation()
    return current, found.get(key)


def _increment():
    if in_file():
        try:
            _write_file()
        except OSError:
            logger.exception("page cache: the generation file %s cannot be replaced", _path())
        return
    cache = _cache()
    try:
        if cache.incr(GENERATION_KEY) is not None:
            return
    except ValueError:  # missing (never set, evicted or flushed)
        pass
    # Start again from the clock: later than any number handed out before.
    cache.set(GENERATION_KEY, _fresh(), timeout=None)


def bump():
    """Invalidate every cached response and generation-keyed fragment, in every process.

    Bumps now (so the rest of this transaction, and a test inside one, sees the change) and
    again when the current transaction commits (so a page rendered from the old rows between
    the first bump and the commit is not kept); then sends ``bumped`` (home/cache/warm.py
    queues the background warm-up of the most read addresses on it).
    """
    if getattr(_held, "depth", 0):
        _held.pending = True
        return
    _increment()
    connection = transaction.get_connection()
    if connection.in_atomic_block and not any(
        callback is _increment for _savepoints, callback, _robust in connection.run_on_commit
    ):
        transaction.on_commit(_increment, robust=True)
    bumped.send(sender=None)


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
