"""Mission figures computed in the database: totals, costs by payer, results by status, reports.

Every amount is a Decimal. Sums come from correlated subqueries (one per figure) rather than
joins, so a mission with five cost lines and three results is never counted fifteen times, and
listing any number of missions with ``with_totals()`` is a single query. The exact arithmetic
is in missions/models/sql.py; ``compute_figures`` is the Python twin for unsaved previews.
"""

import datetime
from datetime import timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.db import models
from django.db.models import (
    Case,
    Count,
    F,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce, NullIf
from django.utils import timezone
from wagtail.models import PageManager, PageQuerySet

from home.deadlines import report_days
from home.opendata.together import Latest, Rows, Totals, read_together

from .choices import Payer, ReportStatus, ResultStatus
from .results import MissionResult
from .rows import CostLine
from .sql import SHARE_PLACES, Quotient, Rounded, Year, line_clp, money_field
from .sql import zero as _zero


def _per_mission(queryset):
    """Restrict a child queryset to the outer mission and group it by mission."""
    return queryset.filter(page=OuterRef("pk")).order_by().values("page")


def _cost_subquery(**filters):
    lines = CostLine.objects.all()
    if "exclude_payer" in filters:
        lines = lines.exclude(payer=filters.pop("exclude_payer"))
    rows = _per_mission(lines.filter(**filters)).annotate(total=Sum(line_clp())).values("total")
    return Rounded(Coalesce(Subquery(rows, output_field=money_field()), _zero()))


def _result_count_subquery(**filters):
    rows = _per_mission(MissionResult.objects.filter(**filters)).annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(rows, output_field=IntegerField()), Value(0))


def _result_value_subquery():
    rows = (
        _per_mission(MissionResult.objects.filter(status=ResultStatus.ACHIEVED))
        .annotate(total=Sum("value_clp"))
        .values("total")
    )
    return Rounded(Coalesce(Subquery(rows, output_field=money_field()), _zero()))


RESULT_COUNT_FIELDS = {status: f"results_{status}" for status in ResultStatus.values}


class MissionQuerySet(PageQuerySet):
    """Filters and derived figures for mission pages; every method returns a queryset."""

    def withdrawn(self):
        return self.filter(withdrawn=True)

    def not_withdrawn(self):
        return self.filter(withdrawn=False)

    def in_year(self, year):
        """Missions that started in ``year`` (the year they are counted in)."""
        return self.filter(start_date__year=year)

    def years(self):
        """The years these missions started in, newest first (``dates("start_date", "year")``
        without its per-row Python function on SQLite)."""
        return (
            self.filter(start_date__isnull=False)
            .annotate(year=Year("start_date"))
            .order_by("-year")
            .values_list("year", flat=True)
            .distinct()
        )

    def with_totals(self):
        """Annotate each mission with its figures, all Decimal CLP unless stated:

        ``total_cost_clp``, ``municipal_cost_clp`` (paid by the municipality),
        ``others_cost_clp`` (paid by anyone else), ``others_share`` (others / total, a fraction
        with four decimals, NULL when the total is zero), ``cost_per_day_clp`` (total / days
        abroad), ``results_count`` and one ``results_<status>`` count per ResultStatus value
        (``results_committed``, ``results_in_progress``, ``results_achieved``,
        ``results_not_achieved``, ``results_cancelled``), and ``value_obtained_clp`` (the sum
        of the values of achieved results).
        """
        total = _cost_subquery()
        others = _cost_subquery(exclude_payer=Payer.MUNICIPALITY)
        counts = {
            name: _result_count_subquery(status=status)
            for status, name in RESULT_COUNT_FIELDS.items()
        }
        return self.annotate(
            total_cost_clp=total,
            municipal_cost_clp=_cost_subquery(payer=Payer.MUNICIPALITY),
            others_cost_clp=others,
            others_share=Rounded(Quotient(others, NullIf(total, _zero())), SHARE_PLACES),
            cost_per_day_clp=Rounded(Quotient(total, F("days_abroad"))),
            results_count=_result_count_subquery(),
            value_obtained_clp=_result_value_subquery(),
            **counts,
        )

    def with_listing_totals(self):
        """Annotate only what a table of missions shows (the index): ``total_cost_clp``,
        ``municipal_cost_clp``, ``results_count`` and ``results_achieved``, computed as
        ``with_totals`` computes them, without its eight other subqueries to build and run."""
        achieved = RESULT_COUNT_FIELDS[ResultStatus.ACHIEVED]
        return self.annotate(
            total_cost_clp=_cost_subquery(),
            municipal_cost_clp=_cost_subquery(payer=Payer.MUNICIPALITY),
            results_count=_result_count_subquery(),
            **{achieved: _result_count_subquery(status=ResultStatus.ACHIEVED)},
        )

    def with_total_cost(self):
        """Annotate ``total_cost_clp`` only, as ``with_totals`` does: for lists that show a
        mission's cost and nothing else (the search results), without the other figures'
        subqueries (a page of 10 missions: 2 ms instead of 60–80 ms on SQLite)."""
        return self.annotate(total_cost_clp=_cost_subquery())

    def with_report_status(self, today=None, days=None):
        """Annotate ``report_status``: a ReportStatus value.

        ``submitted`` when a report document is attached; ``withdrawn`` for a withdrawn mission
        without one (it owes no report, so it is never overdue); otherwise ``overdue`` once more than
        ``days`` (the site setting) have passed since the end date, ``pending`` while the trip
        is over but the report is not yet due, ``not_due`` until the trip ends.
        """
        today = today or timezone.localdate()
        days = report_days() if days is None else days
        cutoff = today - timedelta(days=days)
        return self.annotate(
            report_status=Case(
                When(report_document__isnull=False, then=Value(ReportStatus.SUBMITTED.value)),
                When(withdrawn=True, then=Value(ReportStatus.WITHDRAWN.value)),
                When(end_date__lt=cutoff, then=Value(ReportStatus.OVERDUE.value)),
                When(end_date__lt=today, then=Value(ReportStatus.PENDING.value)),
                default=Value(ReportStatus.NOT_DUE.value),
                output_field=models.CharField(),
            )
        )

    def report_overdue(self, today=None, days=None):
        """Missions that stand, without a report more than ``days`` after their end date."""
        today = today or timezone.localdate()
        days = report_days() if days is None else days
        return self.filter(
            report_document__isnull=True,
            withdrawn=False,
            end_date__lt=today - timedelta(days=days),
        )

    def cost_lines(self):
        """The cost lines of these missions, each annotated with ``amount_clp``."""
        return CostLine.objects.filter(page__in=self.values("pk")).with_clp()

    def results(self):
        return MissionResult.objects.filter(page__in=self.values("pk"))

    def totals(self):
        """Figures for the whole queryset (the index's current filter, the home page's year).

        Returns a dict: ``count``, ``days_abroad``, ``total_cost_clp``, ``municipal_cost_clp``,
        ``others_cost_clp``, ``results_count``, one ``results_<status>`` per ResultStatus value,
        and ``value_obtained_clp``. One query, whatever the number of missions.
        """
        return self.totals_from(read_together(**self.totals_parts()))

    def totals_parts(self):
        """What ``totals()`` reads, as parts of ``home.opendata.together.read_together`` (so
        that a caller reads them in the same query as its other figures): the missions, their
        cost lines and their results, each table scanned once."""
        clp = line_clp()
        municipal = Q(payer=Payer.MUNICIPALITY)
        achieved = Q(status=ResultStatus.ACHIEVED)
        return {
            "totals_pages": Totals(self, count=Count("pk"), days_abroad=Sum("days_abroad")),
            "totals_costs": Totals(
                self.cost_lines(),
                total_cost_clp=Rounded(Coalesce(Sum(clp), _zero())),
                municipal_cost_clp=Rounded(Coalesce(Sum(clp, filter=municipal), _zero())),
                others_cost_clp=Rounded(Coalesce(Sum(clp, filter=~municipal), _zero())),
            ),
            "totals_results": Totals(
                self.results(),
                results_count=Count("pk"),
                value_obtained_clp=Rounded(Coalesce(Sum("value_clp", filter=achieved), _zero())),
                **{
                    name: Count("pk", filter=Q(status=status))
                    for status, name in RESULT_COUNT_FIELDS.items()
                },
            ),
        }

    @staticmethod
    def totals_from(figures):
        """``totals()`` from the values of ``totals_parts()``."""
        pages = figures["totals_pages"]
        return {
            "count": pages["count"],
            "days_abroad": pages["days_abroad"] or 0,
            **figures["totals_costs"],
            **figures["totals_results"],
        }

    def freshness(self, days=None, today=None):
        """(last_modified, count) of these missions, for Last-Modified headers and cache keys.

        The data changes when a mission is published (new, corrected, withdrawn) and also, with
        no publication at all, on the day a trip report becomes due or overdue; the latest of
        those moments is the Last-Modified time.
        """
        days = report_days() if days is None else days
        return self.freshness_from(read_together(**self.freshness_parts(days, today)), days)

    def freshness_parts(self, days=None, today=None):
        """What ``freshness()`` reads, as parts of ``home.opendata.together.read_together``
        (so that a caller reads them in the same query as its other figures)."""
        today = today or timezone.localdate()
        days = report_days() if days is None else days
        cutoff = today - timedelta(days=days)
        no_report = self.filter(report_document__isnull=True, withdrawn=False)  # never moves
        return {
            "freshness_count": Rows(self),
            "freshness_published": Latest(self, "last_published_at"),
            "freshness_overdue_end": Latest(no_report.filter(end_date__lt=cutoff), "end_date"),
            "freshness_ended": Latest(no_report.filter(end_date__lt=today), "end_date"),
        }

    @staticmethod
    def freshness_from(figures, days=None):
        """(last_modified, count) from the values of ``freshness_parts()``."""
        days = report_days() if days is None else days
        published = figures["freshness_published"]
        moments = [published] if published else []
        if figures["freshness_overdue_end"]:
            end = figures["freshness_overdue_end"]
            moments.append(_local_midnight(end + timedelta(days=days + 1)))
        if figures["freshness_ended"]:
            moments.append(_local_midnight(figures["freshness_ended"] + timedelta(days=1)))
        return (max(moments) if moments else None), figures["freshness_count"]


def _local_midnight(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def _round(value, places):
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def compute_figures(page, lines=None):
    """Python twin of MissionQuerySet.with_totals() for a mission whose rows are in memory
    (a preview of unsaved changes, or a saved mission whose rows a page has already read:
    ``lines`` are its cost lines with the database's ``amount_clp``, see
    ``CostLineQuerySet.with_clp``). Same names, same Decimal rounding as the SQL."""
    zero = Decimal("0.00")
    total = municipal = zero
    for line in page.cost_lines.all() if lines is None else lines:
        amount = line.amount_in_clp if lines is None else line.amount_clp
        if amount is None:
            continue
        total += amount
        if line.payer == Payer.MUNICIPALITY:
            municipal += amount
    others = total - municipal
    days = page.days_abroad
    if days is None and page.start_date and page.end_date:
        days = (page.end_date - page.start_date).days + 1
    results = list(page.results.all())
    counts = dict.fromkeys(RESULT_COUNT_FIELDS.values(), 0)
    value = zero
    for result in results:
        counts[RESULT_COUNT_FIELDS[result.status]] += 1
        if result.status == ResultStatus.ACHIEVED and result.value_clp is not None:
            value += result.value_clp
    return {
        "total_cost_clp": total,
        "municipal_cost_clp": municipal,
        "others_cost_clp": others,
        "others_share": _round(others / total, SHARE_PLACES) if total else None,
        "cost_per_day_clp": _round(total / days, 2) if days else None,
        "results_count": len(results),
        "value_obtained_clp": _round(value, 2),
        "days_abroad": days,
        **counts,
    }


MissionManager = PageManager.from_queryset(MissionQuerySet)
