"""The missions index keeps its rendered parts (filter form, month grid, table, charts) while
the content is unchanged, with the page cache off, and shows any change on the next request."""

import re
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from directory.models import StrategicObjective
from missions.models import MissionPage

from .missions_factories import publish_valparaiso
from .missions_index_factories import build_catalogue

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_off")]


@pytest.fixture
def catalogue(mission_index):
    return build_catalogue(mission_index)


def get(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    assert "X-Page-Cache" not in response.headers
    return response.content.decode(), len(queries)


def without_nonces(html):
    return re.sub(r'nonce="[^"]*"', "", html)


def filter_options(html):
    start = html.index('<form class="filter-form')
    form = html[start : html.index("</form>", start)]
    return re.findall(r"<option[^>]*>([^<]*)</option>", form)


def test_a_second_request_reuses_the_parts_and_shows_the_same_page(
    client, mission_index, catalogue
):
    for url in (mission_index.url, f"{mission_index.url}?year=2025&sort=cost_desc"):
        first, first_queries = get(client, url)
        second, second_queries = get(client, url)
        assert without_nonces(second) == without_nonces(first)
        # The table's rows, its destinations and the filter's options are not read again.
        assert second_queries < first_queries


def test_a_renamed_objective_is_in_the_filter_on_the_next_request(client, mission_index, catalogue):
    before, _ = get(client, mission_index.url)
    assert any("Economía circular" in option for option in filter_options(before))
    objective = StrategicObjective.objects.get(title="Economía circular")
    objective.title = "Economía circular y residuos"
    objective.save()
    after, _ = get(client, mission_index.url)
    options = filter_options(after)
    assert any("Economía circular y residuos" in option for option in options)
    assert not any(option.endswith("Economía circular") for option in options)


def test_a_published_mission_is_in_the_table_totals_and_months_on_the_next_request(
    client, mission_index, catalogue
):
    url = f"{mission_index.url}?year=2025"
    before, _ = get(client, url)
    assert "Valparaíso" not in before
    publish_valparaiso(mission_index, destinations=[("Mendoza", "AR")])
    after, _ = get(client, url)
    table = after[after.index('id="missions-title"') : after.index('id="charts-title"')]
    assert "Valparaíso" in table and "Mendoza" in table
    assert "$450.000" in table
    months = after[after.index('class="month-grid"') : after.index('id="missions-title"')]
    july = re.search(r'<li class="month month-(\w+)">\s*<strong><time datetime="2025-07"', months)
    assert july and july.group(1) == "missions"


def test_a_corrected_cost_is_in_the_table_and_totals_on_the_next_request(
    client, mission_index, catalogue
):
    before, _ = get(client, mission_index.url)
    assert "$700.000" in before  # Lima's total
    assert "$4.000.000" in before  # every standing mission's
    lima = mission_index.get_children().get(slug="lima").specific
    lines = list(lima.cost_lines.all())
    for line in lines:
        if line.currency == "CLP":
            line.amount = Decimal("600000")
    lima.cost_lines = lines
    lima.save_revision().publish()
    after, _ = get(client, mission_index.url)
    table = after[after.index('id="missions-title"') :]
    assert "$800.000" in table and "$700.000" not in table
    assert "$4.100.000" in after


def test_years_are_read_without_a_python_function_per_row(client, mission_index, catalogue):
    """The year filter and the charts by year group in the database's own terms: on SQLite,
    Django's year extraction calls a Python function for every cost line, travel leg or
    mission (most of this page's first request after a change at 5,000 missions)."""
    with CaptureQueriesContext(connection) as queries:
        html, _ = get(client, mission_index.url)
    python_functions = [
        query["sql"]
        for query in queries.captured_queries
        if "django_date_extract" in query["sql"] or "django_date_trunc" in query["sql"]
    ]
    assert python_functions == []
    years = sorted({page.start_date.year for page in MissionPage.objects.live()}, reverse=True)
    options = filter_options(html)
    assert [option for option in options if option.isdigit()] == [str(year) for year in years]
    assert list(MissionPage.objects.live().years()) == years
