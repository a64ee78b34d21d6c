"""Derived figures against values worked out by hand: mixed currencies, payers and results."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.db.models import Count, Max, Q, Sum
from django.db.models.functions import Coalesce
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from home.figures import key_figures
from home.formats import format_clp
from home.models import SiteSettings
from home.opendata.together import read_together
from missions.models import MissionPage, ResultStatus
from missions.models.queryset import RESULT_COUNT_FIELDS, compute_figures
from missions.models.sql import Rounded, line_clp, zero
from returns.emissions import emission_totals, emission_totals_from, emission_totals_part, legs_of

from .missions_factories import (
    OrganizationFactory,
    StrategicObjectiveFactory,
    build_mission,
    cost_line,
    result,
)


@pytest.fixture
def missions(mission_index):
    """Three missions whose figures are worked out by hand below."""
    host = OrganizationFactory(name="Ciudad de Rosario")
    objective = StrategicObjectiveFactory()
    # 2 → 6 March: 5 days.
    # 1 200.00 USD × 950.123456 = 1 140 148.1472 → 1 140 148.15 (municipality)
    #   800.00 EUR × 1 020.5     =   816 400.00               (host)
    # 350 000 CLP                =   350 000.00               (municipality)
    bilateral = build_mission(
        mission_index,
        title="Rosario",
        objectives=[objective],
        cost_lines=[
            cost_line(amount=Decimal("1200"), currency="USD", exchange_rate=Decimal("950.123456")),
            cost_line(
                category="lodging",
                amount=Decimal("800"),
                currency="EUR",
                exchange_rate=Decimal("1020.5"),
                payer="host",
                paying_organization=host,
            ),
            cost_line(category="per_diem", amount=Decimal("350000")),
        ],
        results=[
            result(
                kind="funding",
                status="achieved",
                value_clp=Decimal("5000000"),
                achieved_date=datetime.date(2026, 6, 1),
            ),
            result(status="achieved", achieved_date=datetime.date(2026, 4, 1)),
            result(kind="funding", status="committed", value_clp=Decimal("1000000")),
            result(status="cancelled"),
        ],
    )
    # One day; 300 USD × 940 = 282 000.00 paid by a sponsor.
    forum = build_mission(
        mission_index,
        title="Foro",
        objectives=[objective],
        start_date=datetime.date(2026, 5, 10),
        end_date=datetime.date(2026, 5, 10),
        cost_lines=[
            cost_line(
                category="registration",
                amount=Decimal("300"),
                currency="usd",
                exchange_rate=Decimal("940"),
                payer="partner_or_sponsor",
            )
        ],
    )
    free = build_mission(
        mission_index,
        title="Invitación",
        objectives=[objective],
        no_municipal_cost=True,
        start_date=datetime.date(2025, 11, 3),
        end_date=datetime.date(2025, 11, 4),
    )
    return {"bilateral": bilateral, "forum": forum, "free": free}


def figures_of(page):
    return MissionPage.objects.with_totals().get(pk=page.pk)


def test_mixed_currencies_and_payers(missions):
    mission = figures_of(missions["bilateral"])
    assert mission.days_abroad == 5
    assert mission.total_cost_clp == Decimal("2306548.15")
    assert mission.municipal_cost_clp == Decimal("1490148.15")
    assert mission.others_cost_clp == Decimal("816400.00")
    assert mission.others_share == Decimal("0.3539")
    assert mission.cost_per_day_clp == Decimal("461309.63")
    for value in (mission.total_cost_clp, mission.cost_per_day_clp, mission.others_share):
        assert isinstance(value, Decimal)
    assert str(mission.total_cost_clp) == "2306548.15"


def test_results_by_status_and_value_obtained(missions):
    mission = figures_of(missions["bilateral"])
    assert mission.results_count == 4
    assert mission.results_achieved == 2
    assert mission.results_committed == 1
    assert mission.results_cancelled == 1
    assert mission.results_in_progress == 0
    assert mission.results_not_achieved == 0
    # Only achieved results count as value obtained; the committed million does not.
    assert mission.value_obtained_clp == Decimal("5000000.00")


def test_one_day_mission_paid_by_others(missions):
    mission = figures_of(missions["forum"])
    assert mission.days_abroad == 1
    assert mission.total_cost_clp == Decimal("282000.00")
    assert mission.municipal_cost_clp == Decimal("0.00")
    assert mission.others_share == Decimal("1.0000")
    assert mission.cost_per_day_clp == Decimal("282000.00")
    assert mission.value_obtained_clp == Decimal("0.00")


def test_mission_without_costs(missions):
    mission = figures_of(missions["free"])
    assert mission.total_cost_clp == Decimal("0.00")
    assert mission.others_share is None
    assert mission.cost_per_day_clp == Decimal("0.00")
    assert mission.results_count == 0


def test_totals_for_a_filter(missions):
    totals = MissionPage.objects.live().totals()
    assert totals["count"] == 3
    assert totals["days_abroad"] == 5 + 1 + 2
    assert totals["total_cost_clp"] == Decimal("2588548.15")
    assert totals["municipal_cost_clp"] == Decimal("1490148.15")
    assert totals["others_cost_clp"] == Decimal("1098400.00")
    assert totals["results_achieved"] == 2
    assert totals["results_count"] == 4
    assert totals["value_obtained_clp"] == Decimal("5000000.00")

    year = MissionPage.objects.live().in_year(2025).totals()
    assert year["count"] == 1
    assert year["total_cost_clp"] == Decimal("0.00")


def _totals_one_by_one(missions):
    """The totals as three plain aggregate() calls (one per table) would give them."""
    clp = line_clp()
    municipal = Q(payer="municipality")
    achieved = Q(status=ResultStatus.ACHIEVED)
    pages = missions.order_by().aggregate(count=Count("pk"), days_abroad=Sum("days_abroad"))
    return {
        "count": pages["count"],
        "days_abroad": pages["days_abroad"] or 0,
        **missions.cost_lines().aggregate(
            total_cost_clp=Rounded(Coalesce(Sum(clp), zero())),
            municipal_cost_clp=Rounded(Coalesce(Sum(clp, filter=municipal), zero())),
            others_cost_clp=Rounded(Coalesce(Sum(clp, filter=~municipal), zero())),
        ),
        **missions.results().aggregate(
            results_count=Count("pk"),
            value_obtained_clp=Rounded(Coalesce(Sum("value_clp", filter=achieved), zero())),
            **{name: Count("pk", filter=Q(status=s)) for s, name in RESULT_COUNT_FIELDS.items()},
        ),
    }


def test_totals_and_emissions_come_in_one_query_with_the_figures_of_aggregate(missions):
    """The index's totals, its emissions and its last change are one query (a table scanned
    once per kind of row), with the very values (types included) that ``aggregate()`` gives,
    also for a selection of no mission at all."""
    live = MissionPage.objects.live()
    for selection in (live, live.in_year(2025), live.filter(pk__in=[]), live.none()):
        with CaptureQueriesContext(connection) as captured:
            totals = selection.totals()
        assert len(captured) == 1
        expected = _totals_one_by_one(selection)
        assert totals == expected
        assert [type(value) for value in totals.values()] == [
            type(value) for value in expected.values()
        ]
        legs = legs_of(selection).aggregate(kg=Sum("emissions_kg"), edition=Max("factor__edition"))
        with CaptureQueriesContext(connection) as captured:
            figures = read_together(
                **selection.totals_parts(),
                emissions=emission_totals_part(selection),
                **selection.freshness_parts(days=30),
            )
        assert len(captured) == 1
        assert selection.totals_from(figures) == expected
        emissions = emission_totals_from(figures)
        assert emissions["kg"] == (legs["kg"] or Decimal(0))
        assert emissions["edition"] == legs["edition"]
        assert emissions == emission_totals(selection)
        assert selection.freshness_from(figures, 30) == selection.freshness(days=30)


def test_cost_breakdowns(missions):
    lines = MissionPage.objects.live().cost_lines()
    by_payer = {row["payer"]: row["total_clp"] for row in lines.breakdown("payer")}
    assert by_payer == {
        "host": Decimal("816400.00"),
        "municipality": Decimal("1490148.15"),
        "partner_or_sponsor": Decimal("282000.00"),
    }
    by_year = {
        row["page__start_date__year"]: row["total_clp"]
        for row in lines.breakdown("page__start_date__year")
    }
    assert by_year == {2026: Decimal("2588548.15")}

    bilateral = missions["bilateral"]
    assert [amount for _code, _label, amount in bilateral.costs_by_payer()] == [
        Decimal("816400.00"),
        Decimal("1490148.15"),
    ]
    assert [line.amount_clp for line in bilateral.cost_lines_clp()] == [
        Decimal("1140148.15"),
        Decimal("816400.00"),
        Decimal("350000.00"),
    ]
    statuses = {code: count for code, _label, count in bilateral.results_by_status()}
    assert statuses == {
        "committed": 1,
        "in_progress": 0,
        "achieved": 2,
        "not_achieved": 0,
        "cancelled": 1,
    }


def test_preview_figures_match_the_database(missions):
    """The Python twin used for previews gives the same Decimals as the SQL."""
    stored = missions["bilateral"]
    in_memory = stored.latest_revision.as_object()
    assert in_memory._has_unsaved_rows()
    assert compute_figures(in_memory) == stored.figures
    assert stored.figures["total_cost_clp"] == Decimal("2306548.15")


def test_report_status(missions):
    settings = SiteSettings.for_site(missions["bilateral"].get_site())
    settings.report_days = 30
    settings.save()
    # The bilateral mission ended on 6 March 2026: its report is due by 5 April.
    on = {
        datetime.date(2026, 3, 6): "not_due",
        datetime.date(2026, 3, 7): "pending",
        datetime.date(2026, 4, 5): "pending",
        datetime.date(2026, 4, 6): "overdue",
    }
    pk = missions["bilateral"].pk
    for today, expected in on.items():
        status = MissionPage.objects.with_report_status(today=today).get(pk=pk).report_status
        assert status == expected, today
    overdue = MissionPage.objects.report_overdue(today=datetime.date(2026, 4, 6))
    assert pk in set(overdue.values_list("pk", flat=True))
    assert pk not in set(
        MissionPage.objects.report_overdue(today=datetime.date(2026, 4, 5)).values_list(
            "pk", flat=True
        )
    )

    settings.report_days = 10
    settings.save()
    assert pk in set(
        MissionPage.objects.report_overdue(today=datetime.date(2026, 3, 17)).values_list(
            "pk", flat=True
        )
    )


def test_report_submitted(missions, django_user_model):
    from django.core.files.base import ContentFile
    from wagtail.documents.models import Document

    document = Document.objects.create(
        title="Informe", file=ContentFile(b"informe", name="informe.pdf")
    )
    page = missions["bilateral"]
    page.report_document = document
    page.report_date = datetime.date(2026, 3, 20)
    page.save_revision().publish()
    status = MissionPage.objects.with_report_status(today=datetime.date(2027, 1, 1)).get(pk=page.pk)
    assert status.report_status == "submitted"
    assert (
        not MissionPage.objects.report_overdue(today=datetime.date(2027, 1, 1))
        .filter(pk=page.pk)
        .exists()
    )


def _build_many(index, objective, count, offset):
    for number in range(count):
        build_mission(
            index,
            title=f"Misión {offset + number}",
            slug=f"mision-n{offset + number}",
            objectives=[objective],
            cost_lines=[
                cost_line(),
                cost_line(currency="USD", amount=Decimal("100"), exchange_rate=Decimal("900")),
            ],
            results=[result(status="achieved", achieved_date=datetime.date(2026, 4, 1))],
        )


def _listing_queries():
    with CaptureQueriesContext(connection) as captured:
        rows = list(MissionPage.objects.live().with_totals().with_report_status(days=30))
        assert all(row.total_cost_clp == Decimal("190000.00") for row in rows)
    return len(rows), len(captured.captured_queries)


def test_listing_with_totals_is_a_constant_number_of_queries(mission_index):
    objective = StrategicObjectiveFactory()
    _build_many(mission_index, objective, 10, 0)
    ten, queries_for_ten = _listing_queries()
    _build_many(mission_index, objective, 40, 10)
    fifty, queries_for_fifty = _listing_queries()
    assert (ten, fifty) == (10, 50)
    assert queries_for_ten == queries_for_fifty == 1


def test_home_page_figures_are_formatted_for_the_reader(missions, locales):
    with translation.override("en"):  # English labels, whatever an earlier test activated
        figures = {
            str(figure["label"]): figure
            for figure in key_figures(locales["es"], 2026)
            if figure.get("kind") in {"count", "money"}
        }
    assert figures["Missions"]["value"] == 2
    assert figures["Total cost"]["amount"] == Decimal("2588548.15")
    assert figures["Total cost"]["value"] == "$2.588.548"
    assert figures["Cost to the municipality"]["value"] == "$1.490.148"
    assert figures["Results achieved"]["value"] == 2
    assert format_clp(Decimal("2588548.15"), "en") == "CLP\xa02,588,548"
