"""Health endpoints for load balancers and orchestrators, never cached.

- ``/healthz``: the process answers (no database, no cache: a liveness probe).
- ``/readyz``: the database answers a query (else 503, take this instance out of rotation);
  the cache and the search engine are reported, not required: without them the site still
  serves, uncached, and search falls back to the database.
"""

import time

from django.conf import settings
from django.core.cache import cache
from django.db import connections
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

CHECK_KEY = "operations:readyz"


def _timed(check):
    started = time.monotonic()
    try:
        detail = check()
        status = "ok"
    except Exception as error:  # any failure is a status to report, not an error page
        detail = type(error).__name__
        status = "unavailable"
    result = {"status": status, "ms": round((time.monotonic() - started) * 1000, 1)}
    if detail:
        result["detail"] = detail
    return result


def _database():
    with connections["default"].cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return connections["default"].vendor


def _cache():
    backend = settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1]
    token = str(time.monotonic())
    # django-redis ignores a Redis outage (settings: IGNORE_EXCEPTIONS): a lost value is
    # what tells it here.
    cache.set(CHECK_KEY, token, 10)
    if cache.get(CHECK_KEY) != token:
        raise ConnectionError("cache did not keep a value")
    return backend


def _search():
    config = settings.WAGTAILSEARCH_BACKENDS["default"]
    if "URLS" not in config:
        return "database"
    from wagtail.search.backends import get_search_backend

    backend = get_search_backend("default")
    if not backend.es.ping(request_timeout=1):
        raise ConnectionError("search engine did not answer")
    return "opensearch"


@never_cache
def healthz(request):
    return JsonResponse({"status": "ok"})


@never_cache
def readyz(request):
    checks = {"database": _timed(_database), "cache": _timed(_cache), "search": _timed(_search)}
    ready = checks["database"]["status"] == "ok"
    return JsonResponse(
        {"status": "ok" if ready else "unavailable", "checks": checks}, status=200 if ready else 503
    )
