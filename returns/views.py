"""Public pages of the return: the objectives overview, an objective's page, the needs list
(routes of the objectives page, returns/routes/objectives.py) and the carbon methodology (a
route of the missions index). Each view takes its page first (home/routing.py)."""

from urllib.parse import urlencode

from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from home.cache.fragments import page_fragment
from home.pages import per_request, public_index_page
from home.pagination import MISSIONS_PER_PAGE, paginate
from home.params import QueryParams
from home.routing import render_page
from missions.models import MissionIndexPage

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
    factors = per_request(
        ("emission-factors",), lambda: list(EmissionFactor.objects.all()), shared=True
    )
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
    return list(standing.years())


def _kept(name, index, compute, *parts):
    """``compute()``'s figures, kept across requests while the content generation is
    unchanged (home/cache/shared.py): exact, as every save, publication, withdrawal, view
    restriction or translation bumps it. The key holds the page, the day (an agreement's
    status follows its dates), the language (labels and words) and the reader's choices."""
    key = ("returns", name, index.pk, timezone.localdate(), get_language(), *parts)
    return per_request(key, compute, shared=True)


def objectives_overview(index, request):
    """Every objective side by side: missions, cost, results achieved, value, emissions."""
    year, notices = _period(request)

    def compute():
        every_year = standing_missions()
        standing = every_year.in_year(year) if year else every_year
        rows = overview(index.locale_id, standing)
        return {"rows": rows, "years": _years(every_year), "chart": overview_chart(rows)}

    figures = _kept("overview", index, compute, year)
    rows = [dict(row) for row in figures["rows"]]  # the kept rows stay as they were
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
            "years": figures["years"],
            "notices": notices,
            "chart": figures["chart"],
            "needs_url": index.url + index.reverse_subpage("needs"),
        },
    )


def objective_page(index, request, objective):
    """One objective: what its missions cost and brought, its projects' needs, its sections."""
    year, notices = _period(request)

    def compute():
        every_year = standing_missions()
        standing = every_year.in_year(year) if year else every_year
        summary = objective_summary(objective, standing)
        missions = summary.pop("missions_queryset")
        projects = CityProject.objects.filter(objective=objective).order_by("title")
        return {
            **summary,
            "years": _years(every_year),
            "projects": project_needs(projects, every_year),
            "sections": sections_for(objective, missions, request),
        }

    figures = _kept("objective", index, compute, objective.pk, year)
    # The table of its missions a page at a time (hundreds at scale); the figures above it
    # are of them all, and the missions index lists them all with its filters and files.
    missions_page = paginate(
        figures["missions"], request.GET.get("page"), MISSIONS_PER_PAGE, notices
    )
    missions_index = public_index_page(MissionIndexPage, index.locale_id)
    chosen = {"objective": objective.pk, **({"year": year} if year else {})}  # the same missions
    return render_page(
        index,
        request,
        {
            "objective": objective,
            **figures,
            "page_obj": missions_page,
            "missions_index_url": (
                f"{missions_index.url}?{urlencode(chosen)}" if missions_index else None
            ),
            "year": year,
            "notices": notices,
            "record_url": index.record_full_url(objective, request),
            "needs_url": index.url + index.reverse_subpage("needs"),
            # Its body, kept for this objective, year and page while the content is unchanged.
            "body_fragment": page_fragment(
                index, request, objective.pk, sorted(request.GET.lists())
            ),
        },
        template="returns/objective_page.html",
    )


def needs_list(index, request):
    """Every city-project need, open, partly met or met, with the answers behind it."""
    state = QueryParams(request.GET).choice("state", NeedState.values)

    def compute():
        projects = project_needs(
            CityProject.objects.filter(locale=index.locale_id).order_by("title"),
            standing_missions(),
        )
        needs = [need for project in projects for need in project.needs.all()]
        counts = {value: sum(1 for n in needs if n.state == value) for value in NeedState.values}
        for project in projects:
            project.shown_needs = [n for n in project.needs.all() if not state or n.state == state]
        return {
            "projects": [project for project in projects if project.shown_needs],
            "states": [(value, label, counts[value]) for value, label in NeedState.choices],
            "needs_count": len(needs),
        }

    return render_page(
        index,
        request,
        {**_kept("needs", index, compute, state), "state": state},
        template="returns/needs_list.html",
    )
