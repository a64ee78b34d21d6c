"""Pages whose views live beside the views, not inside the model.

Wagtail's RoutablePageMixin keeps a page's routes as methods of its model, so a page that shows
a filtered listing, an export or a PDF must import the code that builds them, and that code
imports the models back: an import circle, usually hidden by imports inside methods. Here a
page names the module of its routes by dotted path, as Django names ``ROOT_URLCONF``; Django's
resolver imports that module on first use. The routes module imports the views, the views
import the models, and nothing imports back, so models stay the bottom layer.

A route is a plain Django URL pattern whose view takes the page first::

    urlpatterns = [path("", views.listing, name="listing"), path("feed/", views.feed)]

    def listing(page, request):
        return render_page(page, request, {"rows": ...})

The "" route is the page itself (Wagtail's previews go through it too), so a page's extra
context is built by its view, never by ``get_context`` reaching up into views.
"""

from django.urls import URLResolver
from django.urls.resolvers import RegexPattern
from wagtail.contrib.routable_page.models import RoutablePageMixin


class RoutedPageMixin(RoutablePageMixin):
    """A routable page whose URL patterns are the ``urlpatterns`` of the module ``routes``."""

    routes = ""

    @classmethod
    def get_resolver(cls):
        if "_routablepage_urlresolver" not in cls.__dict__:
            cls._routablepage_urlresolver = URLResolver(RegexPattern(r"^/"), cls.routes)
        return cls._routablepage_urlresolver

    @classmethod
    def get_subpage_urls(cls):
        return tuple(cls.get_resolver().url_patterns)


def render_page(page, request, context=None, template=None):
    """The page rendered with its template and context, plus ``context`` (a route's view)."""
    request.is_preview = getattr(request, "is_preview", False)
    return page.render(request, template=template, context_overrides=context)


def page_view(page, request):
    """A route that serves the page as Wagtail would, with nothing added."""
    return render_page(page, request)
