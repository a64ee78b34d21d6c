"""The site's content generation: one number that changes whenever published content may have.

Every cached public response (home/cache/middleware.py) and every fragment cache keyed on the
publication stamp stores the generation it was made at, and is only reused while the
generation is unchanged. Anything that changes what a visitor can see calls ``bump()``: the
signal receivers in home/cache/signals.py do so for every save or delete of the project's
models and Wagtail's pages, images, documents, sites and locales, and code that writes with
``QuerySet.update()``/``bulk_create()`` (which send no signals) calls it itself.

The number lives in the configured cache (local memory, or Redis when REDIS_URL is set), so a
bump in one process or machine is seen by all the others on their next request. It never
expires; if it is evicted or the cache is flushed it starts again from the clock, so an old
number is never reused and no old entry can become valid again. When the cache cannot be
reached, ``generation()`` is None and nothing is cached.
"""

import time

from django.core.cache import caches
from django.db import transaction

GENERATION_KEY = "site:generation"


def _cache():
    from django.conf import settings

    return caches[getattr(settings, "PAGE_CACHE_ALIAS", "default")]


def _fresh():
    return time.time_ns()


def generation():
    """The current content generation (an int), or None when the cache is unavailable."""
    cache = _cache()
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, _fresh(), timeout=None)
        value = cache.get(GENERATION_KEY)
    return value


def _increment():
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
    the first bump and the commit is not kept).
    """
    _increment()
    connection = transaction.get_connection()
    if connection.in_atomic_block:
        transaction.on_commit(_increment, robust=True)
