"""A circuit breaker for the search engine, shared by every worker through the cache.

After the engine fails (refused connection, timeout, error), it is marked down for
``SEARCH_BREAKER_SECONDS`` (default 30): searches answer from the database at once and indexing
is skipped, so a dead or hung engine holds no worker. Then the next search tries it again.
"""

from django.conf import settings
from django.core.cache import cache

KEY = "search:engine-down"


def seconds():
    return getattr(settings, "SEARCH_BREAKER_SECONDS", 30)


def is_open():
    return bool(cache.get(KEY))


def trip():
    cache.set(KEY, True, seconds())


def reset():
    cache.delete(KEY)
