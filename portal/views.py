"""The portal page and the site-wide Data Package (routes in portal/routes.py)."""

from django.http import JsonResponse
from django.template.response import TemplateResponse

from api.lists import DEFAULT_LIMIT, MAX_LIMIT
from home.opendata.views import conditional
from home.routing import render_page

from . import catalogue


def portal(page, request):
    return render_page(page, request, {"datasets": catalogue.entries(page, request)})


def api_docs(page, request):
    """The JSON API explained for people, in the portal's language, with examples that use
    this site's address and a real record (the machine-readable schema is openapi.json)."""
    resources = catalogue.api_resources(page, request)
    example = next((item for item in resources if item["resource"].name == "missions"), None)
    example = example or (resources[0] if resources else None)
    return TemplateResponse(
        request,
        "portal/api_docs.html",
        {
            "page": page,
            "self": page,
            "base": request.build_absolute_uri("/api/v1/").rstrip("/"),
            "language": page.locale.language_code,
            "resources": resources,
            "example": example,
            "example_url": request.build_absolute_uri(example["path"]) if example else "",
            "limits": {"default": DEFAULT_LIMIT, "max": MAX_LIMIT},
        },
    )


def site_datapackage(page, request):
    bound = catalogue.selections(page, request)
    last_modified, tag = catalogue.freshness(bound)
    return conditional(
        request,
        last_modified,
        tag,
        lambda: JsonResponse(
            catalogue.site_datapackage(page, request, bound, last_modified),
            json_dumps_params={"ensure_ascii": False, "indent": 2},
        ),
    )
