"""The missions dataset on the shared open-data mechanism (home/opendata): three tables that
follow the missions index's filter, served under the index page (missions/routes/index.py)."""

from decimal import Decimal

from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from home.cache import rows_generation
from home.opendata import chunks, files
from home.opendata.dataset import Dataset, with_query
from home.opendata.together import Rows

from ..filters import MissionFilter, MissionFilterForm
from ..models import CostLine, MissionResult
from . import rows
from .schema import COST_LINES, MISSIONS, RESULTS, SCHEMA_VERSION


class MissionsDataset(Dataset):
    name = "missions"
    title = _("Official missions abroad: costs and results")
    description = _(
        "Every published official trip abroad of the office, what it cost, who paid and "
        "what came of it. Three tables joined by mission_id."
    )
    resources = (MISSIONS, COST_LINES, RESULTS)
    index_page = "missions.MissionIndexPage"
    version = SCHEMA_VERSION
    dictionary_template = "missions/data_dictionary.html"
    filter_names = (*MissionFilterForm.FILTER_FIELDS, "sort")
    # Half a second at 5,000 missions (2.4 MB); the JSON (5.9 MB) is kept after its first
    # download, not warmed: more than twice the CSV's CPU for fewer readers.
    warm_after_change = (f"{MISSIONS.slug}.csv",)

    @cached_property
    def filter(self):
        # The files show no form: the option lists are read only for a parameter needing them.
        return MissionFilter(self.index, self.params, self.request)

    @property
    def applied(self):
        return self.filter.applied

    @property
    def ignored(self):
        return [name for name, _label, _value in self.filter.ignored]

    def ignored_reason(self, name):
        return self.filter.reasons.get(name)

    def missions(self):
        return self.filter.missions()

    def freshness(self):
        if not self.filter.is_filtered:  # all the missions: read once, for the cache key too
            return self.filter.base_freshness
        return self.missions().freshness(days=self.filter.report_days, today=self.filter.today)

    def rows(self, resource):
        missions = self.missions()
        if resource is MISSIONS:
            return self._mission_rows(missions)
        if resource is COST_LINES:
            return rows.cost_line_rows(missions.values("pk"))
        return rows.result_rows(
            missions.values("pk"), locale_id=self.index.locale_id, request=self.request
        )

    def _mission_rows(self, missions):
        return rows.mission_rows(
            missions, self.language, self.index.get_full_url(self.request), self.filter.ordering
        )

    def kept_csv(self, resource):
        """The missions table's rows kept per chunk: a mission's row changes only with its own
        publication (its stamp) or with a change of the rows generation (home/cache/)."""
        if resource is not MISSIONS:
            return None
        current = rows_generation()
        if current is None:
            return None
        missions, ordering = self.missions(), self.filter.ordering
        index_url = self.index.get_full_url(self.request)
        # The date and the report deadline are in each row's stamp, as its report status.
        vary_on = (current, self.name, self.version, resource.slug, self.language, index_url)

        def rows_for(pks):
            chosen = missions if pks is None else missions.filter(pk__in=pks)
            return rows.keyed_mission_rows(chosen, self.language, index_url, ordering)

        return chunks.kept_text(
            chunks.chunked(rows.mission_stamps(missions, ordering), vary_on),
            rows_for,
            files.csv_writer(resource),
        )

    def page(self, resource, offset, limit, key=None):
        """A window of rows read by the database (LIMIT/OFFSET), in the files' order: the
        queries are the same whatever the offset and the page size."""
        window = slice(offset, offset + limit)
        missions = self.missions()
        if resource is MISSIONS:
            # Only a cost sort needs a figure, the total (as with_totals() computes it).
            ordered = self.filter.ordered(missions.with_total_cost())
            if key:
                ordered = ordered.filter(translation_key=key)
            # The window's ids first (only a cost sort computes a total for every mission),
            # then its rows with all their figures: SQLite would otherwise compute every
            # figure of every mission before the OFFSET.
            pks = list(ordered.values_list("pk", flat=True)[window])
            return list(self._mission_rows(missions.filter(pk__in=pks)))
        if resource is COST_LINES:
            return list(rows.cost_line_rows(missions.values("pk"), window=window, key=key))
        return list(
            rows.result_rows(
                missions.values("pk"),
                locale_id=self.index.locale_id,
                request=self.request,
                window=window,
                key=key,
            )
        )

    def figure_parts(self):
        missions = self.missions()
        pks = missions.values("pk")
        return {
            **missions.freshness_parts(days=self.filter.report_days),
            "cost_lines": Rows(CostLine.objects.filter(page__in=pks)),
            "results": Rows(MissionResult.objects.filter(page__in=pks)),
        }

    def figures_from(self, read):
        last_modified, count = self.missions().freshness_from(read, days=self.filter.report_days)
        counts = {MISSIONS.slug: count, COST_LINES.slug: read["cost_lines"]}
        return last_modified, {**counts, RESULTS.slug: read["results"]}

    def row_count(self, resource):
        pks = self.missions().values("pk")
        if resource is MISSIONS:
            return self.missions().count()
        model = CostLine if resource is COST_LINES else MissionResult
        return model.objects.filter(page__in=pks).count()

    def totals(self):
        """The figures the index page shows for this filter (withdrawn missions not counted)."""

        def compute():
            return {
                name: float(value) if isinstance(value, Decimal) else value
                for name, value in self.filter.counted().totals().items()
            }

        # Cached until the missions change, as the index page's summary is (MissionFilter).
        return self.filter.cached(("api-totals", sorted(self.applied.items())), compute)

    def links(self, applied=None):
        links = super().links(applied)
        applied = self.applied if applied is None else applied
        links["feed"] = with_query(self.index.url + self.index.reverse_subpage("feed"), applied)
        links["extra"] = [{"url": links["feed"], "label": _("Atom feed of new missions")}]
        return links


DATASETS = (MissionsDataset,)
