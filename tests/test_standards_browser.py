"""The standards index and a standard's page in a real Chromium, in Spanish and English:
axe-core finds nothing, and the chart's data table is reached with the keyboard."""

import datetime

import pytest
from django.utils import timezone

from standards.periods import ended_periods

from .browser import axe_violations
from .factories import english, spanish
from .module_data import build_english_home, build_home, committed_for_module
from .module_data import translate_into_english as translate
from .standards_factories import add_rows, build_standard, standard_index

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


@pytest.fixture(scope="module")
def site(module_live_server, django_db_blocker, initial_rows):
    with committed_for_module(django_db_blocker, initial_rows):
        spanish(), english()
        home = build_home()
        build_english_home(home)
        index = standard_index(home)
        today = timezone.localdate()
        since = datetime.date(today.year - 2, 1, 1)
        standard = build_standard(index, measured_since=since)
        periods = len(ended_periods(since, "quarterly", today))
        add_rows(standard, ["46/50", "40/50", None] + ["47/50"] * (periods - 3), today)
        pages = {"es": (index, standard), "en": (translate(index), translate(standard))}
        yield module_live_server.url, pages


@pytest.mark.parametrize("language", ["es", "en"])
def test_axe_finds_no_violations_and_the_table_is_reachable(site, browser_page, language):
    url, pages = site
    index, standard = pages[language]
    browser_page.goto(url + index.url)
    assert browser_page.locator("html").get_attribute("lang") == language
    assert browser_page.locator("table.standard-table tbody tr").count() == 1
    assert axe_violations(browser_page) == [], index.url

    browser_page.goto(url + standard.url)
    assert browser_page.locator("svg[role=img] title").count() == 1
    assert axe_violations(browser_page) == [], standard.url
    region = browser_page.locator(".table-scroll:has(table.standard-history)")
    for _step in range(60):
        browser_page.keyboard.press("Tab")
        if region.evaluate("element => element === document.activeElement"):
            break
    else:
        pytest.fail("the measurements table cannot be reached with the keyboard")
    assert browser_page.locator("table.standard-history tbody tr").count() == periods_shown(
        standard
    )


def periods_shown(standard):
    today = timezone.localdate()
    return min(len(ended_periods(standard.measured_since, "quarterly", today)), 24)
