from django import template
from django.conf import settings
from wagtail.models import Page

from home.i18n import language_switcher_links, page_alternates, view_alternates
from home.models import HomePage

register = template.Library()


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
    home = None
    language = getattr(request, "LANGUAGE_CODE", settings.LANGUAGE_CODE)
    home = HomePage.objects.live().filter(locale__language_code=language).first()
    items = []
    if home:
        items = list(home.get_children().live().in_menu().specific(defer=True))
    current_path = getattr(page, "path", "") if isinstance(page, Page) else ""
    return {
        "home": home,
        "items": [
            {"page": item, "active": bool(current_path) and current_path.startswith(item.path)}
            for item in items
        ],
        "request": request,
    }
