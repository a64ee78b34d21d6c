"""What describes a download: its freshness (Last-Modified, ETag), its licence, the JSON
metadata and the Frictionless Data Package descriptor."""

import datetime
import hashlib
from urllib.parse import urlencode

from django.db.models import Count, Max, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from home.models import SiteSettings

from ..models import report_days_setting
from .schema import RESOURCES, SCHEMA_VERSION


def _local_midnight(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def freshness(missions, days=None, today=None):
    """(last_modified, count) of a filtered set of missions.

    The data changes when a mission is published (new, corrected, withdrawn) and also, with no
    publication at all, on the day the trip report of a mission that stands becomes due or
    overdue; the latest of those
    moments is the Last-Modified time.
    """
    today = today or timezone.localdate()
    days = report_days_setting() if days is None else days
    cutoff = today - datetime.timedelta(days=days)
    no_report = Q(report_document__isnull=True, withdrawn=False)  # withdrawn: status never moves
    figures = missions.order_by().aggregate(
        count=Count("pk"),
        published=Max("last_published_at"),
        overdue_end=Max("end_date", filter=no_report & Q(end_date__lt=cutoff)),
        ended=Max("end_date", filter=no_report & Q(end_date__lt=today)),
    )
    moments = [figures["published"]] if figures["published"] else []
    if figures["overdue_end"]:
        moments.append(_local_midnight(figures["overdue_end"] + datetime.timedelta(days=days + 1)))
    if figures["ended"]:
        moments.append(_local_midnight(figures["ended"] + datetime.timedelta(days=1)))
    return (max(moments) if moments else None), figures["count"]


def etag(*parts):
    digest = hashlib.sha256("|".join(map(str, (SCHEMA_VERSION, *parts))).encode()).hexdigest()
    return f'"{digest[:32]}"'


def licence(request):
    settings = SiteSettings.for_request(request)
    return {
        "name": settings.open_data_licence_name,
        "url": settings.open_data_licence_url,
        "publisher": f"{settings.office_name}, {settings.municipality_name}",
    }


def with_query(url, applied):
    return f"{url}?{urlencode(applied)}" if applied else url


def file_path(index, name, **kwargs):
    """A file route's path under the index, without the trailing slash Wagtail's router adds."""
    return index.reverse_subpage(name, kwargs=kwargs).rstrip("/")


def file_url(index, request, slug, fmt, applied=None):
    url = index.get_full_url(request) + file_path(index, "open_data", resource=slug, fmt=fmt)
    return with_query(url, applied or {})


def json_metadata(index, request, resource, mission_filter, last_modified):
    applied = mission_filter.applied
    info = licence(request)
    return {
        "resource": resource.name,
        "title": str(resource.title),
        "description": str(resource.description),
        "language": index.locale.language_code,
        "publisher": info["publisher"],
        "licence": {"name": info["name"], "url": info["url"]},
        "filter": applied,
        "ignored_parameters": [name for name, _label, _value in mission_filter.ignored],
        "last_modified": last_modified.isoformat() if last_modified else None,
        "csv": file_url(index, request, resource.slug, "csv", applied),
        "datapackage": with_query(
            index.get_full_url(request) + file_path(index, "datapackage"), applied
        ),
        "data_dictionary": index.get_full_url(request) + index.reverse_subpage("data_dictionary"),
        "columns": resource.header,
    }


def datapackage(index, request, mission_filter, last_modified):
    """A Frictionless tabular Data Package whose resources are this filter's CSV files."""
    applied = mission_filter.applied
    info = licence(request)
    language = index.locale.language_code
    resources = []
    for resource in RESOURCES.values():
        resources.append(
            {
                "name": resource.name,
                "path": file_url(index, request, resource.slug, "csv", applied),
                "title": str(resource.title),
                "description": str(resource.description),
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "dialect": {"delimiter": ",", "header": True},
                "schema": resource.table_schema(),
            }
        )
    return {
        "profile": "tabular-data-package",
        "name": f"missions-{language}",
        "title": _("Official missions abroad: costs and results"),
        "description": _(
            "Every published official trip abroad of the office, what it cost, who paid and "
            "what came of it. Three tables joined by mission_id."
        ),
        "homepage": with_query(index.get_full_url(request), applied),
        "language": language,
        "filter": applied,
        "version": SCHEMA_VERSION,
        "created": timezone.now().astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "last_modified": last_modified.isoformat() if last_modified else None,
        "licenses": [{"title": info["name"], "path": info["url"]}],
        "contributors": [{"title": info["publisher"], "role": "publisher"}],
        "resources": resources,
    }
