"""The portal page and the site-wide Data Package (routes in portal/routes.py)."""

from django.http import JsonResponse

from home.opendata.views import conditional
from home.routing import render_page

from . import catalogue


def portal(page, request):
    return render_page(page, request, {"datasets": catalogue.entries(page, request)})


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
