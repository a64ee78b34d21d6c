"""The missions index in a real Chromium: filtering changes the totals and the CSV download,
and axe-core finds nothing on the index (with charts and a notice) and the data dictionary."""

import csv

import pytest

from .browser import axe_violations
from .factories import english, spanish
from .missions_factories import MissionIndexPageFactory
from .missions_index_factories import build_catalogue
from .module_data import build_english_home, build_home, committed_for_module
from .module_data import translate_into_english as translate

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


@pytest.fixture(scope="module")
def site(module_live_server, django_db_blocker, initial_rows):
    """The catalogue in Spanish, and the index and two missions translated into English.

    Built once for the module: the tests only read it.
    """
    with committed_for_module(django_db_blocker, initial_rows):
        spanish(), english()
        home = build_home()
        build_english_home(home)
        index = MissionIndexPageFactory(parent=home)
        index.save_revision().publish()
        catalogue = build_catalogue(index)
        english_index = translate(index)
        for snippet in ("ana", "bruno", "first", "second", "host"):
            translate(catalogue[snippet])
        for mission in ("rosario", "madrid"):
            translate(catalogue[mission])
        yield {
            "url": module_live_server.url,
            "index": index,
            "english_index": english_index,
            "catalogue": catalogue,
        }


def figures(page):
    return page.locator(".mission-totals dd").all_inner_texts()


def test_filtering_by_year_changes_the_totals_and_the_csv_download(site, browser_page):
    index = site["index"]
    browser_page.goto(site["url"] + index.url)
    assert figures(browser_page)[:2] == ["3", "$4.000.000"]

    browser_page.locator("#id_year").select_option("2024")
    browser_page.locator(".mission-filter button[type=submit]").click()
    browser_page.wait_for_url("**year=2024**")
    assert figures(browser_page)[:2] == ["1", "$1.200.000"]
    assert browser_page.locator(".mission-table tbody tr").count() == 1
    assert browser_page.locator("#id_year").input_value() == "2024"

    link = browser_page.locator('.open-data-files a[href*="data/missions.csv"]')
    with browser_page.expect_download() as download_info:
        link.click()
    download = download_info.value
    assert download.suggested_filename == "missions-es.csv"
    with open(download.path(), newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [row["title"] for row in rows] == ["Rosario"]
    assert rows[0]["mission_id"] == str(site["catalogue"]["rosario"].translation_key)
    assert rows[0]["total_cost_clp"] == "1200000.00"


@pytest.mark.parametrize("language", ["es", "en"])
def test_axe_finds_no_violations_on_the_index_and_the_data_dictionary(site, browser_page, language):
    index = site["index"] if language == "es" else site["english_index"]
    for path in (
        index.url,
        index.url + "?year=2025&country=ZZ&sort=cost_desc",
        index.url + "data-dictionary/",
    ):
        browser_page.goto(site["url"] + path)
        assert browser_page.locator("html").get_attribute("lang") == language
        assert browser_page.locator("h1").count() == 1
        if "data-dictionary" not in path:
            assert browser_page.locator('svg[role="img"]').count() == 3
        assert axe_violations(browser_page) == [], path
