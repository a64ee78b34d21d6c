"""Mission figures computed in the database: totals, costs by payer, results by status, reports.

Every amount is a Decimal. Sums come from correlated subqueries (one per figure) rather than
joins, so a mission with five cost lines and three results is never counted fifteen times, and
listing any number of missions with ``with_totals()`` is a single query.

Databases differ in how they do decimal arithmetic: PostgreSQL's NUMERIC is exact; SQLite has
no decimal type and computes in binary floating point. ``Rounded`` rounds each figure in SQL and
quantizes it again in Python, so both return the same Decimal for amounts of up to 15
significant digits, and ``Quotient`` stops SQLite from dividing integers as integers.
"""

from datetime import timedelta
from decimal import Decimal

from django.db import models
from django.db.models import (
    Case,
    Count,
    DecimalField,
    F,
    Func,
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

from .choices import Payer, ReportStatus, ResultStatus

CENTS = 2
SHARE_PLACES = 4
DEFAULT_REPORT_DAYS = 30


def money_field(places=CENTS):
    return DecimalField(max_digits=20, decimal_places=places)


class Rounded(Func):
    """ROUND(expression, places), returned as a Decimal with exactly ``places`` decimals."""

    function = "ROUND"

    def __init__(self, expression, places=CENTS, **extra):
        self.places = int(places)
        super().__init__(
            expression,
            output_field=money_field(self.places),
            template=f"%(function)s(%(expressions)s, {self.places})",
            **extra,
        )

    def get_db_converters(self, connection):
        return [*super().get_db_converters(connection), self._quantize]

    def _quantize(self, value, expression, connection):
        if value is None:
            return None
        return Decimal(value).quantize(Decimal(1).scaleb(-self.places))


class Quotient(Func):
    """dividend / divisor as a decimal (NULL when the divisor is NULL)."""

    arity = 2
    output_field = money_field(6)

    def as_sql(self, compiler, connection, **extra_context):
        dividend, dividend_params = compiler.compile(self.source_expressions[0])
        divisor, divisor_params = compiler.compile(self.source_expressions[1])
        return f"({dividend} / {divisor})", (*dividend_params, *divisor_params)

    def as_sqlite(self, compiler, connection, **extra_context):
        # SQLite divides two integers as integers (300 / 7 = 42): make the dividend real first.
        dividend, dividend_params = compiler.compile(self.source_expressions[0])
        divisor, divisor_params = compiler.compile(self.source_expressions[1])
        return f"(CAST({dividend} AS REAL) / {divisor})", (*dividend_params, *divisor_params)


def line_clp():
    """A cost line's amount in Chilean pesos, rounded to the cent (CLP lines carry rate 1)."""
    return Rounded(F("amount") * F("exchange_rate"))


def report_days_setting(site=None):
    """Days allowed for a trip report: the site setting (default site unless given), else 30."""
    from wagtail.models import Site

    from home.models import SiteSettings

    site = site or Site.objects.filter(is_default_site=True).first()
    if site is None:
        return DEFAULT_REPORT_DAYS
    return SiteSettings.for_site(site).report_days


def _zero(places=CENTS):
    return Value(Decimal(0), output_field=money_field(places))


def _per_mission(queryset):
    """Restrict a child queryset to the outer mission and group it by mission."""
    return queryset.filter(page=OuterRef("pk")).order_by().values("page")


def _cost_subquery(**filters):
    from .mission import CostLine

    lines = CostLine.objects.all()
    if "exclude_payer" in filters:
        lines = lines.exclude(payer=filters.pop("exclude_payer"))
    rows = _per_mission(lines.filter(**filters)).annotate(total=Sum(line_clp())).values("total")
    return Rounded(Coalesce(Subquery(rows, output_field=money_field()), _zero()))


def _result_count_subquery(**filters):
    from .mission import MissionResult

    rows = _per_mission(MissionResult.objects.filter(**filters)).annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(rows, output_field=IntegerField()), Value(0))


def _result_value_subquery():
    from .mission import MissionResult

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

    def with_report_status(self, today=None, days=None):
        """Annotate ``report_status``: a ReportStatus value.

        ``submitted`` when a report document is attached; ``withdrawn`` for a withdrawn mission
        without one (it owes no report, so it is never overdue); otherwise ``overdue`` once more than
        ``days`` (the site setting) have passed since the end date, ``pending`` while the trip
        is over but the report is not yet due, ``not_due`` until the trip ends.
        """
        today = today or timezone.localdate()
        days = report_days_setting() if days is None else days
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
        days = report_days_setting() if days is None else days
        return self.filter(
            report_document__isnull=True,
            withdrawn=False,
            end_date__lt=today - timedelta(days=days),
        )

    def cost_lines(self):
        """The cost lines of these missions, each annotated with ``amount_clp``."""
        from .mission import CostLine

        return CostLine.objects.filter(page__in=self.values("pk")).with_clp()

    def results(self):
        from .mission import MissionResult

        return MissionResult.objects.filter(page__in=self.values("pk"))

    def totals(self):
        """Figures for the whole queryset (the index's current filter, the home page's year).

        Returns a dict: ``count``, ``days_abroad``, ``total_cost_clp``, ``municipal_cost_clp``,
        ``others_cost_clp``, ``results_count``, one ``results_<status>`` per ResultStatus value,
        and ``value_obtained_clp``. Three queries, whatever the number of missions.
        """
        pages = self.order_by().aggregate(count=Count("pk"), days_abroad=Sum("days_abroad"))
        clp = line_clp()
        municipal = Q(payer=Payer.MUNICIPALITY)
        costs = self.cost_lines().aggregate(
            total_cost_clp=Rounded(Coalesce(Sum(clp), _zero())),
            municipal_cost_clp=Rounded(Coalesce(Sum(clp, filter=municipal), _zero())),
            others_cost_clp=Rounded(Coalesce(Sum(clp, filter=~municipal), _zero())),
        )
        achieved = Q(status=ResultStatus.ACHIEVED)
        results = self.results().aggregate(
            results_count=Count("pk"),
            value_obtained_clp=Rounded(Coalesce(Sum("value_clp", filter=achieved), _zero())),
            **{
                name: Count("pk", filter=Q(status=status))
                for status, name in RESULT_COUNT_FIELDS.items()
            },
        )
        return {
            "count": pages["count"],
            "days_abroad": pages["days_abroad"] or 0,
            **costs,
            **results,
        }


class CostLineQuerySet(models.QuerySet):
    def with_clp(self):
        """Annotate ``amount_clp``: the amount converted at the line's rate, to the cent."""
        return self.annotate(amount_clp=line_clp())

    def breakdown(self, *fields):
        """[{field: value, …, "total_clp": Decimal}] summed by ``fields`` (e.g. "payer",
        "category", "page__start_date__year"), in the order of ``fields``."""
        return (
            self.order_by()
            .values(*fields)
            .annotate(total_clp=Rounded(Sum(line_clp())))
            .order_by(*fields)
        )


MissionManager = PageManager.from_queryset(MissionQuerySet)
CostLineManager = models.Manager.from_queryset(CostLineQuerySet)
