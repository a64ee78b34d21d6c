"""Benchmark hooks for scripts/bench.py (issue 11, findability): the search page over the
5,000 missions that missions/bench.py seeds (and the demo), on the database backend (SQLite
unless BENCH_DATABASE_URL says otherwise): a word found everywhere, a word form, a rare word,
a type filter, a deep page, a query of odd characters, and the English page; and the JSON API:
a list of 100 missions (first page and last), cost lines, one mission by id, and a paginated
walk of the whole missions list (measurements())."""

import json
import time
from urllib.parse import urlencode

from django.core.management import call_command
from modelsearch.conf import get_app_config

SEARCH = {"es": "/es/buscar/", "en": "/en/search/"}
HOST = "127.0.0.1"
WALK_LIMIT = 500


def prepare(stdout=None):
    """Index what the other apps seeded (seeding writes rows in bulk, without signals)."""
    from missions.models import MissionPage

    entries = get_app_config().get_model("IndexEntry")._default_manager
    indexed = entries.filter(content_type__model="missionpage").count()
    if indexed < MissionPage.objects.count():
        call_command("update_index", verbosity=0, stdout=stdout)


def _url(language, **params):
    return f"{SEARCH[language]}?{urlencode(params)}"


def _missions_count():
    from missions.models import MissionIndexPage, MissionPage

    index = MissionIndexPage.objects.live().filter(locale__language_code="es").first()
    return MissionPage.objects.child_of(index).live().public().count() if index else 0


def bench_urls():
    last = max(0, _missions_count() - 100)
    return [
        ("search-es-everywhere", _url("es", q="cooperación")),
        ("search-es-word-form", _url("es", q="foros")),
        ("search-es-rare", _url("es", q="Tokio")),
        ("search-es-type", _url("es", q="reunión bilateral", type="missions.missionpage")),
        ("search-es-page-40", _url("es", q="cooperación", page=40)),
        ("search-es-odd", _url("es", q='"* : (')),
        ("search-en-word-form", _url("en", q="forums")),
        ("api-missions-100", "/api/v1/missions/?limit=100"),
        ("api-missions-100-last", f"/api/v1/missions/?limit=100&offset={last}"),
        ("api-cost-lines-100", "/api/v1/cost-lines/?limit=100&offset=2000"),
        ("api-missions-one", "/api/v1/missions/?limit=1"),
    ]


def measurements():
    """A client's walk of the whole missions list, page by page, in-process."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST=HOST)
    offset, rows, pages, queries = 0, 0, 0, []
    started = time.perf_counter()
    while True:
        with CaptureQueriesContext(connection) as captured:
            response = client.get("/api/v1/missions/", {"limit": WALK_LIMIT, "offset": offset})
        document = json.loads(response.content)
        queries.append(len(captured))
        rows += len(document["data"])
        pages += 1
        offset += WALK_LIMIT
        if offset >= document["metadata"]["count"]:
            break
    seconds = time.perf_counter() - started
    return [
        (
            "api walk of /api/v1/missions/",
            f"{rows} rows in {pages} pages of {WALK_LIMIT} in {seconds:.1f}s; "
            f"queries: {queries[0]} on the first page (it fills the caches), "
            f"{min(queries[1:] or queries)}–{max(queries[1:] or queries)} on each of the others",
        )
    ]
