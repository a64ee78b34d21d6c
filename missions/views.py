"""The missions index and its sub-routes (the feed; the open data is home/opendata's views).

MissionIndexPage routes its addresses to these functions (missions/routes/index.py, see
home/routing.py), so every address lives under the index page, in the reader's language:
/es/misiones/data/missions.csv, /en/missions/data-dictionary/, … Each view takes the index
page first. These views import the models; the models never import them.
"""

from functools import cache

from django.http import HttpResponse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _

from home.cache.fragments import fragment
from home.formats import format_clp, format_count
from home.opendata.together import read_together
from home.pagination import paginate
from home.params import mark_ignored
from home.routing import render_page
from returns.emissions import (
    emission_totals_from,
    emission_totals_part,
    emissions_chart,
    format_tonnes,
)
from returns.months import gaps, month_grid

from .charts import charts
from .feeds import MissionFeed
from .filters import MissionFilter, MissionFilterForm
from .models import ReportStatus
from .models.choices import report_status_label
from .opendata.datasets import MissionsDataset

PER_PAGE = 25
REPORT_BADGES = {
    ReportStatus.SUBMITTED: "ok",
    ReportStatus.OVERDUE: "bad",
    ReportStatus.PENDING: "warn",
    ReportStatus.NOT_DUE: "neutral",
    ReportStatus.WITHDRAWN: "neutral",
}


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


def _months(index, mission_filter):
    """The chosen year's (else this year's) months: trips, a no-trips statement, or a gap."""
    year = int(mission_filter.cleaned.get("year") or timezone.localdate().year)
    months = month_grid(year, index.locale)
    return {"grid_year": year, "months": months, "month_gaps": gaps(months)}


def _summary(mission_filter):
    """Totals, charts and last update of the filter's missions (cached until they change)."""
    counted = mission_filter.counted()
    days = mission_filter.report_days
    # The totals, the emissions and the last change, read in one query.
    figures = read_together(
        **counted.totals_parts(),
        emissions=emission_totals_part(counted),
        **mission_filter.missions().freshness_parts(days),
    )
    totals = {**counted.totals_from(figures), "emissions_kg": emission_totals_from(figures)["kg"]}
    last_modified, listed = counted.freshness_from(figures, days)
    return {
        "totals": _totals(totals),
        "counted": totals["count"],
        "listed": listed,  # the listing's missions, withdrawn ones included
        "charts": [*charts(counted), *filter(None, [emissions_chart(counted)])],
        "last_modified": last_modified,
    }


def index_context(index, request):
    mission_filter = MissionFilter(index, request.GET, request)
    filters = {k: v for k, v in mission_filter.applied.items() if k != "sort"}

    @cache
    def summary():
        return mission_filter.cached(
            ("summary", sorted(filters.items())), lambda: _summary(mission_filter)
        )

    @cache
    def listing():
        notices = mission_filter.notices()
        listed = mission_filter.ordered(
            mission_filter.missions().with_listing_totals().prefetch_related("destinations")
        )
        # The summary has counted the listing's missions (read with its totals).
        page_obj = paginate(
            listed, request.GET.get("page"), PER_PAGE, notices, count=summary()["listed"]
        )
        return {
            "notices": notices,
            "page_obj": page_obj,
            "paginator": page_obj.paginator,
            "total_display": format_count(page_obj.paginator.count),
            "rows": [_row(mission) for mission in page_obj.object_list],
            "withdrawn_listed": page_obj.paginator.count - summary()["counted"],
        }

    grid_year = mission_filter.cleaned.get("year")
    return {
        # Everything below the page's title and introduction is kept once per content
        # generation and selection ({% cache %} in the template), and so is the feed's link in
        # the head: what they read is lazy, and read only when a kept part is made again.
        "filter_form": SimpleLazyObject(lambda: mission_filter.form),
        "filter_fields": SimpleLazyObject(
            lambda: [
                mission_filter.form[name] for name in (*MissionFilterForm.FILTER_FIELDS, "sort")
            ]
        ),
        "is_filtered": mission_filter.is_filtered,
        **{
            name: SimpleLazyObject(lambda name=name: listing()[name])
            for name in ("notices", "page_obj", "paginator", "total_display", "rows")
        },
        "withdrawn": SimpleLazyObject(lambda: {"listed": listing()["withdrawn_listed"]}),
        **{
            name: SimpleLazyObject(lambda name=name: summary()[name])
            for name in ("totals", "charts")
        },
        # In a dict, so that the template's date filters are given the datetime itself.
        "last_modified": SimpleLazyObject(lambda: {"at": summary()["last_modified"]}),
        "open_data": SimpleLazyObject(
            lambda: MissionsDataset(index, request).links(mission_filter.applied)
        ),
        "methodology_url": SimpleLazyObject(
            lambda: index.url + index.reverse_subpage("carbon_methodology")
        ),
        "fragment": fragment(
            index.pk,
            mission_filter.report_days,
            sorted(mission_filter.applied.items()),
            sorted(request.GET.lists()),  # the pagination links keep the whole query
        ),
        "summary_fragment": fragment(index.pk, mission_filter.report_days, sorted(filters.items())),
        "grid_year": int(grid_year or timezone.localdate().year),
        **{
            name: SimpleLazyObject(lambda name=name: _kept_months(index, mission_filter)[name])
            for name in ("months", "month_gaps")
        },
    }


def _kept_months(index, mission_filter):
    return mission_filter.cached(
        ("months", mission_filter.cleaned.get("year")), lambda: _months(index, mission_filter)
    )


def listing(page, request):
    """The index page itself: its listing, filters, totals, charts and open-data links."""
    return render_page(page, request, index_context(page, request))


def feed(index, request):
    """The Atom feed, kept while the missions are unchanged (``MissionFilter.cached``) for its
    address: its links are absolute, and its filter comes from the query string."""
    mission_filter = MissionFilter(index, request.GET, request)

    def render():
        response = MissionFeed(index, mission_filter)(request)
        return response.content, response["Content-Type"], response.get("Last-Modified")

    address = (request.scheme, request.get_host(), request.get_full_path())
    content, content_type, last_modified = mission_filter.cached(("feed", *address), render)
    response = HttpResponse(content, content_type=content_type)
    if last_modified:
        response.headers["Last-Modified"] = last_modified
    return mark_ignored(response, [name for name, _label, _value in mission_filter.ignored])
