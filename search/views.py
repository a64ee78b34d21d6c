"""One search page over every declared type (search/types.py), in the reader's language.

Whatever the reader typed, the page answers 200: the query is reduced to its words
(search/text.py), and when the search engine does not answer the database does, with a notice.
"""

import logging
from contextlib import nullcontext

from django.core.cache import cache
from django.core.cache.utils import make_template_fragment_key
from django.db import DatabaseError, transaction
from django.shortcuts import render
from django.template.loader import get_template
from django.utils.cache import add_never_cache_headers
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from home.cache.fragments import SECONDS, content_key
from home.pages import active_locale
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

    locale = active_locale()  # Wagtail's Locale.get_active(), without a query
    context = {
        "search_query": query,
        "types": list(types.values()),
        "selected_type": selected,
        "notices": notices,
    }
    # The answer (notices, form, facets, results and pagination) is rendered once per content
    # generation, language and query string (its links keep the whole of it), and kept unless
    # it is a stand-in from the database while the engine is down (home/cache/fragments.py).
    key = content_key(sorted(request.GET.lists()))
    kept_as = key and make_template_fragment_key("search-answer", [key])
    answer = cache.get(kept_as) if kept_as else None
    stand_in = False
    if answer is None:
        stand_in = _answer(context, query, locale, selected, request)
        answer = get_template("search/answer.html").render(context, request)
        if kept_as and not stand_in:
            cache.set(kept_as, answer, SECONDS)
    response = render(
        request, "search/search.html", {"search_query": query, "answer": mark_safe(answer)}
    )
    if stand_in:
        # A stand-in answer: neither the page cache nor a browser may keep it, or the notice
        # and the database's results would outlive the engine's return.
        add_never_cache_headers(response)
    return response


def _answer(context, query, locale, selected, request):
    """Fill ``context`` with the search's facets and page of results; True when the answer is
    a stand-in (the database's, while the engine is down, or none after a failure)."""
    notices = context["notices"]
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
    context.update(
        {
            "results": present(page.object_list, query, reader_language(), request, locale),
            "page_obj": page,
            "paginator": page.paginator,
            "facets": facets,
            "engine_down": engine_down,
        }
    )
    return engine_down or degraded
