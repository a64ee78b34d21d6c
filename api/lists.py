"""One list of the API: a resource's rows in a language, filtered, paginated, with metadata.

Every parameter is checked: an unknown one, or an invalid value, is a 400 that names it
(never a 500, never silently ignored). Rows are the open-data rows (the same columns, codes
and exact numbers as the CSV and JSON files), so the API, the files and the dictionary agree.
"""

import json
import re
import uuid

from django.http import HttpResponse, QueryDict
from django.utils import translation
from wagtail.models import Locale

from home.opendata import files, kept
from home.opendata.views import conditional
from home.params import QueryParams

DEFAULT_LIMIT = 50
MAX_LIMIT = 500
MAX_OFFSET = 1_000_000
COMMON = ("limit", "offset", "locale", "translation_of")
DATE_BOUNDS = ("__gte", "__lte")  # date range filters: exactly YYYY-MM-DD, as the schema says
ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def error(parameter, message):
    body = json.dumps({"error": message, "parameter": parameter}, ensure_ascii=False)
    response = HttpResponse(body, status=400, content_type="application/json; charset=utf-8")
    response.headers["Access-Control-Allow-Origin"] = "*"
    return response


def _filters_only(query, names):
    params = QueryDict(mutable=True)
    for name in names:
        if name in query:
            params.setlist(name, query.getlist(name))
    return params


def list_response(request, dataset, resource):
    query = request.GET
    allowed = (*COMMON, *dataset.filter_names)
    for name in query:
        if name not in allowed:
            return error(name, f"Unknown parameter {name!r}; allowed: {', '.join(allowed)}.")
        if len(query.getlist(name)) > 1:
            return error(name, f"Parameter {name!r} is given more than once.")
        if name in COMMON and not query[name]:
            return error(name, f"Parameter {name!r} is empty.")
        if name.endswith(DATE_BOUNDS) and not ISO_DATE.fullmatch(query[name]):
            return error(name, f"Parameter {name!r} is not a date (YYYY-MM-DD).")
    # The same address while the content is unchanged: the same page (home/opendata/kept.py).
    kept_key = kept.key(request, "api", dataset)
    found = kept.get(kept_key)
    if found is not None:
        last_modified, tag, body = found
        return conditional(request, last_modified, tag, lambda: _json(body))
    params = QueryParams(query)
    limit = params.integer("limit", minimum=1, maximum=MAX_LIMIT, default=DEFAULT_LIMIT)
    offset = params.integer("offset", minimum=0, maximum=MAX_OFFSET, default=0)
    languages = list(Locale.objects.values_list("language_code", flat=True))
    language = params.choice("locale", languages, default=languages and "es")
    key = None
    if "translation_of" in query:
        # Exactly a UUID, as the schema says: an empty or padded value is refused, not ignored.
        raw_key = params.raw("translation_of")
        try:
            if len(raw_key) > 36 or raw_key != raw_key.strip():
                raise ValueError(raw_key)
            key = str(uuid.UUID(raw_key))
        except ValueError:
            return error("translation_of", "Parameter 'translation_of' is not a UUID.")
    for problem in params.invalid:
        with translation.override("en"):
            return error(problem.name, f"Parameter {problem.name!r} {problem.reason_text}.")
    locale = Locale.objects.get(language_code=language)
    index = dataset.index_for(locale)
    if index is None:  # nothing of this dataset is published in that language yet
        return _empty(resource, language, limit, offset)
    selection = dataset(index, request, params=_filters_only(query, dataset.filter_names))
    if selection.ignored:
        name = selection.ignored[0]
        with translation.override("en"):
            reason = str(selection.ignored_reason(name) or "is not one of the options")
        return error(name, f"Parameter {name!r} {reason}.")
    last_modified, count = selection.freshness()
    tag = selection.etag(f"api:{resource.name}:{query.urlencode()}", last_modified, count)
    return conditional(
        request,
        last_modified,
        tag,
        lambda: _kept_page(kept_key, tag, selection, resource, limit, offset, key, last_modified),
    )


def _empty(resource, language, limit, offset):
    metadata = {"resource": resource.name, "language": language, "count": 0, "limit": limit}
    metadata["offset"] = offset
    body = json.dumps({"metadata": metadata, "data": []})
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response.headers["Access-Control-Allow-Origin"] = "*"
    return response


def _json(body):
    return HttpResponse(body, content_type="application/json; charset=utf-8")


def _kept_page(kept_key, tag, selection, resource, limit, offset, key, last_modified):
    body = _page(selection, resource, limit, offset, key, last_modified)
    kept.keep(kept_key, (last_modified, tag, body), len(body))
    return _json(body)


def _page(selection, resource, limit, offset, key, last_modified):
    page = selection.page(resource, offset, limit, key=key or None)
    total = offset + len(page) if key else selection.row_count(resource)
    licence = selection.licence()
    metadata = {
        "resource": resource.name,
        "language": selection.language,
        "count": total,
        "limit": limit,
        "offset": offset,
        "filter": selection.applied,
        "totals": selection.totals(),
        "last_modified": last_modified.isoformat() if last_modified else None,
        "licence": {"name": licence["name"], "url": licence["url"]},
        "data_dictionary": selection.dictionary_url() + f"#resource-{resource.slug}",
        "csv": selection.file_url(resource.slug, "csv"),
    }
    return (
        '{"metadata": '
        + json.dumps(metadata, ensure_ascii=False, default=str)
        + ', "data": ['
        + ", ".join(files.json_row(resource, row) for row in page)
        + "]}"
    )
