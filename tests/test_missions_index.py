"""The missions index: filters from GET parameters, notices for bad ones, sorting, pagination,
totals and charts for the current filter, the reader's language only, constant queries."""

import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.utils.functional import Promise

from missions.filters import MissionFilterForm
from missions.seed import seed

from .missions_factories import build_mission, cost_line
from .missions_index_factories import TOTALS, TOTALS_2025, build_catalogue

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue(mission_index):
    return build_catalogue(mission_index)


def titles(response):
    return [row["page"].title for row in response.context["rows"]]


def totals(response):
    return dict(response.context["totals"])


def spanish(text):
    """``text`` as the Spanish page shows it (a source string or a lazy label)."""
    with translation.override("es"):
        return str(text) if isinstance(text, Promise) else translation.gettext(text)


def test_lists_every_mission_newest_first_with_withdrawn_ones_marked(
    client, mission_index, catalogue
):
    response = client.get(mission_index.url)
    assert response.status_code == 200
    assert titles(response) == ["Lima", "Quito", "Madrid", "Rosario"]
    assert response.context["notices"] == []
    html = response.content.decode()
    (withdrawn_row,) = re.findall(r'<tr class="withdrawn">.*?</tr>', html, re.S)
    assert "Quito" in withdrawn_row
    assert spanish("Withdrawn") in withdrawn_row
    assert response.context["withdrawn"]["listed"] == 1


def test_totals_match_the_hand_computed_figures(client, mission_index, catalogue):
    shown = totals(client.get(mission_index.url))
    with translation.override("es"):
        assert shown[spanish("Missions")] == "3"
        assert shown[spanish("Total cost")] == "$4.000.000"
        assert shown[spanish("Cost to the municipality")] == "$3.500.000"
        assert shown[spanish("Paid by others")] == "$500.000"
        assert shown[spanish("Results achieved")] == "2"
        assert shown[spanish("Value obtained")] == "$2.000.000"
    assert TOTALS["total_cost_clp"] == TOTALS["municipal_cost_clp"] + TOTALS["others_cost_clp"]


def test_filtering_by_year_changes_the_totals(client, mission_index, catalogue):
    response = client.get(mission_index.url + "?year=2025")
    assert titles(response) == ["Lima", "Quito", "Madrid"]
    shown = totals(response)
    assert shown[spanish("Missions")] == str(TOTALS_2025["count"])
    assert shown[spanish("Total cost")] == "$2.800.000"
    assert shown[spanish("Cost to the municipality")] == "$2.600.000"
    assert shown[spanish("Paid by others")] == "$200.000"
    assert shown[spanish("Value obtained")] == "$0"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("year=2024", ["Rosario"]),
        ("country=PT", ["Madrid"]),
        ("country=AR", ["Rosario"]),
        ("type=bilateral", ["Lima"]),
        ("paid_by=host", ["Rosario"]),
        ("paid_by=partner_or_sponsor", ["Lima"]),
        ("result_status=in_progress", ["Madrid"]),
        ("result_status=achieved", ["Madrid", "Rosario"]),
        ("report_status=submitted", ["Madrid"]),
        ("report_status=overdue", ["Lima", "Rosario"]),  # Quito is withdrawn: never overdue
        ("report_status=withdrawn", ["Quito"]),
        ("withdrawn=hide", ["Lima", "Madrid", "Rosario"]),
        ("year=2025&country=PE", ["Lima"]),
        ("year=2025&paid_by=municipality&withdrawn=hide", ["Lima", "Madrid"]),
    ],
)
def test_filters(client, mission_index, catalogue, query, expected):
    response = client.get(f"{mission_index.url}?{query}")
    assert response.status_code == 200
    assert titles(response) == expected
    assert response.context["notices"] == []
    assert response.context["is_filtered"]


def test_filters_by_person_and_objective_use_options_from_the_database(
    client, mission_index, catalogue
):
    response = client.get(mission_index.url)
    form = response.context["filter_form"]
    people = dict(form.fields["person"].choices)
    assert list(people.values())[1:] == ["Ana Pérez", "Bruno Díaz"]
    assert [value for value, _label in form.fields["year"].choices[1:]] == [2025, 2024]
    assert [value for value, _label in form.fields["country"].choices[1:]] == [
        "AR",
        "EC",
        "ES",
        "PE",
        "PT",
    ]
    objectives = [label for _value, label in form.fields["objective"].choices[1:]]
    assert objectives == ["1.1 Economía circular", "2.1 Turismo sostenible"]

    ana = catalogue["ana"].pk
    assert titles(client.get(f"{mission_index.url}?person={ana}")) == ["Madrid", "Rosario"]
    first = catalogue["first"].pk
    assert titles(client.get(f"{mission_index.url}?objective={first}")) == ["Madrid", "Rosario"]


@pytest.mark.parametrize(
    ("query", "field", "value"),
    [
        ("year=1999", "year", "1999"),
        ("year=abc", "year", "abc"),
        ("person=999999", "person", "999999"),
        ("country=ZZ", "country", "ZZ"),
        ("type=picnic", "type", "picnic"),
        ("objective=x", "objective", "x"),
        ("paid_by=me", "paid_by", "me"),
        ("result_status=lost", "result_status", "lost"),
        ("report_status=late", "report_status", "late"),
        ("withdrawn=maybe", "withdrawn", "maybe"),
        ("sort=random", "sort", "random"),
    ],
)
def test_an_invalid_value_is_ignored_with_a_notice_naming_the_field(
    client, mission_index, catalogue, query, field, value
):
    response = client.get(f"{mission_index.url}?{query}")
    assert response.status_code == 200
    assert titles(response) == ["Lima", "Quito", "Madrid", "Rosario"]
    (notice,) = response.context["notices"]
    label = spanish(MissionFilterForm.base_fields[field].label)
    assert notice.startswith(f"{label}: “{value}”")
    html = response.content.decode()
    assert 'class="notice" role="status"' in html
    assert f"“{value}”" in html


def test_the_rest_of_the_filter_applies_when_one_value_is_invalid(client, mission_index, catalogue):
    response = client.get(mission_index.url + "?year=2025&country=ZZ&type=bilateral")
    assert titles(response) == ["Lima"]
    assert len(response.context["notices"]) == 1
    # The exports linked from the page carry only the valid part of the filter.
    links = response.context["open_data"]
    assert links["files"][0]["csv"].endswith("data/missions.csv?year=2025&type=bilateral")


def test_the_notice_is_in_english_on_the_english_index(
    client, mission_index, english_home, translate
):
    english_index = translate(mission_index)
    response = client.get(english_index.url + "?country=" + "Z" * 60)
    assert response.status_code == 200
    (notice,) = response.context["notices"]
    assert (
        notice
        == "Country: “" + "Z" * 39 + "…” is not one of the options, so this filter was ignored."
    )


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("newest", ["Lima", "Quito", "Madrid", "Rosario"]),
        ("oldest", ["Rosario", "Madrid", "Quito", "Lima"]),
        ("cost_desc", ["Madrid", "Rosario", "Lima", "Quito"]),
        ("cost_asc", ["Quito", "Lima", "Rosario", "Madrid"]),
    ],
)
def test_sorting(client, mission_index, catalogue, sort, expected):
    response = client.get(f"{mission_index.url}?sort={sort}")
    assert titles(response) == expected
    assert response.context["notices"] == []


def test_pagination_and_an_invalid_page_number(client, mission_index):
    seed(mission_index, 30)
    first = client.get(mission_index.url)
    assert len(first.context["rows"]) == 25
    second = client.get(mission_index.url + "?page=2")
    assert len(second.context["rows"]) == 5
    assert second.context["notices"] == []
    assert {row["page"].pk for row in first.context["rows"]}.isdisjoint(
        row["page"].pk for row in second.context["rows"]
    )
    for page in ("99", "abc", "0", "-1"):
        response = client.get(f"{mission_index.url}?page={page}")
        assert response.status_code == 200
        assert response.context["page_obj"].number == 1
        (notice,) = response.context["notices"]
        assert f"“{page}”" in notice


def test_charts_are_accessible_svg_with_a_table_of_the_counted_missions(
    client, mission_index, catalogue
):
    html = client.get(mission_index.url).content.decode()
    svgs = re.findall(r'<svg role="img" aria-labelledby="([^"]+)"', html)
    assert len(svgs) == 3
    for labelledby in svgs:
        title_id, desc_id = labelledby.split()
        assert f'<title id="{title_id}">' in html
        assert f'<desc id="{desc_id}">' in html
    # Payers are told apart by fill pattern, and each chart has its figures as a table.
    assert 'fill="url(#fill-diagonal)"' in html
    assert html.count('<details class="chart-data">') == 3
    by_year = html[html.index('id="cost-by-year"') : html.index('id="cost-by-category"')]
    assert re.search(r"<th scope=\"row\">2025</th>.*?\$2\.800\.000", by_year, re.S)
    category = html[html.index('id="cost-by-category"') : html.index('id="top-destinations"')]
    # Per diem: Lima's 500 000; withdrawn Quito's 100 000 is not counted.
    assert re.search(r"\$500\.000</td>", category)
    assert "$600.000" not in category


def test_charts_follow_the_filter_and_disappear_when_nothing_matches(
    client, mission_index, catalogue
):
    html = client.get(mission_index.url + "?country=AR").content.decode()
    destinations = html[html.index('id="top-destinations"') :]
    assert "Argentina" in destinations and "Perú" not in destinations
    empty = client.get(mission_index.url + "?year=2024&type=bilateral")
    assert empty.context["charts"] == []
    assert 'class="empty-state"' in empty.content.decode()


def test_the_index_shows_only_the_readers_language(
    client, mission_index, catalogue, english_home, translate
):
    english_index = translate(mission_index)
    translate(catalogue["bruno"])
    translate(catalogue["second"])
    translate(catalogue["lima"])
    english = client.get(english_index.url)
    assert [row["page"].locale.language_code for row in english.context["rows"]] == ["en"]
    shown = totals(english)
    assert shown["Total cost"] == "CLP\xa0700,000"
    spanish_page = client.get(mission_index.url)
    assert len(spanish_page.context["rows"]) == 4


def _queries(client, url):
    """(cold, warm): queries with an empty cache, then with the figures already cached.

    A first request primes what the process keeps for its whole life (content types, locales).
    """
    client.get(url)
    counts = []
    cache.clear()
    for _request in ("cold", "warm"):
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert response.status_code == 200
        counts.append(len(captured.captured_queries))
    return tuple(counts)


def test_index_and_detail_queries_do_not_grow_with_the_number_of_missions(client, mission_index):
    seed(mission_index, 10)
    mission = mission_index.get_children().live().first().specific
    filtered = mission_index.url + "?paid_by=municipality&sort=cost_desc"
    with_ten = (
        _queries(client, mission_index.url),
        _queries(client, filtered),
        _queries(client, mission.url),
    )
    seed(mission_index, 200)
    assert mission_index.get_children().live().count() == 200
    with_two_hundred = (
        _queries(client, mission_index.url),
        _queries(client, filtered),
        _queries(client, mission.url),
    )
    assert with_ten == with_two_hundred


def test_cached_figures_follow_each_publication(client, mission_index, catalogue):
    assert totals(client.get(mission_index.url))[spanish("Missions")] == "3"
    lima = catalogue["lima"]
    lima.withdrawn, lima.withdrawal_reason = True, "Viaje cancelado."
    lima.save_revision().publish()
    response = client.get(mission_index.url)
    assert totals(response)[spanish("Missions")] == "2"
    assert response.context["withdrawn"]["listed"] == 2
    build_mission(mission_index, title="Nueva", slug="nueva", cost_lines=[cost_line()])
    response = client.get(mission_index.url)
    assert totals(response)[spanish("Total cost")] == "$3.400.000"
    assert "Nueva" in titles(response)
