"""Public pages of the return: the objectives overview, an objective's page, the needs list
(routes of the objectives page, returns/routes/objectives.py) and the carbon methodology (a
route of the missions index). Each view takes its page first (home/routing.py)."""

from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from home.params import QueryParams
from home.routing import render_page

from .charts import overview_chart
from .models import CityProject, EmissionFactor, NeedState
from .objectives import (
    objective_summary,
    overview,
    project_needs,
    standing_missions,
)
from .sections import sections_for


def carbon_methodology(index, request):
    """How travel emissions are estimated, with every factor in use, in the reader's language."""
    factors = list(EmissionFactor.objects.all())
    editions = sorted({factor.edition for factor in factors}, reverse=True)
    current = editions[0] if editions else None
    return TemplateResponse(
        request,
        "returns/carbon_methodology.html",
        {
            "page": index,
            "self": index,
            "edition": current,
            "factors": [factor for factor in factors if factor.edition == current],
            "older_editions": editions[1:],
            "source": next((f for f in factors if f.edition == current), None),
        },
    )


def _period(request):
    """(year or None, notices): the ?year= choice, read by the shared parser."""
    params = QueryParams(request.GET)
    year = params.year("year")
    return year, params.notices({"year": _("Year")})


def _years(standing):
    return [day.year for day in standing.dates("start_date", "year", "DESC")]


def objectives_overview(index, request):
    """Every objective side by side: missions, cost, results achieved, value, emissions."""
    year, notices = _period(request)
    every_year = standing_missions()
    standing = every_year.in_year(year) if year else every_year
    rows = overview(index.locale_id, standing)
    source_index = None
    for row in rows:
        objective = row["objective"]
        if objective.locale_id != index.locale_id:  # not translated: its page in Spanish
            source_index = source_index or index.get_translation(objective.locale_id)
            row["url"] = source_index.record_url(objective, request)
            row["lang"] = source_index.locale.language_code
        else:
            row["url"] = index.record_url(objective, request)
    return render_page(
        index,
        request,
        {
            "rows": rows,
            "year": year,
            "years": _years(every_year),
            "notices": notices,
            "chart": overview_chart(rows),
            "needs_url": index.url + index.reverse_subpage("needs"),
        },
    )


def objective_page(index, request, objective):
    """One objective: what its missions cost and brought, its projects' needs, its sections."""
    year, notices = _period(request)
    every_year = standing_missions()
    standing = every_year.in_year(year) if year else every_year
    summary = objective_summary(objective, standing)
    projects = CityProject.objects.filter(objective=objective).order_by("title")
    return render_page(
        index,
        request,
        {
            "objective": objective,
            **summary,
            "year": year,
            "years": _years(every_year),
            "projects": project_needs(projects, every_year),
            "notices": notices,
            "record_url": index.record_full_url(objective, request),
            "sections": sections_for(objective, summary["missions_queryset"], request),
            "needs_url": index.url + index.reverse_subpage("needs"),
        },
        template="returns/objective_page.html",
    )


def needs_list(index, request):
    """Every city-project need, open, partly met or met, with the answers behind it."""
    state = QueryParams(request.GET).choice("state", NeedState.values)
    projects = project_needs(
        CityProject.objects.filter(locale=index.locale_id).order_by("title"), standing_missions()
    )
    needs = [need for project in projects for need in project.needs.all()]
    counts = {value: sum(1 for need in needs if need.state == value) for value in NeedState.values}
    if state:
        for project in projects:
            project.shown_needs = [need for need in project.needs.all() if need.state == state]
    else:
        for project in projects:
            project.shown_needs = list(project.needs.all())
    return render_page(
        index,
        request,
        {
            "projects": [project for project in projects if project.shown_needs],
            "state": state,
            "states": [(value, label, counts[value]) for value, label in NeedState.choices],
            "needs_count": len(needs),
        },
        template="returns/needs_list.html",
    )
