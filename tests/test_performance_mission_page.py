"""Issue 12, item 3: a mission's public page costs at most 15 SQL queries with the page cache
off, whatever the number of its rows, and the figures it shows (summed from the rows it read,
not by a query of their own) are the database's."""

import datetime
import re
from decimal import Decimal

import pytest
import wagtail_factories
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.formats import format_clp
from missions.models import MissionPage

from .missions_factories import (
    OrganizationFactory,
    PersonFactory,
    StrategicObjectiveFactory,
    build_mission,
    cost_line,
    result,
)

BUDGET = 15


def _steady_queries(client, url):
    """Queries of a request after one to the same address (what a process pays while nothing
    changes; the page cache is off while queries are counted, tests/conftest.py)."""
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured.captured_queries), response


def _full(index, slug, rows):
    people = [PersonFactory(name=f"Persona {n}") for n in range(rows)]
    hosts = [OrganizationFactory(name=f"Anfitrión {n}") for n in range(rows)]
    return build_mission(
        index,
        title=f"Misión {slug}",
        slug=slug,
        start_date=datetime.date(2026, 3, 2),
        end_date=datetime.date(2026, 3, 6),
        objectives=[StrategicObjectiveFactory(code=f"9.{n}") for n in range(rows)],
        destinations=[(f"Ciudad {n}", "AR") for n in range(rows)],
        delegation=[(person, "Delegada") for person in people],
        agenda=[(datetime.date(2026, 3, 3), host, f"Reunión {n}") for n, host in enumerate(hosts)],
        cost_lines=[
            cost_line(
                amount=Decimal("100.50") + n,
                currency="USD",
                exchange_rate=Decimal("950.123456"),
                payer="municipality" if n % 2 else "host",
            )
            for n in range(rows)
        ],
        results=[
            result(
                status="achieved",
                value_clp=Decimal("1000"),
                follow_ups=[{"date": datetime.date(2026, 4, 1), "note": "Seguimiento"}],
            )
            for _ in range(rows)
        ],
        authorization_document=wagtail_factories.DocumentFactory(title=f"Decreto {slug}"),
        report_document=wagtail_factories.DocumentFactory(title=f"Informe {slug}"),
        report_date=datetime.date(2026, 3, 20),
    )


@pytest.fixture
def missions(mission_index):
    return _full(mission_index, "pequena", 1), _full(mission_index, "grande", 5)


def test_a_mission_page_costs_at_most_15_queries_whatever_its_rows(client, missions):
    counts = [_steady_queries(client, mission.url)[0] for mission in missions]
    assert counts[0] == counts[1], counts
    assert counts[1] <= BUDGET, counts
    # The figures shown are the database's (with_totals()), though the page sums them itself.
    for mission in missions:
        stored = MissionPage.objects.filter(pk=mission.pk).with_totals().get()
        html = client.get(mission.url).content.decode()
        footer = re.search(r"<tfoot>.*?</tfoot>", html, flags=re.S).group(0)
        assert format_clp(stored.total_cost_clp) in footer
        assert format_clp(stored.municipal_cost_clp) in html
        assert format_clp(stored.value_obtained_clp) in html
