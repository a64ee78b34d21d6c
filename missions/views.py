"""The missions index and its sub-routes (open data, data dictionary, feed).

MissionIndexPage routes its addresses to these functions (missions/routes/index.py, see
home/routing.py), so every address lives under the index page, in the reader's language:
/es/misiones/data/missions.csv, /en/missions/data-dictionary/, … Each view takes the index
page first. These views import the models; the models never import them.
"""

from django.http import Http404, JsonResponse, StreamingHttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response
from django.utils.http import http_date
from django.utils.translation import gettext as _
from wagtail.views import serve

from home.formats import format_clp, format_count
from home.pagination import paginate
from home.params import mark_ignored
from home.routing import render_page
from returns.emissions import emission_totals, emissions_chart, format_tonnes
from returns.months import gaps, month_grid

from .charts import charts
from .feeds import MissionFeed
from .filters import MissionFilter, MissionFilterForm
from .models import ReportStatus
from .models.choices import report_status_label
from .opendata import files, package, rows
from .opendata.schema import RESOURCES

PER_PAGE = 25
REPORT_BADGES = {
    ReportStatus.SUBMITTED: "ok",
    ReportStatus.OVERDUE: "bad",
    ReportStatus.PENDING: "warn",
    ReportStatus.NOT_DUE: "neutral",
    ReportStatus.WITHDRAWN: "neutral",
}
CONTENT_TYPES = {"csv": "text/csv; charset=utf-8", "json": "application/json; charset=utf-8"}


def _row(mission):
    return {
        "page": mission,
        "destinations": list(mission.destinations.all()),
        "total_cost": format_clp(mission.total_cost_clp),
        "municipal_cost": format_clp(mission.municipal_cost_clp),
        "results": (mission.results_achieved, mission.results_count),
        "report_label": report_status_label(mission.report_status, mission.start_date),
        "report_badge": REPORT_BADGES.get(mission.report_status, "neutral"),
    }


def _totals(totals):
    return [
        (_("Missions"), format_count(totals["count"])),
        (_("Total cost"), format_clp(totals["total_cost_clp"])),
        (_("Cost to the municipality"), format_clp(totals["municipal_cost_clp"])),
        (_("Paid by others"), format_clp(totals["others_cost_clp"])),
        (_("Results achieved"), format_count(totals["results_achieved"])),
        (_("Value obtained"), format_clp(totals["value_obtained_clp"])),
        (_("Estimated emissions of travel"), format_tonnes(totals["emissions_kg"])),
    ]


def _links(index, applied):
    base = index.url

    def file_link(slug, fmt):
        path = package.file_path(index, "open_data", resource=slug, fmt=fmt)
        return package.with_query(base + path, applied)

    return {
        "files": [
            {"resource": resource, "csv": file_link(slug, "csv"), "json": file_link(slug, "json")}
            for slug, resource in RESOURCES.items()
        ],
        "datapackage": package.with_query(base + package.file_path(index, "datapackage"), applied),
        "dictionary": base + index.reverse_subpage("data_dictionary"),
        "feed": package.with_query(base + index.reverse_subpage("feed"), applied),
    }


def _months(index, mission_filter):
    """The chosen year's (else this year's) months: trips, a no-trips statement, or a gap."""
    year = int(mission_filter.cleaned.get("year") or timezone.localdate().year)
    months = month_grid(year, index.locale)
    return {"grid_year": year, "months": months, "month_gaps": gaps(months)}


def _summary(mission_filter):
    """Totals, charts and last update of the filter's missions (cached until they change)."""
    counted = mission_filter.counted()
    totals = {**counted.totals(), "emissions_kg": emission_totals(counted)["kg"]}
    last_modified, _count = mission_filter.missions().freshness(days=mission_filter.report_days)
    return {
        "totals": _totals(totals),
        "counted": totals["count"],
        "charts": [*charts(counted), *filter(None, [emissions_chart(counted)])],
        "last_modified": last_modified,
    }


def index_context(index, request):
    mission_filter = MissionFilter(index, request.GET)
    notices = mission_filter.notices()
    listed = mission_filter.ordered(
        mission_filter.missions().with_totals().prefetch_related("destinations")
    )
    page_obj = paginate(listed, request.GET.get("page"), PER_PAGE, notices)
    filters = {k: v for k, v in mission_filter.applied.items() if k != "sort"}
    summary = mission_filter.cached(
        ("summary", sorted(filters.items())), lambda: _summary(mission_filter)
    )
    return {
        "filter_form": mission_filter.form,
        "filter_fields": [
            mission_filter.form[name] for name in (*MissionFilterForm.FILTER_FIELDS, "sort")
        ],
        "is_filtered": mission_filter.is_filtered,
        "notices": notices,
        "page_obj": page_obj,
        "paginator": page_obj.paginator,
        "total_display": format_count(page_obj.paginator.count),
        "rows": [_row(mission) for mission in page_obj.object_list],
        "totals": summary["totals"],
        "withdrawn_listed": page_obj.paginator.count - summary["counted"],
        "charts": summary["charts"],
        "open_data": _links(index, mission_filter.applied),
        "last_modified": summary["last_modified"],
        "methodology_url": index.url + index.reverse_subpage("carbon_methodology"),
        **_months(index, mission_filter),
    }


def _not_modified_or(request, last_modified, tag, response_factory):
    timestamp = int(last_modified.timestamp()) if last_modified else None
    response = get_conditional_response(request, etag=tag, last_modified=timestamp)
    if response is None:
        response = response_factory()
    if timestamp is not None:
        response.headers["Last-Modified"] = http_date(timestamp)
    response.headers["ETag"] = tag
    response.headers["Access-Control-Allow-Origin"] = "*"
    return response


def _state(index, request, mission_filter, name, last_modified, count):
    settings = package.licence(request)
    return package.etag(
        name,
        index.pk,
        sorted(mission_filter.applied.items()),
        count,
        last_modified.isoformat() if last_modified else "",
        settings["name"],
        settings["url"],
    )


def listing(page, request):
    """The index page itself: its listing, filters, totals, charts and open-data links."""
    return render_page(page, request, index_context(page, request))


def open_data(index, request, resource, fmt):
    slug = resource
    resource = RESOURCES.get(slug)
    if resource is None or fmt not in CONTENT_TYPES:
        raise Http404
    mission_filter = MissionFilter(index, request.GET)
    missions = mission_filter.missions()
    last_modified, count = missions.freshness(days=mission_filter.report_days)
    tag = _state(index, request, mission_filter, f"{slug}.{fmt}", last_modified, count)
    ignored = [name for name, _label, _value in mission_filter.ignored]

    def stream():
        if resource.name == "missions":
            data = rows.mission_rows(
                mission_filter.ordered(missions.with_totals()),
                index.locale.language_code,
                index.get_full_url(request),
            )
        elif resource.name == "cost_lines":
            data = rows.cost_line_rows(missions.values("pk"))
        else:
            data = rows.result_rows(
                missions.values("pk"), locale_id=index.locale_id, request=request
            )
        if fmt == "csv":
            content = files.csv_stream(resource, data)
        else:
            metadata = package.json_metadata(
                index, request, resource, mission_filter, last_modified
            )
            content = files.json_stream(resource, data, metadata)
        response = StreamingHttpResponse(content, content_type=CONTENT_TYPES[fmt])
        if fmt == "csv":
            filename = f"{resource.slug}-{index.locale.language_code}.csv"
            response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
        # JSON names them in its metadata ("ignored_parameters"); CSV gets a "# " first line.
        return mark_ignored(response, ignored, "# " if fmt == "csv" else None)

    return _not_modified_or(request, last_modified, tag, stream)


def datapackage(index, request):
    mission_filter = MissionFilter(index, request.GET)
    last_modified, count = mission_filter.missions().freshness(days=mission_filter.report_days)
    tag = _state(index, request, mission_filter, "datapackage", last_modified, count)
    response = _not_modified_or(
        request,
        last_modified,
        tag,
        lambda: JsonResponse(
            package.datapackage(index, request, mission_filter, last_modified),
            json_dumps_params={"ensure_ascii": False, "indent": 2},
        ),
    )
    return mark_ignored(response, [name for name, _label, _value in mission_filter.ignored])


def data_dictionary(index, request):
    resources = []
    for slug, resource in RESOURCES.items():
        columns = [
            {
                "column": column,
                "type": column.type_label(),
                "values": list(column.choices.choices) if column.choices else [],
            }
            for column in resource.columns
        ]
        resources.append({"resource": resource, "slug": slug, "columns": columns})
    return TemplateResponse(
        request,
        "missions/data_dictionary.html",
        {
            "page": index,
            "self": index,
            "resources": resources,
            "open_data": _links(index, {}),
            "dictionary_url": index.get_full_url(request)
            + index.reverse_subpage("data_dictionary"),
        },
    )


def serve_data_file(request, path):
    """Wagtail's page router for addresses ending in a file name (…/data/missions.csv).

    Wagtail's own URL pattern only accepts paths ending in a slash; this one hands the
    path, with the slash its router expects, to the same view, so page privacy and the
    language prefix apply as to any page.
    """
    return serve(request, path + "/")


def feed(index, request):
    feed = MissionFeed(index)
    response = feed(request)
    return mark_ignored(response, [name for name, _label, _value in feed.mission_filter.ignored])
