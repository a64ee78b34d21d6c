from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import translation
from django.views.decorators.cache import cache_page
from wagtail.models import Page, Site

from .i18n import page_alternates


def robots_txt(request):
    content = render_to_string(
        "robots.txt", {"sitemap_url": request.build_absolute_uri("/sitemap.xml")}
    )
    return HttpResponse(content, content_type="text/plain; charset=utf-8")


@cache_page(60 * 15)
def sitemap_xml(request):
    """Every live public page in every language, with its translations as hreflang alternates."""
    site = Site.find_for_request(request)
    root = site.root_page if site else Page.objects.none()
    entries = []
    if site:
        roots = Page.objects.filter(translation_key=root.translation_key)
        pages = Page.objects.none()
        for localized_root in roots:
            pages = pages | Page.objects.descendant_of(localized_root, inclusive=True)
        pages = pages.live().public().specific().order_by("path")
        for page in pages:
            url = page.get_full_url(request)
            if not url:
                continue
            entries.append(
                {
                    "url": url,
                    "lastmod": page.last_published_at,
                    "alternates": page_alternates(page, request),
                }
            )
    content = render_to_string("sitemap.xml", {"entries": entries})
    return HttpResponse(content, content_type="application/xml; charset=utf-8")


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    """A 500 page that needs no database: it is rendered when something is already wrong."""
    language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    with translation.override(language):
        return render(request, "500.html", {"LANGUAGE_CODE": language}, status=500)
