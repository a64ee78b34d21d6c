from collections import defaultdict

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.utils import translation
from django.views.decorators.cache import cache_page
from wagtail.models import Locale, Page, Site

from .records import RecordIndexMixin


def robots_txt(request):
    content = render_to_string(
        "robots.txt", {"sitemap_url": request.build_absolute_uri("/sitemap.xml")}
    )
    return HttpResponse(content, content_type="text/plain; charset=utf-8")


@cache_page(60 * 15)
def sitemap_xml(request):
    """Every live public page in every language, with its translations as hreflang alternates.

    A fixed number of queries whatever the number of pages: alternates are grouped in Python
    from the same list instead of one query per page.
    """
    site = Site.find_for_request(request)
    entries = []
    if site:
        roots = Page.objects.filter(translation_key=site.root_page.translation_key)
        pages = Page.objects.none()
        for localized_root in roots:
            pages = pages | Page.objects.descendant_of(localized_root, inclusive=True)
        pages = list(pages.live().public().specific(defer=True).order_by("path"))
        languages = dict(Locale.objects.values_list("pk", "language_code"))
        order = [code for code, _name in settings.LANGUAGES]
        urls = {page.pk: page.get_full_url(request) for page in pages}
        alternates = defaultdict(list)
        for page in pages:
            if urls[page.pk]:
                alternates[page.translation_key].append((languages[page.locale_id], urls[page.pk]))
        for group in alternates.values():
            group.sort(key=lambda item: order.index(item[0]) if item[0] in order else len(order))
        for page in pages:
            if urls[page.pk]:
                entries.append(
                    {
                        "url": urls[page.pk],
                        "lastmod": page.last_published_at,
                        "alternates": alternates[page.translation_key],
                    }
                )
                if isinstance(page, RecordIndexMixin):  # one page per record under it
                    entries.extend(
                        {"url": entry["location"], **entry}
                        for entry in page.record_sitemap_entries(request)
                    )
    content = render_to_string("sitemap.xml", {"entries": entries})
    return HttpResponse(content, content_type="application/xml; charset=utf-8")


def favicon(request):
    """Browsers ask for /favicon.ico before reading any page; send them to the SVG icon.

    Not a permanent redirect: in production the icon's address carries a content hash that
    changes when the icon does.
    """
    return redirect(static("favicon.svg"))


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    """A 500 page that needs no database: it is rendered when something is already wrong."""
    language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    with translation.override(language):
        return render(request, "500.html", {"LANGUAGE_CODE": language}, status=500)
