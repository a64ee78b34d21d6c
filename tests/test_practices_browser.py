"""Practices in a real Chromium: filtering, the PDF download, and axe-core on every page type."""

import pytest
from django.test import override_settings

from home.demo.loader import Loader, demo_apps
from home.models import SiteSettings
from practices import bench
from practices.models import PracticeIndexPage, PracticePage

from .browser import axe_violations
from .module_data import committed_for_module

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


@pytest.fixture(scope="module")
def demo(module_live_server, django_db_blocker, initial_rows):
    """The bilingual demo site (home, ten practices in Spanish and English), loaded once.

    The PDF download stores the summary it generates; no other test here depends on that.
    """
    with (
        committed_for_module(django_db_blocker, initial_rows),
        override_settings(PRACTICES_PDF_ON_PUBLISH=False),
    ):
        Loader().load(demo_apps(only=["practices"]))
        # The sample-data notice stays on, as the demo is served: axe checks the pages with it.
        assert SiteSettings.objects.filter(is_sample_data=True).exists()
        yield module_live_server.url


def _index(language):
    return PracticeIndexPage.objects.live().get(locale__language_code=language)


def test_index_and_practice_pages_have_no_axe_violations_in_both_languages(demo, browser_page):
    for language in ("es", "en"):
        index = _index(language)
        practice = bench.demo_practice("buses-nocturnos-de-barrio", language)
        for url in (index.url, index.url + "?sdg=99", practice.url):
            browser_page.goto(demo + url)
            assert browser_page.locator("h1").count() == 1
            assert axe_violations(browser_page) == [], url


def test_filtering_by_sustainable_development_goal(demo, browser_page):
    index = _index("en")
    expected = sorted(
        PracticePage.objects.child_of(index)
        .live()
        .filter(sdgs__number=6)
        .values_list("title", flat=True)
    )
    assert expected  # the demo has practices for SDG 6
    browser_page.goto(demo + index.url)
    browser_page.get_by_label("Sustainable Development Goal").select_option("6")
    browser_page.get_by_role("button", name="Show practices").click()
    browser_page.wait_for_url("**sdg=6**")
    titles = browser_page.locator(".practice-cards h2").all_inner_texts()
    assert sorted(titles) == expected
    assert browser_page.get_by_label("Sustainable Development Goal").input_value() == "6"


def test_downloading_the_pdf_summary(demo, browser_page):
    practice = bench.demo_practice("buses-nocturnos-de-barrio", "en")
    browser_page.goto(demo + practice.url)
    with browser_page.expect_download() as download_info:
        browser_page.get_by_role("link", name="Download the summary (PDF)").click()
    download = download_info.value
    assert download.suggested_filename == "neighbourhood-night-buses-en.pdf"
    with open(download.path(), "rb") as handle:
        assert handle.read(5) == b"%PDF-"
