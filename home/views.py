from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation


def robots_txt(request):
    content = render_to_string(
        "robots.txt", {"sitemap_url": request.build_absolute_uri(reverse("sitemap"))}
    )
    return HttpResponse(content, content_type="text/plain; charset=utf-8")


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
