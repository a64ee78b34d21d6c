"""The standards dataset on the shared open-data mechanism (home/opendata): the standards and
their measurements, one row per period, the periods without data included, explicitly.

Column names follow the spirit of Canada's service-standard data (target, volume meeting
target, total volume, performance, target met); ``status`` adds the explicit "no_data".
"""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from home.deadlines import standards_grace_days
from home.opendata.dataset import Dataset
from home.opendata.schema import BOOLEAN, DATE, NUMBER, STRING, Column, Resource
from home.opendata.together import Latest, Rows, read_together
from home.translated import in_locale

from .choices import ActionStatus, Channel, ComputedFrom, Direction, Frequency, Status, Unit
from .models import StandardMeasurement, StandardPage

SCHEMA_VERSION = "1"
UUID = "uuid"

STANDARDS = Resource(
    name="standards",
    slug="standards",
    title=_("Service standards"),
    description=_("One row per standard: the commitment, its target and its current state."),
    primary_key="standard_id",
    columns=(
        Column(
            "standard_id",
            STRING,
            _("Stable identifier of the standard (same in both languages)."),
            format=UUID,
            required=True,
        ),
        Column("title", STRING, _("The standard's title."), required=True),
        Column("commitment", STRING, _("What the office promises, in plain words.")),
        Column("indicator", STRING, _("What is measured.")),
        Column("formula", STRING, _("How the indicator is computed.")),
        Column(
            "target", NUMBER, _("The target value, in the unit of the standard."), required=True
        ),
        Column("unit", STRING, _("Unit of the target and of the performance."), choices=Unit),
        Column(
            "direction",
            STRING,
            _("Whether a higher or a lower value is better."),
            choices=Direction,
        ),
        Column("frequency", STRING, _("How often the standard is measured."), choices=Frequency),
        Column("measured_since", DATE, _("First day the commitment applies.")),
        Column("responsible_unit", STRING, _("Unit of the office responsible for the standard.")),
        Column(
            "channel",
            STRING,
            _("Where the service is given (empty when not applicable)."),
            choices=Channel,
        ),
        Column("data_source", STRING, _("Where the figures come from.")),
        Column("verification", STRING, _("Where anyone can check the figures.")),
        Column("redress", STRING, _("What a citizen can do when the commitment is not kept.")),
        Column(
            "computed_from",
            STRING,
            _("Empty when typed; otherwise the site's records it is counted from."),
            choices=ComputedFrom,
        ),
        Column(
            "objectives", STRING, _("Codes of the strategic objectives served, separated by “; ”.")
        ),
        Column(
            "current_period_start", DATE, _("First day of the period whose state is shown now.")
        ),
        Column("current_status", STRING, _("State of that period."), choices=Status),
        Column(
            "compliance_12_months",
            NUMBER,
            _(
                "Share of the periods ended in the last 12 months that met the target (0 to 1); empty without any period."
            ),
            minimum=0,
        ),
        Column("url", STRING, _("Address of the standard's page."), format="uri"),
    ),
)

MEASUREMENTS = Resource(
    name="standard_measurements",
    slug="measurements",
    title=_("Service standard measurements"),
    description=_(
        "One row per standard and ended period, including the periods without a "
        "measurement (status no_data)."
    ),
    primary_key="measurement_id",
    foreign_keys=(("standard_id", "standards", "standard_id"),),
    columns=(
        Column(
            "measurement_id",
            STRING,
            _("Standard identifier and period start, joined by “/”."),
            required=True,
        ),
        Column(
            "standard_id",
            STRING,
            _("The standard measured (see the standards table)."),
            format=UUID,
            required=True,
        ),
        Column("period_start", DATE, _("First day of the period."), required=True),
        Column("period_end", DATE, _("Last day of the period."), required=True),
        Column("target", NUMBER, _("The standard's target.")),
        Column(
            "volume_meeting_target",
            NUMBER,
            _("Cases that met the commitment (for a percentage)."),
            minimum=0,
        ),
        Column(
            "total_volume", NUMBER, _("All the cases of the period (for a percentage)."), minimum=0
        ),
        Column(
            "performance",
            NUMBER,
            _("The measured value, in the standard's unit; empty without data."),
        ),
        Column("target_met", BOOLEAN, _("Whether the target was met; empty without data.")),
        Column(
            "status",
            STRING,
            _("Met, not met, or no data (a period ended without a measurement)."),
            choices=Status,
            required=True,
        ),
        Column("note", STRING, _("Note on the measurement.")),
        Column("source_url", STRING, _("Link to the source of the figure."), format="uri"),
        Column("reason_not_met", STRING, _("Why the target was not met.")),
        Column("action_taken", STRING, _("What was done about it.")),
        Column("action_date", DATE, _("When the action was taken.")),
        Column("action_status", STRING, _("Where the action stands."), choices=ActionStatus),
        Column(
            "computed_from_records",
            BOOLEAN,
            _("True when counted from the site's records, not typed."),
        ),
    ),
)


def _number(value):
    return value if value not in (None, "") else None


class StandardsDataset(Dataset):
    name = "standards"
    title = _("Service standards and their measurements")
    description = _(
        "The office's public commitments, their targets and every period's measurement, "
        "met or not, with the reasons and actions. Two tables joined by standard_id."
    )
    resources = (STANDARDS, MEASUREMENTS)
    index_page = "standards.StandardIndexPage"
    version = SCHEMA_VERSION

    def standards(self):
        return list(
            StandardPage.objects.child_of(self.index)
            .live()
            .public()
            .with_history()
            .prefetch_related("objectives")
            .order_by("title")
        )

    def freshness(self):
        standards = StandardPage.objects.child_of(self.index).live().public()
        read = read_together(
            published=Latest(standards, "last_published_at"),
            measured=Latest(
                StandardMeasurement.objects.filter(page__in=standards.values("pk")), "updated_at"
            ),
            standards=Rows(standards),
        )
        moments = [m for m in (read["published"], read["measured"]) if m]
        # The day is part of the count: a period that ends adds a "no data" row by itself.
        count = read["standards"] * 100000 + timezone.localdate().toordinal()
        return (max(moments) if moments else None), count

    def figures(self):
        """``freshness()``'s last change and the row counts, from one reading of the standards
        with their measurements (two queries): the latest publication of a standard and the
        latest change of a measurement are among the rows read."""
        standards = list(StandardPage.objects.child_of(self.index).live().public().with_history())
        measurements = [row for standard in standards for row in standard.measurements.all()]
        moments = [standard.last_published_at for standard in standards]
        moments += [row.updated_at for row in measurements]
        moments = [moment for moment in moments if moment]
        return (max(moments) if moments else None), {
            STANDARDS.slug: len(standards),
            MEASUREMENTS.slug: sum(len(standard.history()) for standard in standards),
        }

    def rows(self, resource):
        standards = self.standards()
        if resource is STANDARDS:
            return self.standard_rows(standards)
        return self.measurement_rows(standards)

    def row_count(self, resource):
        standards = self.standards()
        if resource is STANDARDS:
            return len(standards)
        return sum(len(standard.history()) for standard in standards)

    def standard_rows(self, standards):
        today = timezone.localdate()
        grace = standards_grace_days(request=self.request)
        base = self.index.get_full_url(self.request)
        codes = self.objective_codes(standards)
        for standard in standards:
            current = standard.current(today, grace)
            compliance = standard.compliance(today)["share"]
            yield {
                "standard_id": str(standard.translation_key),
                "title": standard.title,
                "commitment": standard.commitment,
                "indicator": standard.indicator,
                "formula": standard.formula,
                "target": standard.target_value,
                "unit": standard.unit,
                "direction": standard.direction,
                "frequency": standard.frequency,
                "measured_since": standard.measured_since,
                "responsible_unit": standard.responsible_unit,
                "channel": standard.channel,
                "data_source": standard.data_source,
                "verification": standard.verification,
                "redress": standard.redress,
                "computed_from": standard.computed_from,
                "objectives": "; ".join(codes[standard.pk]),
                "current_period_start": current[0].start if current else None,
                "current_status": current[2] if current else Status.NO_DATA,
                "compliance_12_months": None if compliance is None else round(compliance, 4),
                "url": base + standard.slug + "/",
            }

    def objective_codes(self, standards):
        """{standard pk: its objectives' codes, sorted}, in the index's language: the objectives
        prefetched with the standards, translated in one query for all of them."""
        linked = [(s.pk, objective) for s in standards for objective in s.objectives.all()]
        shown = in_locale([o for _pk, o in linked], self.index.locale_id, distinct=False)
        codes = {standard.pk: [] for standard in standards}
        for (pk, _objective), objective in zip(linked, shown, strict=True):
            codes[pk].append(objective.code)
        return {pk: sorted(set(found)) for pk, found in codes.items()}

    def measurement_rows(self, standards):
        today = timezone.localdate()
        for standard in standards:
            key = str(standard.translation_key)
            for period, row, status in standard.history(today):
                measured = row is not None and row.value is not None
                yield {
                    "measurement_id": f"{key}/{period.start.isoformat()}",
                    "standard_id": key,
                    "period_start": period.start,
                    "period_end": period.end,
                    "target": standard.target_value,
                    "volume_meeting_target": _number(row and row.numerator),
                    "total_volume": _number(row and row.denominator),
                    "performance": row.value if measured else None,
                    "target_met": (status == Status.MET) if measured else None,
                    "status": status,
                    "note": row.note if row else "",
                    "source_url": row.source_url if row else "",
                    "reason_not_met": row.reason if row else "",
                    "action_taken": row.action if row else "",
                    "action_date": row.action_date if row else None,
                    "action_status": row.action_status if row else "",
                    "computed_from_records": bool(row.inputs) if row else None,
                }


DATASETS = (StandardsDataset,)
