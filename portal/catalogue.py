"""What the portal lists: every registered dataset, bound to its index page in the portal's
language, and the site-wide Data Package made of all their resources."""

import hashlib

from home.formats import format_count
from home.opendata import package
from home.opendata.dataset import datasets, licence
from home.opendata.together import read_together
from home.pages import per_request


def selections(portal, request):
    """Each dataset bound, unfiltered, to its live index page in the portal's language (a
    dataset whose index page is not published in that language is left out)."""
    bound = []
    for dataset in datasets():
        index = dataset.index_for(portal.locale_id)  # the id: no query for the locale
        if index is not None:
            bound.append(dataset.unfiltered(index, request))
    return bound


def figures(portal, bound):
    """{dataset name: (last change, {resource slug: row count})} of the ``bound`` (unfiltered)
    selections: every dataset's ``figure_parts()`` read in one query (home/opendata/together.py),
    the others' ``figures()`` asked in turn; kept across requests while the content is
    unchanged."""

    def compute():
        parts = {selection.name: selection.figure_parts() for selection in bound}
        read = read_together(
            **{
                f"{name}__{part}": value
                for name, named in parts.items()
                if named is not None
                for part, value in named.items()
            }
        )
        found = {}
        for selection in bound:
            named = parts[selection.name]
            if named is None:
                found[selection.name] = selection.figures()
            else:
                values = {part: read[f"{selection.name}__{part}"] for part in named}
                found[selection.name] = selection.figures_from(values)
        return found

    key = ("portal_figures", portal.pk, tuple(selection.index.pk for selection in bound))
    return per_request(key, compute, shared=True)


def entries(portal, request):
    listed = []
    bound = selections(portal, request)
    found = figures(portal, bound)
    for selection in bound:
        last_modified, rows = found[selection.name]
        listed.append(
            {
                "dataset": selection,
                "index": selection.index,
                "last_modified": last_modified,
                "licence": selection.licence(),
                "dictionary": selection.dictionary_url(full=False),
                "datapackage": selection.datapackage_url(full=False),
                "resources": [
                    {
                        "resource": resource,
                        "rows": format_count(rows[resource.slug]),
                        "csv": selection.file_url(resource.slug, "csv", full=False),
                        "json": selection.file_url(resource.slug, "json", full=False),
                    }
                    for resource in selection.resources
                ],
            }
        )
    return listed


def freshness(bound):
    """(latest change of any dataset, ETag of the whole set)."""
    states = []
    latest = None
    for selection in bound:
        last_modified, count = selection.freshness()
        states.append(selection.etag("datapackage", last_modified, count))
        if last_modified and (latest is None or last_modified > latest):
            latest = last_modified
    digest = hashlib.sha256("|".join(states).encode()).hexdigest()
    return latest, f'"{digest[:32]}"'


def site_datapackage(portal, request, bound, last_modified):
    language = portal.locale.language_code
    return package.descriptor(
        name=f"open-data-{language}",
        title=portal.title,
        description=portal.intro or portal.title,
        homepage=portal.get_full_url(request),
        language=language,
        licence=licence(request),
        resources=[
            package.resource_descriptor(selection, resource)
            for selection in bound
            for resource in selection.resources
        ],
        last_modified=last_modified,
        datasets=[
            {
                "name": selection.name,
                "title": str(selection.title),
                "homepage": selection.index.get_full_url(request),
                "datapackage": selection.datapackage_url(),
                "data_dictionary": selection.dictionary_url(),
                "resources": [resource.name for resource in selection.resources],
            }
            for selection in bound
        ],
    )


def api_resources(portal, request):
    """The API's lists, for its documentation page: each table of each dataset published in
    the portal's language, with its address, filters and data dictionary."""
    listed = []
    for selection in selections(portal, request):
        dictionary = selection.dictionary_url(full=False)
        for resource in selection.resources:
            listed.append(
                {
                    "dataset": selection,
                    "resource": resource,
                    "path": f"/api/v1/{resource.slug}/",
                    "filters": [name for name in selection.filter_names if name != "sort"],
                    "sorts": "sort" in selection.filter_names,
                    "dictionary": f"{dictionary}#resource-{resource.slug}",
                }
            )
    return listed
