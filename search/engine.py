"""Running one reader's search: every declared type, in the reader's language, on the engine
or, when the engine fails or is marked down, on the database.

``find`` does all of its work (counts, facets, the page of results) inside one call, so that an
engine failing half-way is answered from the database as a whole.
"""

import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from . import breaker
from .types import page_relations, page_types, types_by_key

logger = logging.getLogger(__name__)


def engine_configured():
    """True when ``default`` is a search engine with the database kept beside it."""
    return "database" in settings.WAGTAILSEARCH_BACKENDS


class Chain:
    """Several result sets read as one list, for the paginator: counted once each, sliced
    without fetching the parts before or after the slice."""

    def __init__(self, parts):
        """``parts``: result sets, or (result set, its count) when the count is known."""
        self.parts = [part if isinstance(part, tuple) else (part, part.count()) for part in parts]

    def count(self):
        return sum(count for _results, count in self.parts)

    def __len__(self):
        return self.count()

    def __getitem__(self, window):
        start, stop = window.start or 0, window.stop
        items = []
        for results, count in self.parts:
            if stop is not None and stop <= 0:
                break
            if start < count:
                items.extend(results[start : stop if stop is None else min(stop, count)])
            start = max(0, start - count)
            stop = None if stop is None else stop - count
        return items


@dataclass
class Found:
    page: object = None
    facets: list = field(default_factory=list)  # [(SearchType, count)]
    engine_down: bool = False


def _facets(backend, query, locale, record_results):
    """[(type, count)] for every declared type with results: pages by one facet query."""
    pages = Page.objects.live().public().filter(locale=locale)
    models = [search_type.model for search_type in page_types()]
    content_types = ContentType.objects.get_for_models(*models)
    by_content_type = {content_types[model].pk: model for model in models}
    pages = pages.filter(content_type__in=list(by_content_type))
    counts = backend.search(query, pages, operator="and").facet("content_type_id")
    facets = []
    for search_type in types_by_key().values():
        if search_type.is_page:
            pk = content_types[search_type.model].pk
            count = counts.get(pk) or counts.get(str(pk)) or 0
        else:
            count = record_results[search_type.key].count()
        if count:
            facets.append((search_type, count))
    return facets, pages


def _collect(backend, query, locale, selected, number, per_page, notices):
    from home.pagination import paginate

    records = {
        search_type.key: backend.search(query, search_type.queryset(locale), operator="and")
        for search_type in types_by_key().values()
        if not search_type.is_page
    }
    facets, pages = _facets(backend, query, locale, records)
    counted = {search_type.key: count for search_type, count in facets}
    if selected:
        search_type = types_by_key()[selected]
        results = records.get(selected) or backend.search(
            query, search_type.queryset(locale), operator="and"
        )
        listing = Chain([(results, counted.get(selected, 0))])
    else:
        # The pages are counted by the facet query already: their count is the sum of it.
        pages_count = sum(count for search_type, count in facets if search_type.is_page)
        # Each page with its specific fields, in the query that fetches the page of results.
        pages_found = backend.search(
            query, pages.select_related(*page_relations().values()), operator="and"
        )
        listing = Chain([(pages_found, pages_count), *records.values()])
    page = paginate(listing, number, per_page, notices)
    page.object_list = list(page.object_list)
    return Found(page=page, facets=facets)


def _backend(name):
    return get_search_backend(name)


def find(query, locale, selected, number, per_page, notices):
    """Found results for ``query``; on the engine unless it fails or is marked down."""
    if engine_configured() and not breaker.is_open():
        attempt_notices = []
        try:
            found = _collect(
                _backend("default"), query, locale, selected, number, per_page, attempt_notices
            )
        except Exception as error:  # refused, timed out, or refused the query
            logger.warning("Search engine failed, answering from the database: %r", error)
            breaker.trip()
        else:
            notices.extend(attempt_notices)
            return found
    found = _collect(
        _backend("database" if engine_configured() else "default"),
        query,
        locale,
        selected,
        number,
        per_page,
        notices,
    )
    found.engine_down = engine_configured()
    return found


def empty_page(per_page):
    return Paginator([], per_page).page(1)
