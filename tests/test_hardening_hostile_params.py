"""Every public list, export and feed, sent hostile values for each parameter it reads, answers
without a server error (no 5xx): Unicode digits, huge and negative numbers, arrays, NUL,
4,000 characters, SQL and template syntax, percent-encoded and invalid UTF-8 bytes."""

from urllib.parse import quote

import pytest
from django.test import override_settings

from missions.filters import MissionFilterForm
from practices.models import SustainableDevelopmentGoal

from .missions_index_factories import build_catalogue
from .module_data import build_english_home, build_home, rolled_back_after_module
from .practices_factories import PracticeIndexPageFactory, ThemeFactory, make_practice

pytestmark = pytest.mark.django_db

HOSTILE = [
    "²",
    "①",
    "١٢",
    "𝟗",
    "99999999999999999999999999999999",
    "9" * 5000,
    "-1",
    "-99999999999999999999",
    "0",
    "1e308",
    "NaN",
    "\x00",
    "a\x00b",
    "x" * 4000,
    "1' OR '1'='1",
    "1; DROP TABLE wagtailcore_page;--",
    "{{ 7*7 }}",
    "{% debug %}",
    "${7*7}",
    "<script>alert(1)</script>",
    "../../etc/passwd",
    "\r\nSet-Cookie: x=1",
    " ",
]
# Already percent-encoded: bytes that are not UTF-8, overlong forms, a lone surrogate.
RAW = ["%FF%FE", "%C0%AF", "%ED%A0%80", "%E2%82", "%25%00", "%"]

PRACTICE_PARAMS = ["theme", "sdg", "status", "page"]
MISSION_PARAMS = [*MissionFilterForm.FILTER_FIELDS, "sort", "page"]
SEARCH_PARAMS = ["q", "type", "page"]


@pytest.fixture(scope="module")
def site(django_db_setup, django_db_blocker):
    with (
        rolled_back_after_module(django_db_blocker),
        override_settings(PRACTICES_PDF_ON_PUBLISH=False),
    ):
        home = build_home()
        build_english_home(home)
        SustainableDevelopmentGoal.ensure_all()
        practices = PracticeIndexPageFactory(parent=home, locale=home.locale)
        practices.save_revision().publish()
        theme = ThemeFactory(name="Movilidad", slug="movilidad")
        make_practice(practices, title="Buses nocturnos", themes=[theme])
        from missions.models import MissionIndexPage

        missions = MissionIndexPage(title="Misiones", slug="misiones", locale=home.locale)
        home.add_child(instance=missions)
        missions.save_revision().publish()
        build_catalogue(missions)
        yield {"practices": practices.url, "missions": missions.url}


def endpoints(site):
    missions = site["missions"]
    data = [f"{missions}data/{name}" for name in ("missions.csv", "cost-lines.json", "results.csv")]
    return [
        (site["practices"], PRACTICE_PARAMS),
        (missions, MISSION_PARAMS),
        *((url, MISSION_PARAMS) for url in data),
        (f"{missions}data/datapackage.json", MISSION_PARAMS),
        (f"{missions}feed/", MISSION_PARAMS),
        ("/es/buscar/", SEARCH_PARAMS),
        ("/en/search/", SEARCH_PARAMS),
    ]


def queries(params):
    """Each hostile value given to every parameter at once, then as arrays and repeats."""
    for value in HOSTILE:
        yield "&".join(f"{name}={quote(value, safe='')}" for name in params)
    for raw in RAW:
        yield "&".join(f"{name}={raw}" for name in params)
    yield "&".join(f"{name}[]=1&{name}[]=2" for name in params)
    yield "&".join(f"{name}=1&{name}=%C2%B2&{name}=" for name in params)
    yield "&".join(f"{name}" for name in params)  # names without a value
    yield "&".join(f"{name}=" + "%00" * 100 for name in params)


def read(response):
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content)
    return response.content


def test_no_hostile_parameter_is_a_server_error(client, site):
    failures = []
    count = 0
    for url, params in endpoints(site):
        for query in queries(params):
            response = client.get(f"{url}?{query}")
            read(response)
            count += 1
            if response.status_code >= 500:
                failures.append(f"{response.status_code} {url}?{query[:120]}")
    assert count > 250
    assert failures == []


def test_hostile_values_are_reported_and_never_echoed_raw(client, site):
    response = client.get(f"{site['practices']}?theme=%3Cscript%3Ealert(1)%3C/script%3E&sdg=%C2%B2")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)" in html
    assert len(response.context["notices"]) == 2


def test_an_export_never_applies_an_invalid_filter_silently(client, site):
    response = client.get(f"{site['missions']}data/missions.csv?year=%D9%A2%D9%A0%D9%A2%D9%A5")
    assert response.status_code == 200
    assert response["Ignored-Parameters"] == "year"
    assert read(response).decode().startswith("# ")
