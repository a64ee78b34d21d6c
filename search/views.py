"""One search page over every page type, in the reader's language.

The page types offered as filters come from Wagtail's page registry, so a new page type appears
here without touching this view. When the configured search engine does not answer, the page
says so and answers from the database backend instead.
"""

import logging

from django.conf import settings
from django.shortcuts import render
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page, get_page_models
from wagtail.search.backends import get_search_backend

from home.pagination import paginate

logger = logging.getLogger(__name__)

MAX_QUERY_LENGTH = 200
PER_PAGE = 10


def searchable_page_types():
    """{"app_label.model": model} for every page type visitors can find (the home page excluded)."""
    types = {}
    for model in get_page_models():
        if model is Page or model._meta.label_lower == "home.homepage":
            continue
        types[model._meta.label_lower] = model
    return types


def _run_search(queryset, query, backend_name="default"):
    backend = get_search_backend(backend_name)
    # Materialise so that an unreachable engine fails here, not in the template.
    return list(backend.search(query, queryset, operator="and"))


def search(request):
    notices = []
    query = request.GET.get("q", "").strip()
    if len(query) > MAX_QUERY_LENGTH:
        notices.append(
            _("The search text was too long and has been shortened to %(n)s characters.")
            % {"n": MAX_QUERY_LENGTH}
        )
        query = query[:MAX_QUERY_LENGTH]
    if "\x00" in query:
        query = query.replace("\x00", "")

    types = searchable_page_types()
    selected_type = request.GET.get("type", "")
    if selected_type and selected_type not in types:
        notices.append(
            _("The content type “%(type)s” does not exist; showing every type.")
            % {"type": selected_type[:50]}
        )
        selected_type = ""

    locale = Locale.get_active()
    results = []
    engine_down = False
    if query:
        model = types.get(selected_type, Page)
        queryset = model.objects.live().public().filter(locale=locale)
        if model is Page:
            queryset = queryset.exclude(depth__lte=2)
        try:
            results = _run_search(queryset, query)
        except Exception:
            if "database" not in settings.WAGTAILSEARCH_BACKENDS:
                raise
            # The engine is down or refused the query: answer from the database instead.
            logger.exception("Search engine failed; answering from the database backend")
            engine_down = True
            results = _run_search(queryset, query, "database")

    page_obj = paginate(results, request.GET.get("page"), PER_PAGE, notices)

    specific = [result.specific for result in page_obj.object_list]
    return render(
        request,
        "search/search.html",
        {
            "search_query": query,
            "results": specific,
            "page_obj": page_obj,
            "paginator": page_obj.paginator,
            "types": [(key, model._meta.verbose_name_plural) for key, model in types.items()],
            "selected_type": selected_type,
            "notices": notices,
            "engine_down": engine_down,
        },
    )
