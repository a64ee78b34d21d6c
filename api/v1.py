"""/api/v1/: a list operation per open-data resource, documented in the OpenAPI schema
(/api/v1/openapi.json) with its parameters. Parameters are read by api.lists, which answers
400 naming any unknown or invalid one."""

from django.utils.translation import gettext_lazy as _
from ninja import NinjaAPI

from home.opendata.dataset import datasets

from .lists import COMMON, DEFAULT_LIMIT, MAX_LIMIT, MAX_OFFSET, list_response

api = NinjaAPI(
    title="Puente open data API",
    version="1",
    description=str(
        _("Read-only JSON API of the office's open data: the same rows as the CSV files.")
    ),
    urls_namespace="api_v1",
    docs_url="/docs/",
)

COMMON_PARAMETERS = [
    {
        "name": "limit",
        "in": "query",
        "description": f"Rows per page (1 to {MAX_LIMIT}, default {DEFAULT_LIMIT}).",
        "schema": {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT},
    },
    {
        "name": "offset",
        "in": "query",
        "description": "Rows to skip.",
        "schema": {"type": "integer", "minimum": 0, "maximum": MAX_OFFSET},
    },
    {
        "name": "locale",
        "in": "query",
        "description": "Language of the records: es (default) or en.",
        "schema": {"type": "string", "enum": ["es", "en"]},
    },
    {
        "name": "translation_of",
        "in": "query",
        "description": "Only the record with this stable identifier (its id column), "
        "in the language asked for.",
        "schema": {"type": "string", "format": "uuid"},
    },
]
LIST_SCHEMA = {
    "type": "object",
    "required": ["metadata", "data"],
    "properties": {
        "metadata": {"type": "object", "required": ["count", "limit", "offset"]},
        "data": {"type": "array", "items": {"type": "object"}},
    },
}
ERROR_SCHEMA = {
    "type": "object",
    "required": ["error", "parameter"],
    "properties": {"error": {"type": "string"}, "parameter": {"type": "string"}},
}


def _operation(dataset, resource):
    def view(request):
        return list_response(request, dataset, resource)

    view.__name__ = f"list_{resource.name}"
    return view


def _filter_parameter(name):
    """A filter of the site's list; ``<field>__gte`` and ``<field>__lte`` are date bounds."""
    if name.endswith(("__gte", "__lte")):
        field, bound = name.rsplit("__", 1)
        side = "on or after" if bound == "gte" else "on or before"
        return {
            "name": name,
            "in": "query",
            "description": f"Only rows whose {field} is {side} this date (YYYY-MM-DD); "
            "an invalid date, or an end before the start, is a 400.",
            "schema": {"type": "string", "format": "date"},
        }
    return {
        "name": name,
        "in": "query",
        "description": "Filter, as on the site's list and CSV (a value that is not one of "
        "the list's options is a 400).",
        "schema": {"type": "string"},
    }


def _register(dataset, resource):
    filters = [_filter_parameter(name) for name in dataset.filter_names if name not in COMMON]
    api.get(
        f"/{resource.slug}/",
        summary=str(resource.title),
        description=str(resource.description),
        tags=[dataset.name],
        operation_id=f"list_{resource.name}",
        openapi_extra={
            "parameters": COMMON_PARAMETERS + filters,
            "responses": {
                "200": {
                    "description": "A page of rows",
                    "content": {"application/json": {"schema": LIST_SCHEMA}},
                },
                "400": {
                    "description": "An unknown or invalid parameter, named",
                    "content": {"application/json": {"schema": ERROR_SCHEMA}},
                },
            },
        },
    )(_operation(dataset, resource))


for _dataset in datasets():
    for _resource in _dataset.resources:
        _register(_dataset, _resource)
