"""The directory and an organisation's page in a real Chromium, in both languages: the filter
works, the switcher reaches the same organisation, and axe-core finds no violation."""

import pytest

from .browser import axe_violations
from .module_data import committed_for_module
from .partners_factories import build_partner_site

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


@pytest.fixture(scope="module")
def site(module_live_server, django_db_blocker, initial_rows):
    with committed_for_module(django_db_blocker, initial_rows):
        build_partner_site()
        yield module_live_server.url


def test_directory_filter_in_spanish(site, browser_page):
    page = browser_page
    page.goto(f"{site}/es/organizaciones/")
    page.select_option("#id_kind", "local")
    page.get_by_role("button", name="Mostrar organizaciones").click()
    page.wait_for_url(f"{site}/es/organizaciones/?kind=local*")
    cards = page.locator(".cards .card-title").all_inner_texts()
    assert "Universidad del Litoral" in cards and "Municipio de San Martín" not in cards
    assert page.locator("#id_kind").input_value() == "local"
    assert axe_violations(page) == []


def test_organisation_page_in_both_languages(site, browser_page):
    page = browser_page
    page.goto(f"{site}/es/organizaciones/municipio-de-san-martin/")
    assert page.locator("h1").inner_text().startswith("Municipio de San Martín")
    assert axe_violations(page) == []
    page.locator('.language-switcher a[hreflang="en"]').click()
    page.wait_for_url(f"{site}/en/organisations/municipio-de-san-martin/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").inner_text().startswith("Municipality of San Martín")
    assert axe_violations(page) == []


def test_english_directory_and_agreement_page(site, browser_page):
    page = browser_page
    page.goto(f"{site}/en/organisations/?agreement=in_force")
    assert "Coastal University" in page.locator(".cards").inner_text()
    assert axe_violations(page) == []
    page.goto(f"{site}/en/agreements/hermanamiento-con-san-martin/")
    assert page.locator("h1").inner_text() == "Twinning with San Martín"
    assert axe_violations(page) == []
