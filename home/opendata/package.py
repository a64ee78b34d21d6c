"""What describes a dataset's files: the JSON metadata of each file and the Frictionless
tabular Data Package descriptor (one dataset's, or the whole site's)."""

import datetime

from django.utils import timezone

from .dataset import with_query


def _timestamp(value):
    return value.isoformat() if value else None


def json_metadata(dataset, resource, last_modified):
    licence = dataset.licence()
    return {
        "resource": resource.name,
        "title": str(resource.title),
        "description": str(resource.description),
        "language": dataset.language,
        "publisher": licence["publisher"],
        "licence": {"name": licence["name"], "url": licence["url"]},
        "filter": dataset.applied,
        "ignored_parameters": list(dataset.ignored),
        "last_modified": _timestamp(last_modified),
        "csv": dataset.file_url(resource.slug, "csv"),
        "datapackage": dataset.datapackage_url(),
        "data_dictionary": dataset.dictionary_url(),
        "columns": resource.header,
    }


def resource_descriptor(dataset, resource):
    """One resource of a Data Package: its CSV file (with the dataset's filter) and schema."""
    return {
        "name": resource.name,
        "path": dataset.file_url(resource.slug, "csv"),
        "title": str(resource.title),
        "description": str(resource.description),
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "dialect": {"delimiter": ",", "header": True},
        "schema": resource.table_schema(),
    }


def descriptor(
    *, name, title, description, homepage, language, licence, resources, last_modified, **extra
):
    """A Frictionless tabular Data Package descriptor (``extra``: keys after ``language``)."""
    return {
        "profile": "tabular-data-package",
        "name": name,
        "title": str(title),
        "description": str(description),
        "homepage": homepage,
        "language": language,
        **extra,
        "created": timezone.now().astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "last_modified": _timestamp(last_modified),
        "licenses": [{"title": licence["name"], "path": licence["url"]}],
        "contributors": [{"title": licence["publisher"], "role": "publisher"}],
        "resources": resources,
    }


def datapackage(dataset, last_modified):
    """One dataset's Data Package: its resources are this selection's CSV files."""
    return descriptor(
        name=f"{dataset.name}-{dataset.language}",
        title=dataset.title,
        description=dataset.description,
        homepage=with_query(dataset.index.get_full_url(dataset.request), dataset.applied),
        language=dataset.language,
        licence=dataset.licence(),
        resources=[resource_descriptor(dataset, resource) for resource in dataset.resources],
        last_modified=last_modified,
        filter=dataset.applied,
        version=dataset.version,
    )
