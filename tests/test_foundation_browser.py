"""The site in a real Chromium: both languages, the switcher, the skip link, axe-core."""

import pytest

from .browser import axe_violations
from .factories import ContentPageFactory, english, spanish
from .module_data import (
    build_english_home,
    build_home,
    committed_for_module,
    translate_into_english,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


@pytest.fixture(scope="module")
def site(module_live_server, django_db_blocker, initial_rows):
    """A bilingual home and a content page translated to English, behind the live server.

    Built once for the module; the home page's site is the default site, so it answers for the
    live server's host.
    """
    with committed_for_module(django_db_blocker, initial_rows):
        spanish(), english()
        home = build_home()
        build_english_home(home)
        _about(home)
        yield module_live_server.url


def _about(home):
    about = ContentPageFactory(
        parent=home,
        title="Sobre la oficina",
        slug="sobre-la-oficina",
        summary="Quiénes somos.",
        show_in_menus=True,
    )
    about.save_revision().publish()
    translate_into_english(
        about,
        {
            "Sobre la oficina": "About the office",
            "sobre-la-oficina": "about-the-office",
            "Quiénes somos.": "Who we are.",
            "Texto de la página.": "The page's text.",
        },
    )


def test_home_in_both_languages_and_switcher_reaches_the_translation(site, browser_page):
    page = browser_page
    page.goto(f"{site}/es/")
    assert page.locator("html").get_attribute("lang") == "es"
    assert page.locator("h1").inner_text() == "Relaciones internacionales"

    page.goto(f"{site}/es/sobre-la-oficina/")
    page.locator('.language-switcher a[hreflang="en"]').click()
    page.wait_for_url(f"{site}/en/about-the-office/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").inner_text() == "About the office"

    page.goto(f"{site}/en/")
    assert page.locator("h1").inner_text() == "International relations"


def test_skip_link_moves_focus_to_the_main_content(site, browser_page):
    page = browser_page
    page.goto(f"{site}/es/")
    skip_link_top = "document.querySelector('.skip-link').getBoundingClientRect().top"
    assert page.evaluate(skip_link_top) < 0  # off-screen until focused (the CSS is served)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    assert page.evaluate(skip_link_top) >= 0
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.tagName + '#' + document.activeElement.id") == (
        "MAIN#main"
    )


@pytest.mark.parametrize(
    "path",
    [
        "/es/",
        "/en/",
        "/es/sobre-la-oficina/",
        "/en/about-the-office/",
        "/es/no-existe/",
        "/en/missing/",
        "/es/buscar/?q=oficina",
    ],
)
def test_axe_finds_no_violations(site, browser_page, path):
    browser_page.goto(f"{site}{path}")
    assert axe_violations(browser_page) == []


def test_axe_helper_reports_violations_readably(browser_page):
    browser_page.set_content("<html><body><main><img src='x.png'></main></body></html>")
    violations = {violation["id"]: violation for violation in axe_violations(browser_page)}
    assert {"html-has-lang", "image-alt"} <= set(violations)
    assert violations["image-alt"]["impact"] == "critical"
    assert violations["image-alt"]["nodes"][0].startswith("img: ")
