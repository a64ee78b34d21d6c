"""Benchmark hooks for scripts/bench.py: the search page over the 5,000 missions that
missions/bench.py seeds (and the demo), on the database backend (SQLite unless
BENCH_DATABASE_URL says otherwise): a word found everywhere, a word form, a rare word, a type
filter, a deep page, a query of odd characters, and the English page."""

from urllib.parse import urlencode

from django.core.management import call_command
from modelsearch.conf import get_app_config

SEARCH = {"es": "/es/buscar/", "en": "/en/search/"}


def prepare(stdout=None):
    """Index what the other apps seeded (seeding writes rows in bulk, without signals)."""
    from missions.models import MissionPage

    entries = get_app_config().get_model("IndexEntry")._default_manager
    indexed = entries.filter(content_type__model="missionpage").count()
    if indexed < MissionPage.objects.count():
        call_command("update_index", verbosity=0, stdout=stdout)


def _url(language, **params):
    return f"{SEARCH[language]}?{urlencode(params)}"


def bench_urls():
    return [
        ("search-es-everywhere", _url("es", q="cooperación")),
        ("search-es-word-form", _url("es", q="foros")),
        ("search-es-rare", _url("es", q="Tokio")),
        ("search-es-type", _url("es", q="reunión bilateral", type="missions.missionpage")),
        ("search-es-page-40", _url("es", q="cooperación", page=40)),
        ("search-es-odd", _url("es", q='"* : (')),
        ("search-en-word-form", _url("en", q="forums")),
    ]
