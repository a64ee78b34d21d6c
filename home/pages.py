"""What many parts of one request look up: read once per request.

The home page's figures, its latest missions and the links between sections each need "the
missions index in this language" (or the practices', the standards'…), and every
``public()`` page list needs the site's restricted pages. The top of the page tree
(``top_pages``: the language homes, the sections under them, the index pages and the
restricted pages) is read in one query and answers the routing to the first level, the menus,
the index pages and the restrictions. ``index_page`` and
``view_restrictions`` read them once per request and hand the same result to every caller.
The memo lives only while Django serves a request (from ``request_started`` to
``request_finished``, per thread), so a change made between two requests is seen by the next
one, and code outside a request (a command, a test calling a function directly) always reads
the database. A view restriction saved or deleted during a request empties the memo.

What every page reads and only an editor's change alters (``per_request(..., shared=True)``:
the view restrictions, the index pages, the menu, a page's translations, the site settings)
is also kept from one request to the next for as long as the content generation is unchanged
(home/cache/shared.py): exact, as every change bumps the generation.
"""

import threading

from django.core.signals import request_finished, request_started
from django.db.models.signals import post_delete, post_save

from .cache.shared import across_requests

_state = threading.local()


def _start(**kwargs):
    _state.memo = {}


def _finish(**kwargs):
    _state.memo = None


def _forget_restrictions(**kwargs):
    memo = getattr(_state, "memo", None)
    if memo is not None:
        memo.pop("view_restrictions", None)
        memo.pop("top_pages", None)


request_started.connect(_start, dispatch_uid="home_pages_memo_start")
request_finished.connect(_finish, dispatch_uid="home_pages_memo_finish")


def in_request():
    """Whether Django is serving a request in this thread (what ``per_request`` keeps)."""
    return getattr(_state, "memo", None) is not None


def per_request(key, compute, shared=False):
    """``compute()``, once per request for ``key`` (every time outside a request).

    ``shared``: also kept from one request to the next while the content is unchanged
    (home/cache/shared.py), for what every page reads and only an editor's change alters.
    """
    memo = getattr(_state, "memo", None)
    if memo is None:
        return compute()
    if key not in memo:
        memo[key] = across_requests(key, compute) if shared else compute()
    return memo[key]


# The tree's root (1), each language's home page (2) and the sections under it (3): what the
# layout reads on every page (the route to the page, the menu, the language's home).
TOP_DEPTH = 3

# The page types asked for through ``index_page`` in this process: their live pages (a handful,
# however much content there is) are read with the top of the tree from then on.
_index_types = set()


def top_pages():
    """The pages of the top of the tree (depth <= TOP_DEPTH) and every live page of a type asked
    for through ``index_page``, with their locales, in tree order: one query per content
    generation for the routing to the first level, the menu of every language, the language
    homes and the index pages (read-only: shared by every request)."""
    return _top()["pages"]


def _top():
    from django.db.models import Count, Exists, Max, Min, OuterRef, Q, Subquery
    from wagtail.models import Page, PageViewRestriction
    from wagtail_localize.models import Translation, TranslationSource

    def read():
        types = frozenset(_index_types)
        restrictions = PageViewRestriction.objects.filter(page_id=OuterRef("pk"))
        # The top of the tree with every translation of its pages, wherever it sits: a top
        # page's translations (the language switcher's) are among them.
        tops = Page.objects.filter(depth__lte=TOP_DEPTH).values("translation_key")
        wanted = Q(translation_key__in=tops) | Q(
            pk__in=PageViewRestriction.objects.values("page_id")
        )
        if types:
            wanted |= Q(content_type_id__in=sorted(types), live=True)
        # When wagtail-localize last extracted each page's content, and the languages it was
        # brought into (up to two, as their lowest and highest ids): what ``top_translations``
        # needs for the notice that a translation lags behind.
        source = TranslationSource.objects.filter(
            object_id=OuterRef("translation_key"), locale_id=OuterRef("locale_id")
        )
        targets = (
            Translation.objects.filter(
                source__object_id=OuterRef("translation_key"),
                source__locale_id=OuterRef("locale_id"),
            )
            .order_by()
            .values("source_id")
        )
        pages = (
            Page.objects.filter(wanted)
            .annotate(
                restricted=Exists(restrictions),
                synced_at=Subquery(source.values("last_updated_at")[:1]),
                synced_targets=Subquery(targets.annotate(n=Count("pk")).values("n")[:1]),
                synced_lowest=Subquery(
                    targets.annotate(lowest=Min("target_locale_id")).values("lowest")[:1]
                ),
                synced_highest=Subquery(
                    targets.annotate(highest=Max("target_locale_id")).values("highest")[:1]
                ),
            )
            .select_related("locale")
            .order_by("path")
        )
        return {"pages": list(pages), "types": types}

    return per_request("top_pages", read, shared=True)


def top_translations(page):
    """The live translations of ``page`` (itself included), with their locales, in tree order,
    each with ``synced_into_page`` as home.i18n.live_translations gives it, from the top pages
    (no query of their own); None when they may not all be among them: ``page`` is neither
    a translation of a top page nor of an index type, or it is brought into more than two
    languages, or this is not a request. Copies: the top pages are shared by every request."""
    import copy

    if not in_request():
        return None
    top = _top()
    rows = [row for row in top["pages"] if row.translation_key == page.translation_key]
    if page.content_type_id not in top["types"] and not any(row.depth <= TOP_DEPTH for row in rows):
        return None
    translations = []
    for row in rows:
        if not row.live:
            continue
        if (row.synced_targets or 0) > 2:
            return None
        translation = copy.copy(row)
        into_page = page.locale_id in (row.synced_lowest, row.synced_highest)
        translation.synced_into_page = row.synced_at if into_page else None
        translations.append(translation)
    return translations


def public_index_page(model, locale):
    """The first live, public ``model`` page in ``locale`` (a Locale or its id), or None: the
    one ``index_page`` finds (no query of its own once the type is among the top pages), read
    again with Wagtail's "public pages" rule only when it is under a view restriction."""
    first = index_page(model, locale)
    if first is None or not any(first.path.startswith(page.path) for page in restricted_pages()):
        return first
    public = model.objects.live().public().filter(locale_id=getattr(locale, "pk", locale))
    return public.select_related("locale").order_by("path").first()


def restricted_pages():
    """The pages that have a view restriction (each once, in tree order), from ``top_pages``:
    the sections Wagtail's "public pages" rule leaves out (home/privacy.py)."""
    return [page for page in top_pages() if page.restricted]


def top_locale(language_code):
    """The Locale of ``language_code`` as the top pages carry it (no query), or None."""
    return next(
        (page.locale for page in top_pages() if page.locale.language_code == language_code), None
    )


def active_locale():
    """Wagtail's ``Locale.get_active()`` (the request's content language), without a query when
    a top page is in that language (Wagtail's own fallbacks otherwise)."""
    from django.utils.translation import get_language
    from wagtail.models import Locale

    language = get_language()
    return _kept_locale(language, ("active_locale", language), Locale.get_active)


def _kept_locale(language, key, read):
    """The Locale of ``language`` as the top pages carry it (no query), else ``read()`` kept
    under ``key`` while the content is unchanged."""
    from wagtail.coreutils import get_supported_content_language_variant

    try:
        found = top_locale(get_supported_content_language_variant(language))
    except LookupError:
        found = None  # Wagtail falls back to the default language
    return found or per_request(key, read, shared=True)


def index_page(model, locale):
    """The first live ``model`` page (in tree order) in ``locale`` (a Locale or its id), or None.

    Read from ``top_pages`` (as its own type, its own fields deferred: callers link to it) once
    the type has been asked for in this process; a type with subtypes is read on its own.
    """
    from django.contrib.contenttypes.models import ContentType

    locale_id = getattr(locale, "pk", locale)
    content_type_id = ContentType.objects.get_for_model(model).pk

    def read():
        top = _top() if in_request() else None  # outside a request: the one query below
        if top is not None and content_type_id in top["types"] and not model.__subclasses__():
            return next(
                (
                    page.specific_deferred
                    for page in top["pages"]
                    if page.content_type_id == content_type_id
                    and page.locale_id == locale_id
                    and page.live
                ),
                None,
            )
        _index_types.add(content_type_id)
        return model.objects.live().filter(locale_id=locale_id).order_by("path").first()

    return per_request(("index_page", model._meta.label_lower, locale_id), read, shared=True)


def default_locale():
    """Wagtail's ``Locale.get_default()`` (the site's source language): as the top pages carry
    it (no query), else kept while the content is unchanged instead of a query per call."""
    from django.conf import settings
    from wagtail.models import Locale

    return _kept_locale(settings.LANGUAGE_CODE, "default_locale", Locale.get_default)


def view_restrictions():
    """Every page view restriction, with its page."""
    from wagtail.models import PageViewRestriction

    return per_request(
        "view_restrictions",
        lambda: list(PageViewRestriction.objects.select_related("page")),
        shared=True,
    )


def connect():
    from wagtail.models import PageViewRestriction

    for signal in (post_save, post_delete):
        signal.connect(
            _forget_restrictions, sender=PageViewRestriction, dispatch_uid="home_pages_memo_pvr"
        )
