"""The shared URL-parameter parsers (home/params.py): ASCII digits only, bounds, choices, dates,
lists, booleans, invalid values reported; the practices and missions filters read through them,
and exports given an invalid filter say so in a header and in the file."""

import datetime

import pytest
from django.http import QueryDict
from django.utils import translation

from home.params import (
    ID_MAX,
    IGNORED_HEADER,
    NOT_A_DATE,
    NOT_A_NUMBER,
    NOT_AN_OPTION,
    OUT_OF_RANGE,
    TOO_LONG,
    Invalid,
    ParamError,
    QueryParams,
    parse_bool,
    parse_date,
    parse_id,
    parse_int,
)
from practices.models import SustainableDevelopmentGoal

from .missions_index_factories import build_catalogue
from .practices_factories import PracticeIndexPageFactory, make_practice

UNICODE_DIGITS = ["²", "①", "١", "٣", "߁", "𝟙", "³⁴", "¹¹", "Ⅻ", "½", "1²"]


@pytest.mark.parametrize("value", UNICODE_DIGITS)
def test_unicode_digits_are_not_numbers(value):
    assert value.isdigit() or value.isnumeric()  # what str.isdigit() would let through
    with pytest.raises(ParamError) as error:
        parse_int(value)
    assert error.value.reason == NOT_A_NUMBER


@pytest.mark.parametrize(
    "value, expected",
    [("7", 7), (" 12 ", 12), ("-3", -3), ("0017", 17), ("999999999999999999", 10**18 - 1)],
)
def test_ascii_integers_are_read(value, expected):
    assert parse_int(value) == expected


@pytest.mark.parametrize(
    "value",
    ["", " ", "1.0", "1e3", "+1", "0x10", "1_000", "--1", "1 2", "9" * 19, "9" * 5000, "1\x00"],
)
def test_what_is_not_an_ascii_integer_is_refused(value):
    with pytest.raises(ParamError):
        parse_int(value)


def test_bounds_are_checked():
    assert parse_int("17", 1, 17) == 17
    for value in ("0", "18", "-1"):
        with pytest.raises(ParamError) as error:
            parse_int(value, 1, 17)
        assert error.value.reason == OUT_OF_RANGE
    assert parse_id(str(ID_MAX)) == ID_MAX
    with pytest.raises(ParamError):
        parse_id(str(ID_MAX + 1))


def test_dates_are_iso_calendar_dates_in_ascii():
    assert parse_date("2025-02-28") == datetime.date(2025, 2, 28)
    for value in ("2025-02-30", "25-02-28", "２０２５-01-01", "2025/02/28", "2025-2-8", "x" * 4000):
        with pytest.raises(ParamError):
            parse_date(value)
    with pytest.raises(ParamError) as error:
        parse_date("2025-01-01", minimum=datetime.date(2026, 1, 1))
    assert error.value.reason == OUT_OF_RANGE


def test_booleans():
    assert parse_bool("TRUE") is True and parse_bool("off") is False
    with pytest.raises(ParamError):
        parse_bool("maybe")


def test_query_params_report_every_invalid_value_and_keep_the_rest():
    params = QueryParams(
        QueryDict("sdg=%C2%B2&year=2025&status=pilot&status=nope&since=2025-13-01&q=" + "x" * 4000)
    )
    assert params.integer("sdg", minimum=1, maximum=17) is None
    assert params.year("year") == 2025
    assert params.choice("status", ["pilot", "scaled"]) == ""  # the last value counts
    assert params.date("since") is None
    assert params.text("q") == ""
    assert params.boolean("absent") is None
    assert params.invalid == [
        Invalid("sdg", "²", NOT_A_NUMBER),
        Invalid("status", "nope", NOT_AN_OPTION),
        Invalid("since", "2025-13-01", NOT_A_DATE),
        Invalid("q", "x" * 4000, TOO_LONG),
    ]
    assert params.invalid_names == ["sdg", "status", "since", "q"]
    with translation.override("en"):
        (first, *_rest) = params.notices({"sdg": "SDG"})
    assert first == "SDG: “²” is not a whole number, so this filter was ignored."


def test_repeated_values_are_read_as_a_list():
    params = QueryParams(QueryDict("sdg=3&sdg=11&sdg=3&sdg=²&sdg=99"))
    assert params.values("sdg", lambda raw: parse_int(raw, 1, 17)) == [3, 11]
    assert [problem.value for problem in params.invalid] == ["²", "99"]
    many = QueryParams(QueryDict("&".join(["sdg=1"] * 51)))
    assert many.values("sdg", parse_int) == []
    assert many.invalid_names == ["sdg"]


def test_null_and_control_characters_are_refused():
    params = QueryParams(QueryDict("theme=a%00b&q=%1B%5B31m"))
    assert params.text("theme") == "" and params.text("q") == ""
    assert [problem.reason for problem in params.invalid] == ["control_character"] * 2


def test_notices_are_translated():
    params = QueryParams(QueryDict("sdg=%C2%B2"))
    params.integer("sdg")
    with translation.override("es"):
        (notice,) = params.notices({"sdg": "ODS"})
    assert notice == "ODS: “²” no es un número entero, así que este filtro se ignoró."


# The filters that read through the shared parsers.


@pytest.fixture
def practices_index(home, settings):
    settings.PRACTICES_PDF_ON_PUBLISH = False
    SustainableDevelopmentGoal.ensure_all()
    index = PracticeIndexPageFactory(parent=home, locale=home.locale)
    index.save_revision().publish()
    goals = {goal.number: goal for goal in SustainableDevelopmentGoal.objects.all()}
    make_practice(index, title="Buses nocturnos", goals=[goals[11]], status="operating")
    make_practice(index, title="Riego", goals=[goals[6]], status="pilot")
    return index


@pytest.mark.django_db
@pytest.mark.parametrize("value", ["%C2%B2", "%E2%91%A0", "%D9%A1%D9%A1", "99999999999999999999"])
def test_practices_index_takes_a_unicode_digit_as_an_invalid_goal(client, practices_index, value):
    response = client.get(f"{practices_index.url}?sdg={value}&page=%D9%A1")
    assert response.status_code == 200
    assert len(response.context["practices"]) == 2
    notices = response.context["notices"]
    assert any("no es un Objetivo de Desarrollo Sostenible" in notice for notice in notices)
    assert "No existe la página “١”; se muestra la primera." in notices


@pytest.mark.django_db
def test_practices_index_still_filters_by_a_valid_goal(client, practices_index):
    response = client.get(f"{practices_index.url}?sdg=11")
    assert [card.title for card in response.context["practices"]] == ["Buses nocturnos"]
    assert response.context["notices"] == []


@pytest.fixture
def missions(mission_index):
    build_catalogue(mission_index)
    return mission_index


@pytest.mark.django_db
def test_missions_index_ignores_a_unicode_year_and_says_so(client, missions):
    response = client.get(f"{missions.url}?year=%D9%A2%D9%A0%D9%A2%D9%A5&person=%C2%B9")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Año: “٢٠٢٥” no es una de las opciones, así que este filtro se ignoró." in html
    assert "Persona: “¹” no es una de las opciones" in html


@pytest.mark.django_db
def test_a_csv_export_given_an_invalid_filter_says_so_in_a_header_and_a_first_line(
    client, missions
):
    response = client.get(f"{missions.url}data/missions.csv?year=%C2%B2&type=conference")
    assert response.status_code == 200
    assert response[IGNORED_HEADER] == "year"
    text = b"".join(response.streaming_content).decode()
    first, header, *_rows = text.splitlines()
    assert first == "# Parámetros ignorados (no válidos, así que no se aplicaron): year"
    assert header.startswith("mission_id,")
    valid = client.get(f"{missions.url}data/missions.csv?type=conference")
    assert IGNORED_HEADER not in valid
    assert b"".join(valid.streaming_content).decode().startswith("mission_id,")


@pytest.mark.django_db
def test_json_datapackage_and_feed_given_an_invalid_filter_say_so(client, missions):
    response = client.get(f"{missions.url}data/missions.json?country=%00")
    assert response[IGNORED_HEADER] == "country"
    assert b'"ignored_parameters": ["country"]' in b"".join(response.streaming_content)
    package = client.get(f"{missions.url}data/datapackage.json?sort=%F0%9F%92%A5")
    assert package.status_code == 200 and package[IGNORED_HEADER] == "sort"
    feed = client.get(f"{missions.url}feed/?objective=1%27%20OR%201=1--")
    assert feed.status_code == 200 and feed[IGNORED_HEADER] == "objective"
