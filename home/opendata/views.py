"""The open-data views of a dataset, routed under its index page (see routes.py): each takes
the index page first and the Dataset class as the route's ``dataset`` argument."""

from django.http import Http404, JsonResponse, StreamingHttpResponse
from django.template.response import TemplateResponse
from django.utils.cache import get_conditional_response
from django.utils.http import http_date
from wagtail.views import serve

from home.params import mark_ignored

from . import files, kept, package

CONTENT_TYPES = {"csv": "text/csv; charset=utf-8", "json": "application/json; charset=utf-8"}


def conditional(request, last_modified, tag, response_factory):
    """A 304 when the client's copy is current, else the response; with ETag, Last-Modified
    and CORS for GET (open data is meant to be read from anywhere)."""
    timestamp = int(last_modified.timestamp()) if last_modified else None
    response = get_conditional_response(request, etag=tag, last_modified=timestamp)
    if response is None:
        response = response_factory()
    if timestamp is not None:
        response.headers["Last-Modified"] = http_date(timestamp)
    response.headers["ETag"] = tag
    response.headers["Access-Control-Allow-Origin"] = "*"
    return response


def file_response(content, resource, fmt, language, ignored):
    """The streamed CSV or JSON file of ``resource`` from its ``content`` (chunks of text)."""
    response = StreamingHttpResponse(content, content_type=CONTENT_TYPES[fmt])
    if fmt == "csv":
        filename = f"{resource.slug}-{language}.csv"
        response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    # JSON names them in its metadata ("ignored_parameters"); CSV gets a "# " first line.
    return mark_ignored(response, ignored, "# " if fmt == "csv" else None)


def file_content(selection, resource, fmt, last_modified):
    """The chunks of text of the file of ``resource`` for a bound dataset, as they are made."""
    if fmt == "csv":
        texts = selection.kept_csv(resource)  # the rows' text kept in chunks (chunks.py)
        if texts is not None:
            return files.csv_text(resource, texts)
        return files.csv_stream(resource, selection.rows(resource))
    data = selection.rows(resource)
    metadata = package.json_metadata(selection, resource, last_modified)
    return files.json_stream(resource, data, metadata)


def open_data(index, request, resource, fmt, dataset):
    slug = resource
    resource = dataset.resource(slug)
    if resource is None or fmt not in CONTENT_TYPES:
        raise Http404
    # The same address while the content is unchanged: the same file (home/opendata/kept.py).
    kept_key = kept.key(request, "file", dataset)
    found = kept.kept_file(kept_key)
    if found is not None:
        (last_modified, tag, language, ignored), chunks = found
        return conditional(
            request,
            last_modified,
            tag,
            lambda: file_response(iter(chunks), resource, fmt, language, ignored),
        )
    selection = dataset(index, request)
    last_modified, count = selection.freshness()
    tag = selection.etag(f"{slug}.{fmt}", last_modified, count)
    meta = (last_modified, tag, selection.language, selection.ignored)

    def response():
        content = file_content(selection, resource, fmt, last_modified)
        keeping = kept.keeping(kept_key, meta, content, kept.folder(request, dataset))
        return file_response(keeping, resource, fmt, *meta[2:])

    return conditional(request, last_modified, tag, response)


def datapackage(index, request, dataset):
    selection = dataset(index, request)
    last_modified, count = selection.freshness()
    tag = selection.etag("datapackage", last_modified, count)
    response = conditional(
        request,
        last_modified,
        tag,
        lambda: JsonResponse(
            package.datapackage(selection, last_modified),
            json_dumps_params={"ensure_ascii": False, "indent": 2},
        ),
    )
    return mark_ignored(response, selection.ignored)


def dictionary_resources(dataset):
    """Each resource with its columns as the dictionary template shows them."""
    return [
        {
            "resource": resource,
            "slug": resource.slug,
            "columns": [
                {
                    "column": column,
                    "type": column.type_label(),
                    "values": list(column.choices.choices) if column.choices else [],
                }
                for column in resource.columns
            ],
        }
        for resource in dataset.resources
    ]


def data_dictionary(index, request, dataset):
    selection = dataset.unfiltered(index, request)
    return TemplateResponse(
        request,
        dataset.dictionary_template,
        {
            "page": index,
            "self": index,
            "dataset": selection,
            "resources": dictionary_resources(dataset),
            "open_data": selection.links(),
            "links_template": dataset.links_template,
            "dictionary_url": selection.dictionary_url(),
        },
    )


def serve_data_file(request, path):
    """Wagtail's page router for addresses ending in a file name (…/data/missions.csv).

    Wagtail's own URL pattern only accepts paths ending in a slash; this one hands the
    path, with the slash its router expects, to the same view, so page privacy and the
    language prefix apply as to any page.
    """
    return serve(request, path + "/")
