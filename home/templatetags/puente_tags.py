from django import template
from django.conf import settings
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from wagtail.models import Page

from home.cache.fragments import fragment, page_fragment
from home.i18n import (
    language_switcher_links,
    menu_pages,
    page_alternates,
    route_suffix,
    view_alternates,
)

register = template.Library()


@register.simple_tag(takes_context=True)
def layout_fragments(context):
    """Keys for the layout's kept parts (base.html): the hreflang links and the header, with
    its language switcher, main navigation and translation notice, kept per live page and
    address (they carry the query string and the host); the footer, per host (the site's
    settings). Read before anything below is rendered. Previews and views that are not pages
    (search, the error pages) render their header every time."""
    request = context.get("request")
    page = context.get("page")
    own = footer = {"seconds": 0, "key": None}
    if request is not None:
        footer = fragment("footer", request.scheme, request.get_host())
        if isinstance(page, Page):
            own = page_fragment(page, request, request.build_absolute_uri())
    return {**own, "footer_seconds": footer["seconds"], "footer_key": footer["key"]}


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    request = context.get("request")
    page = context.get("page") if isinstance(context.get("page"), Page) else None
    return {"links": language_switcher_links(request, page)}


@register.inclusion_tag("includes/hreflang.html", takes_context=True)
def hreflang_links(context):
    """<link rel="alternate" hreflang> for each live translation, plus x-default (Spanish)."""
    request = context.get("request")
    page = context.get("page")
    alternates = []
    if isinstance(page, Page) and page.pk:
        alternates = page_alternates(page, request)
    elif request is not None:
        alternates = [
            (code, request.build_absolute_uri(path))
            for code, path in view_alternates(request).items()
        ]
    default = next((url for code, url in alternates if code == settings.LANGUAGE_CODE), None)
    return {"alternates": alternates, "x_default": default}


@register.inclusion_tag("includes/main_navigation.html", takes_context=True)
def main_navigation(context):
    """The current language's top-level pages that editors chose to show in menus."""
    request = context.get("request")
    page = context.get("page")
    language = getattr(request, "LANGUAGE_CODE", settings.LANGUAGE_CODE)
    home, items = menu_pages(language)
    is_page = isinstance(page, Page)
    current_path = page.path if is_page else ""
    # aria-current="page" only on the page itself; its section (and the page under one of its
    # routes, such as the missions data dictionary) is marked as an ancestor.
    exact = is_page and not route_suffix(request, page)
    return {
        "home": home,
        "home_current": bool(home) and exact and page.pk == home.pk,
        "items": [
            {
                "page": item,
                "current": exact and item.pk == page.pk,
                "ancestor": bool(current_path)
                and current_path.startswith(item.path)
                and not (exact and item.pk == page.pk),
            }
            for item in items
        ],
        "request": request,
    }


# The page's own short text, by page type: what it says first about itself.
DESCRIPTION_FIELDS = ("search_description", "summary", "intro", "purpose")


@register.simple_tag(takes_context=True)
def meta_description(context):
    """The page's description for search engines and link previews, in the reader's language.

    The editor's search description, else the page's summary, intro or purpose; views that are
    not pages (search, a missing page) describe the site.
    """
    page = context.get("page")
    if isinstance(page, Page):
        for field in DESCRIPTION_FIELDS:
            text = strip_tags(str(getattr(page, field, "") or "")).strip()
            if text:
                return Truncator(" ".join(text.split())).chars(300)
    # The same site settings base.html shows in the header.
    try:
        site_settings = context["settings"]["home"]["SiteSettings"]
    except (KeyError, TypeError, RuntimeError):
        return ""
    names = {"office": site_settings.office_name, "municipality": site_settings.municipality_name}
    return (
        _(
            "%(office)s, %(municipality)s: official trips abroad, what they cost and what they "
            "brought the city, and practices other cities can adopt."
        )
        % names
    )


@register.inclusion_tag("includes/translation_notice.html", takes_context=True)
def translation_notice(context):
    """On a translation that lags behind its original, or on a page shown in its original
    language because it lacks the one the reader asked for: a notice saying so."""
    from django.utils import translation
    from django.utils.timezone import localtime
    from django.utils.translation import get_language_info

    from home.formats import format_date
    from home.freshness import page_lag
    from home.i18n import live_translations, untranslated_notice_language

    request = context.get("request")
    page = context.get("page")
    if not isinstance(page, Page) or not page.pk:
        return {}
    wanted = untranslated_notice_language(request, page)
    if wanted:
        with translation.override(wanted):
            original = get_language_info(page.locale.language_code)["name_translated"]
            wanted_name = get_language_info(wanted)["name_translated"]
            text = _(
                "This page has not been translated into %(wanted)s: it is shown in its "
                "original language, %(original)s."
            ) % {"wanted": wanted_name, "original": original}
        return {"untranslated": {"code": wanted, "text": text}}
    lag = page_lag(page, live_translations(page, request))
    if lag is None:
        return {}
    language = page.locale.language_code
    original_language = lag.original.locale.language_code
    name = get_language_info(original_language)["name_translated"]
    return {
        "lag": {
            "text": _(
                "Translated from %(language)s on %(translated)s; the %(language)s original was "
                "updated on %(updated)s."
            )
            % {
                "language": name,
                "translated": format_date(localtime(lag.translated_on), language),
                "updated": format_date(localtime(lag.original_updated_on), language),
            },
            "link": _("Read the %(language)s original") % {"language": name},
            "url": lag.original.get_url(request),
            "code": original_language,
        }
    }
