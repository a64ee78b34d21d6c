"""Which address each language version of the current page lives at."""

from urllib.parse import urlsplit

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import OuterRef, Q, Subquery
from django.http import QueryDict
from django.urls import translate_url
from wagtail.models import Page
from wagtail_localize.models import TranslationSource

from .models import HomePage
from .pages import TOP_DEPTH, per_request, top_pages, top_translations
from .params import ParamError, parse_id, parse_text

# The query parameter that asks for a language a page is not translated into: the switcher
# keeps the reader on the same content, in its original language, with a notice.
WANTED_LANGUAGE = "language"


def _language_home(language_code):
    """The live home page in that language, if there is one."""
    return HomePage.objects.live().filter(locale__language_code=language_code).first()


def menu_pages(language_code):
    """(the live home page in that language, its live children shown in menus), in one query.

    Every language's home sits at the same depth (each is a root of its locale's tree), so the
    homes and the pages one level below them are read together and told apart by depth.
    """
    return per_request(
        ("menu_pages", language_code), lambda: _read_menu(language_code), shared=True
    )


def _read_menu(language_code):
    """From the top pages (no query of its own) when that language's home is among them: a home
    page is a root of its language's tree, so it and the pages below it are at the top."""
    home_type = ContentType.objects.get_for_model(HomePage)
    rows = [
        page
        for page in top_pages()
        if page.live and page.locale.language_code == language_code and page.depth > 1
    ]
    home = next((row for row in rows if row.content_type_id == home_type.pk), None)
    if home is not None and home.depth < TOP_DEPTH:
        return home, [
            row
            for row in rows
            if row.show_in_menus and row.depth == home.depth + 1 and row.path.startswith(home.path)
        ]
    return _query_menu(language_code, home_type)


def _query_menu(language_code, home_type):
    homes = HomePage.objects.live().filter(locale__language_code=language_code)
    rows = list(
        Page.objects.live()
        .filter(locale__language_code=language_code)
        .filter(
            Q(content_type=home_type)
            | Q(show_in_menus=True, depth=Subquery(homes.values("depth")[:1]) + 1)
        )
        .order_by("path")
    )
    home = next((row for row in rows if row.content_type_id == home_type.pk), None)
    if home is None:
        return None, []
    return home, [
        row for row in rows if row.depth == home.depth + 1 and row.path.startswith(home.path)
    ]


def live_translations(page, request=None):
    """The live translations of ``page`` (itself included), with their locales, in tree order.

    Shared by the language switcher, the hreflang links and the translation notice: no query
    of its own for a top page or an index page (home.pages.top_translations), else one per
    page and content generation. Each translation's ``synced_into_page`` is when wagtail-localize last
    brought its content into ``page`` (None unless it is ``page``'s original): what
    home.freshness needs to tell whether ``page`` lags behind.
    """
    memo = getattr(request, "_live_translations", None) if request is not None else None
    if memo is None:
        memo = {}
        if request is not None:
            request._live_translations = memo
    key = (page.translation_key, page.locale_id)
    if key not in memo:
        memo[key] = top_translations(page)
    if memo[key] is None:
        synced = TranslationSource.objects.filter(
            object_id=OuterRef("translation_key"),
            locale_id=OuterRef("locale_id"),
            translations__target_locale_id=page.locale_id,
        ).values("last_updated_at")[:1]
        memo[key] = per_request(
            ("live_translations", *key),
            lambda: list(
                Page.objects.filter(translation_key=page.translation_key)
                .live()
                .select_related("locale")
                .annotate(synced_into_page=Subquery(synced))
                .order_by("path")
            ),
            shared=True,
        )
    return memo[key]


def route_suffix(request, page):
    """What the address adds after ``page``'s own: a sub-route of a routable page such as
    "data-dictionary/" under the missions index, or "" when the request is for the page itself.

    The same route exists under each translation of the page, so the suffix carries over.
    """
    if request is None or not isinstance(page, Page):
        return ""
    own = page.get_url(request)
    if not own:
        return ""
    own_path = urlsplit(own).path
    if request.path != own_path and request.path.startswith(own_path):
        return request.path[len(own_path) :]
    return ""


def translated_suffix(request, page, translation, suffix):
    """``suffix`` (see route_suffix) as it reads under ``translation``, or None when the other
    language has no such address. A page whose sub-routes name a translated record (a record
    index, home/records.py) says so through ``translated_route_suffix``; for other pages the
    suffix carries over as it is.
    """
    translate = getattr(page.specific_deferred, "translated_route_suffix", None)
    if translate is None or translation.pk == page.pk:
        return suffix
    return translate(request, translation, suffix)


def translated_query(params, page, target):
    """``params`` (a QueryDict) for ``target``, the translation of ``page``.

    Filter names and most values (?year=2025, ?sdg=11) are the same in every language. A value
    that names a translatable record — a person's id, a theme's slug — names that record's
    translation instead; a page lists such parameters in ``query_translations``
    ({parameter: ("app_label.Model", field)}).
    """
    params = params.copy()
    for name, (label, field) in getattr(page, "query_translations", {}).items():
        value = params.get(name)
        if not value or page.locale_id == target.locale_id:
            continue
        try:
            value = parse_id(value) if field == "pk" else parse_text(value)
        except ParamError:
            continue  # not a record: the list itself says so, in either language
        # The hreflang links and the language switcher both ask: read once per request.
        translated = per_request(
            ("translated_query", label, field, value, page.locale_id, target.locale_id),
            lambda label=label, field=field, value=value: _translated_value(
                apps.get_model(label), field, value, page.locale_id, target.locale_id
            ),
        )
        if translated is not None:
            params[name] = translated
    return params


def _translated_value(model, field, value, locale_id, target_locale_id):
    """``field`` of the translation into ``target_locale_id`` of the record whose ``field`` is
    ``value`` (the one in ``locale_id`` first: a list may also offer one not yet translated), as
    text, or None: one query, for the records named and all their translations."""
    named = model.objects.filter(**{field: value}).values("translation_key")
    group = model.objects.filter(translation_key__in=named)
    rows = list(group if group.ordered else group.order_by("pk"))  # as .first() orders
    records = [row for row in rows if getattr(row, field) == value]
    mine = [row for row in records if row.locale_id == locale_id]
    record = (mine or records or [None])[0]
    if record is None:
        return None
    for row in rows:
        if row.translation_key == record.translation_key and row.locale_id == target_locale_id:
            return str(getattr(row, field))
    return None


def _with_request_query(url, request, page=None, target=None):
    """``url`` followed by the request's query string, so that a filtered list's filter holds
    in the other language too (see translated_query)."""
    if not url or request is None or not request.GET:
        return url
    params = request.GET.copy()
    params.pop(WANTED_LANGUAGE, None)  # a translation needs no "shown in the original" notice
    if page is not None and target is not None:
        params = translated_query(params, page, target)
    return f"{url}?{params.urlencode()}" if params else url


def page_alternates(page, request=None):
    """[(language_code, absolute_url)] for each live translation of ``page``, itself included,
    at the same sub-route and with the same query string as the request."""
    alternates = []
    suffix = route_suffix(request, page)
    for translation in live_translations(page, request):
        url = translation.get_full_url(request)
        own_suffix = translated_suffix(request, page, translation, suffix)
        if url and own_suffix is not None:
            alternates.append(
                (
                    translation.locale.language_code,
                    _with_request_query(url + own_suffix, request, page, translation),
                )
            )
    order = [code for code, _name in settings.LANGUAGES]
    alternates.sort(key=lambda item: order.index(item[0]) if item[0] in order else len(order))
    return alternates


def view_alternates(request):
    """{language_code: path} for a view that is not a Wagtail page (e.g. /es/buscar/).

    Empty when the request did not resolve to such a view: a 404 from Wagtail's catch-all page
    route has no known translation, so its address must not be "translated" into another 404.
    """
    match = getattr(request, "resolver_match", None)
    if request is None or match is None or match.url_name == "wagtail_serve":
        return {}
    path = request.get_full_path()
    current = getattr(request, "LANGUAGE_CODE", settings.LANGUAGE_CODE)
    alternates = {}
    for code, _name in settings.LANGUAGES:
        translated = translate_url(path, code)
        if translated != path or code == current:
            alternates[code] = translated
    return alternates


def _same_page_in_original(request, page, code):
    """``page``'s own address (same sub-route and query), asking for language ``code``."""
    url = page.get_url(request)
    if not url:
        return None
    params = request.GET.copy() if request is not None else QueryDict(mutable=True)
    params[WANTED_LANGUAGE] = code
    return f"{url}{route_suffix(request, page)}?{params.urlencode()}"


def untranslated_notice_language(request, page):
    """The language a reader asked for and ``page`` lacks (from the switcher), or None."""
    if request is None or not isinstance(page, Page) or not page.pk:
        return None
    code = request.GET.get(WANTED_LANGUAGE)
    if code not in dict(settings.LANGUAGES) or code == page.locale.language_code:
        return None
    translation = next(
        (other for other in live_translations(page, request) if other.locale.language_code == code),
        None,
    )
    if translation is None:
        return code
    # A record's page (home/records.py) lacks the language when the record has no translation,
    # even though the index page serving it has one.
    if translated_suffix(request, page, translation, route_suffix(request, page)) is None:
        return code
    return None


def language_switcher_links(request, page=None):
    """For each site language: where the switcher goes and whether that is the current page's translation.

    A page with no translation in a language keeps the reader on the same content, in its
    original language, with a notice (``untranslated_notice_language``); a view that is not a
    page goes to that language's home page. Never a 404.
    """
    current = getattr(request, "LANGUAGE_CODE", settings.LANGUAGE_CODE)
    translations = {}
    if isinstance(page, Page) and page.pk:
        suffix = route_suffix(request, page)
        for translation in live_translations(page, request):
            url = translation.get_url(request)
            own_suffix = translated_suffix(request, page, translation, suffix)
            if url and own_suffix is not None:
                translations[translation.locale.language_code] = _with_request_query(
                    url + own_suffix, request, page, translation
                )
    elif page is None and request is not None:
        translations = view_alternates(request)
    links = []
    for code, name in settings.LANGUAGES:
        url = translations.get(code)
        is_translation = bool(url)
        if not url and isinstance(page, Page) and page.pk and code != current:
            url = _same_page_in_original(request, page, code)
        if not url:
            home = _language_home(code)
            url = home.get_url(request) if home else f"/{code}/"
        links.append(
            {
                "code": code,
                "name": name,
                "url": url,
                "current": code == current,
                "is_translation": is_translation,
            }
        )
    return links
