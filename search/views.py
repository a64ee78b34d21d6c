"""One search page over every declared type (search/types.py), in the reader's language.

Whatever the reader typed, the page answers 200: the query is reduced to its words
(search/text.py), and when the search engine does not answer the database does, with a notice.
"""

import logging
from contextlib import nullcontext

from django.db import DatabaseError, transaction
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from wagtail.models import Locale

from home.pagination import shorten
from home.params import QueryParams

from .backends.languages import reader_language
from .engine import empty_page, find
from .results import present
from .text import MAX_QUERY_LENGTH, clean_query
from .types import types_by_key

logger = logging.getLogger(__name__)

PER_PAGE = 10


def _guarded():
    """Inside a transaction (ATOMIC_REQUESTS, a test), a savepoint, so that a failed query
    is rolled back to it (PostgreSQL refuses every later query of a failed transaction); in
    autocommit, as requests run here, nothing to guard (and no BEGIN/COMMIT per search)."""
    if transaction.get_connection().in_atomic_block:
        return transaction.atomic()
    return nullcontext()


def search(request):
    notices = []
    raw = request.GET.get("q", "")
    query, shortened = clean_query(raw)
    if shortened:
        notices.append(
            _("The search text was too long and has been shortened to %(n)s characters.")
            % {"n": MAX_QUERY_LENGTH}
        )
    elif raw.strip() and not query:
        notices.append(
            _("“%(q)s” has no letters or digits to search for.") % {"q": shorten(raw.strip())}
        )

    types = types_by_key()
    params = QueryParams(request.GET)
    selected = params.choice("type", list(types))
    notices.extend(params.notices({"type": _("Content type")}))

    locale = Locale.get_active()
    page, facets, engine_down = empty_page(PER_PAGE), [], False
    degraded = False
    if query:
        try:
            with _guarded():
                found = find(query, locale, selected, request.GET.get("page"), PER_PAGE, notices)
            page, facets, engine_down = found.page, found.facets, found.engine_down
        except DatabaseError:
            logger.exception("Database search failed for %r", query)
            notices.append(_("This search could not be run. Please try other words."))
            degraded = True
    results = present(page.object_list, query, reader_language(), request, locale)
    response = render(
        request,
        "search/search.html",
        {
            "search_query": query,
            "results": results,
            "page_obj": page,
            "paginator": page.paginator,
            "types": list(types.values()),
            "facets": facets,
            "selected_type": selected,
            "notices": notices,
            "engine_down": engine_down,
        },
    )
    if engine_down or degraded:
        # A stand-in answer: neither the page cache nor a browser may keep it, or the notice
        # and the database's results would outlive the engine's return.
        add_never_cache_headers(response)
    return response
