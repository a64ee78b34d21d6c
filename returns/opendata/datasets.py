"""The return's dataset on the shared open-data mechanism, served under the objectives page."""

from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from directory.models import StrategicObjective
from home.deadlines import report_days
from home.opendata.dataset import Dataset
from home.opendata.together import Earliest, Rows, read_together
from home.pages import default_locale

from ..models import CityProject, NeedState, ProjectNeed, TravelLeg
from ..months import month_grids
from ..objectives import overview, project_needs, standing_missions
from .schema import MONTHS, NEEDS, OBJECTIVES, PROJECTS, TRAVEL_LEGS


class ReturnDataset(Dataset):
    name = "return"
    title = _("The return: objectives, project needs, travel emissions, months")
    description = _(
        "What international work brought each city objective, the needs of city projects and "
        "their answers, the estimated emissions of official travel, and each month's trips or "
        "no-trips statement. Joins the missions dataset by mission_id and result_id."
    )
    resources = (OBJECTIVES, PROJECTS, NEEDS, TRAVEL_LEGS, MONTHS)
    index_page = "returns.ObjectiveIndexPage"
    # 2: project_needs gained answering_agreement_ids; 3: project_unit (last); 4: city_projects,
    # so that a project with no needs is listed too
    version = "4"

    def _locale_projects(self):
        """The city projects of this index's language: what the projects table lists."""
        return CityProject.objects.filter(locale=self.index.locale_id)

    @staticmethod
    def _legs(standing):
        """The travel legs of the ``standing`` missions: what the travel-legs table lists."""
        return TravelLeg.objects.filter(page__in=standing.values("pk"))

    @cached_property
    def _tables(self):
        return {}  # the small tables' rows, read once for this selection (rows())

    def freshness(self):
        missions = standing_missions()
        days = report_days()
        read = read_together(
            **missions.freshness_parts(days), projects=Rows(self._locale_projects())
        )
        last, count = missions.freshness_from(read, days)
        return last, count + read["projects"]

    def figure_parts(self):
        """``freshness()``'s last change and the number of rows each table's generator
        yields, counted in the database instead of by building every row."""
        standing = standing_missions()
        projects = self._locale_projects()
        return {
            **standing.freshness_parts(report_days()),
            "objectives": Rows(StrategicObjective.objects.filter(locale=default_locale())),
            "projects": Rows(projects),
            "needs": Rows(ProjectNeed.objects.filter(project__in=projects.values("pk"))),
            "legs": Rows(self._legs(standing)),
            "earliest": Earliest(standing, "start_date"),
        }

    def figures_from(self, read):
        last_modified, _count = standing_missions().freshness_from(read, report_days())
        today = timezone.localdate()
        start = read["earliest"] or today
        months = (today.year - start.year) * 12 + today.month - start.month + 1
        return last_modified, {
            OBJECTIVES.slug: read["objectives"],
            PROJECTS.slug: read["projects"],
            NEEDS.slug: read["needs"],
            TRAVEL_LEGS.slug: read["legs"],
            MONTHS.slug: months,
        }

    def rows(self, resource):
        if resource is TRAVEL_LEGS:  # one row per leg: streamed
            return self._travel_legs()
        # The other tables have a row per objective, project, need or month: read once for a
        # selection, so that the API's page and its count come from the same reading.
        if resource.name not in self._tables:
            self._tables[resource.name] = list(getattr(self, f"_{resource.name}")())
        return iter(self._tables[resource.name])

    def row_count(self, resource):
        if resource is TRAVEL_LEGS:
            return self._legs(standing_missions()).count()
        return len(list(self.rows(resource)))

    def _objectives(self):
        for row in overview(self.index.locale_id, standing_missions()):
            yield {
                "objective_id": str(row["objective"].translation_key),
                "code": row["objective"].code,
                "title": row["objective"].title,
                "missions": row["missions"],
                "total_cost_clp": row["total_cost"],
                "municipal_cost_clp": row["municipal_cost"],
                "results_achieved": row["results_achieved"],
                "value_obtained_clp": row["value"],
                "value_per_municipal_peso": row["ratio"],
                "emissions_kg_co2e": row["kg"],
            }

    def _projects(self):
        projects = self._locale_projects().order_by("title")
        return project_needs(projects, standing_missions())

    def _city_projects(self):
        for project in self._projects():
            states = [need.state for need in project.needs.all()]
            yield {
                "project_id": str(project.translation_key),
                "title": project.title,
                "unit": project.unit,
                "status": project.status,
                "objective_id": str(project.objective.translation_key),
                "needs": len(states),
                "needs_met": states.count(NeedState.MET),
                "needs_partly_met": states.count(NeedState.PARTLY_MET),
                "needs_open": states.count(NeedState.OPEN),
            }

    def _project_needs(self):
        for project in self._projects():
            for need in project.needs.all():
                yield {
                    "need_id": str(need.translation_key),
                    "project_id": str(project.translation_key),
                    "project": project.title,
                    "project_status": project.status,
                    "objective_id": str(project.objective.translation_key),
                    "kind": need.kind,
                    "description": need.description,
                    "amount_clp": need.amount_clp,
                    "state": need.state,
                    "answering_result_ids": "; ".join(
                        str(answer.translation_key) for answer in need.answers
                    ),
                    "answering_agreement_ids": "; ".join(
                        str(agreement.translation_key) for agreement in need.agreements
                    ),
                    "project_unit": project.unit,
                }

    def _travel_legs(self):
        legs = self._legs(standing_missions()).order_by("page__start_date", "page_id", "sort_order")
        for leg in legs.values(
            "translation_key",
            "page__translation_key",
            "mode",
            "origin",
            "destination",
            "cabin_class",
            "travellers",
            "return_trip",
            "distance_km",
            "haul",
            "emissions_kg",
            "emissions_kg_without_rf",
            "factor__edition",
        ).iterator():
            yield {
                "leg_id": str(leg["translation_key"]),
                "mission_id": str(leg["page__translation_key"]),
                "mode": leg["mode"],
                "origin": leg["origin"],
                "destination": leg["destination"],
                "cabin_class": leg["cabin_class"],
                "travellers": leg["travellers"],
                "return_trip": leg["return_trip"],
                "distance_km": leg["distance_km"],
                "haul": leg["haul"],
                "emissions_kg_co2e": leg["emissions_kg"],
                "emissions_kg_co2e_without_rf": leg["emissions_kg_without_rf"],
                "factor_edition": leg["factor__edition"],
            }

    def _travel_months(self):
        earliest = standing_missions().order_by("start_date").values_list("start_date", flat=True)
        start = earliest.first() or timezone.localdate()
        today = timezone.localdate()
        for month in month_grids(start.year, today.year, self.index.locale, today):
            if month.month < start.replace(day=1) or month.month > today:
                continue
            statement = month.statement
            yield {
                "month": month.month.strftime("%Y-%m"),
                "state": month.state,
                "missions": month.missions,
                "statement_signed_by": statement.signed_by if statement else "",
                "statement_signed_on": statement.signed_on if statement else None,
            }


DATASETS = (ReturnDataset,)
