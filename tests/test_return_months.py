"""Every month has its trips or a dated "no trips" statement; a month with neither is a gap.
Also the mission page's value against cost and its results by status in words."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.models import Locale

from returns.models import NoTripsStatement
from returns.months import MISSING, MISSIONS, NOT_OVER, STATEMENT, month_grid

from .missions_factories import build_mission, cost_line, result
from .test_groundwork_logic import text

pytestmark = pytest.mark.django_db

LAST_YEAR = timezone.localdate().year - 1


def statement(month, **fields):
    values = {"month": month, "signed_by": "Ana Rojas", "position": "Jefa de la oficina"}
    values["signed_on"] = fields.pop(
        "signed_on", datetime.date(month.year, month.month, 28) + datetime.timedelta(days=7)
    )
    return NoTripsStatement(**values, **fields)


def test_each_month_shows_trips_a_statement_or_a_gap(client, mission_index):
    # A trip from 30 January to 2 February counts in both months; March has a statement;
    # the other months of last year are gaps.
    build_mission(
        mission_index,
        start_date=datetime.date(LAST_YEAR, 1, 30),
        end_date=datetime.date(LAST_YEAR, 2, 2),
    )
    withdrawn = build_mission(
        mission_index,
        start_date=datetime.date(LAST_YEAR, 5, 3),
        end_date=datetime.date(LAST_YEAR, 5, 4),
    )
    withdrawn.withdrawn, withdrawn.withdrawal_reason = True, "Duplicado."
    withdrawn.save_revision().publish()
    march = statement(datetime.date(LAST_YEAR, 3, 15))
    march.full_clean()
    march.save()
    assert march.month == datetime.date(LAST_YEAR, 3, 1)
    grid = month_grid(LAST_YEAR, Locale.get_default())
    states = [month.state for month in grid]
    assert states[:3] == [MISSIONS, MISSIONS, STATEMENT]
    assert states[3:] == [MISSING] * 9  # a withdrawn trip does not fill May
    page = text(client.get(f"{mission_index.url}?year={LAST_YEAR}"))
    assert "9 meses faltantes" in page
    assert "Declaración firmada por Ana Rojas, Jefa de la oficina" in page


def test_this_year_months_not_over_are_not_gaps(mission_index):
    today = timezone.localdate()
    grid = month_grid(today.year, Locale.get_default(), today=today)
    assert grid[today.month - 1].state == NOT_OVER
    assert all(month.state == NOT_OVER for month in grid[today.month - 1 :])


def test_a_statement_for_a_month_with_a_mission_or_not_over_is_refused(mission_index):
    build_mission(
        mission_index,
        start_date=datetime.date(LAST_YEAR, 6, 10),
        end_date=datetime.date(LAST_YEAR, 6, 12),
    )
    with pytest.raises(ValidationError) as refused:
        statement(datetime.date(LAST_YEAR, 6, 1)).full_clean()
    assert "Este mes tiene una misión publicada" in refused.value.message_dict["month"][0]
    today = timezone.localdate()
    with pytest.raises(ValidationError) as refused:
        statement(today, signed_on=today).full_clean()
    assert "Solo se puede declarar un mes que ya terminó" in refused.value.message_dict["month"][0]
    future = (today.replace(day=1) + datetime.timedelta(days=62)).replace(day=1)
    with pytest.raises(ValidationError):
        statement(future, signed_on=today).full_clean()
    early = statement(datetime.date(LAST_YEAR, 7, 1), signed_on=datetime.date(LAST_YEAR, 7, 20))
    with pytest.raises(ValidationError) as refused:
        early.full_clean()
    assert "signed_on" in refused.value.message_dict
    assert not NoTripsStatement.objects.exists()


def test_a_second_statement_for_the_same_month_is_refused(mission_index):
    first = statement(datetime.date(LAST_YEAR, 8, 1))
    first.full_clean()
    first.save()
    with pytest.raises(ValidationError) as refused:
        statement(datetime.date(LAST_YEAR, 8, 20)).full_clean()
    assert "Ya hay una declaración para este mes" in refused.value.message_dict["month"][0]


def test_the_mission_page_puts_value_beside_municipal_cost_and_counts_results_in_words(
    client, mission_index
):
    day = datetime.date(2026, 3, 5)
    mission = build_mission(
        mission_index,
        cost_lines=[
            cost_line(amount=Decimal("800000")),
            cost_line(amount=Decimal("200000"), payer="host"),
        ],
        results=[
            result(status="achieved", achieved_date=day, value_clp=Decimal("2000000")),
            result(status="achieved", achieved_date=day, value_clp=Decimal("400000")),
            result(status="in_progress", value_clp=Decimal("9000000")),
            result(status="not_achieved"),
        ],
    )
    page = text(client.get(mission.url))
    assert "4 resultados, 2 logrados, 1 en curso, 1 no logrado" in page
    assert "Por estado: 2 logrados, 1 en curso, 1 no logrado." in page
    # 2 400 000 of value for 800 000 of municipal cost: 3 pesos per peso.
    assert "Valor obtenido (resultados logrados) $2.400.000" in page
    assert "Costo para la municipalidad $800.000" in page
    assert "Valor por cada peso de costo municipal 3" in page
    assert "No mide los resultados sin valor en dinero" in page


def test_without_municipal_cost_the_ratio_is_not_applicable(client, mission_index):
    mission = build_mission(
        mission_index,
        no_municipal_cost=True,
        results=[
            result(
                status="achieved", achieved_date=datetime.date(2026, 3, 5), value_clp=Decimal("5")
            )
        ],
    )
    assert "no aplica: sin costo municipal" in text(client.get(mission.url))
