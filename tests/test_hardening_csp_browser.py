"""The Content-Security-Policy in a real Chromium: the public pages and the editors' admin pages
load with no violation reported by the browser (securitypolicyviolation events and console)."""

import pytest
from django.contrib.auth import get_user_model
from django.test import override_settings

from practices.models import SustainableDevelopmentGoal

from .missions_index_factories import build_catalogue
from .module_data import build_home, committed_for_module
from .practices_factories import PracticeIndexPageFactory, make_practice

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

WATCH = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.__csp.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`);
});
"""


@pytest.fixture(scope="module")
def site(module_live_server, django_db_blocker, initial_rows):
    with (
        committed_for_module(django_db_blocker, initial_rows),
        override_settings(PRACTICES_PDF_ON_PUBLISH=False),
    ):
        home = build_home()
        SustainableDevelopmentGoal.ensure_all()
        practices = PracticeIndexPageFactory(parent=home, locale=home.locale)
        practices.save_revision().publish()
        practice = make_practice(practices, title="Buses nocturnos")
        from missions.models import MissionIndexPage

        from .factories import HomePageFactory  # noqa: F401  (factories register the locale)

        missions = MissionIndexPage(title="Misiones", slug="misiones", locale=home.locale)
        home.add_child(instance=missions)
        missions.save_revision().publish()
        build_catalogue(missions)
        get_user_model().objects.create_superuser("jefa", "jefa@example.org", "clave-de-prueba")
        yield {
            "url": module_live_server.url,
            "home": home,
            "practices": practices,
            "practice": practice,
            "missions": missions,
        }


def violations(page):
    page.wait_for_load_state("networkidle")
    return page.evaluate("window.__csp || []")


def visit(page, url, console):
    console.clear()
    response = page.goto(url)
    assert response.status < 400, url
    assert "Content-Security-Policy" in {name.title() for name in response.headers}
    found = violations(page) + [text for text in console if "Content Security Policy" in text]
    return found


@pytest.fixture
def watched(browser_page):
    console = []
    browser_page.add_init_script(WATCH)
    browser_page.on("console", lambda message: console.append(message.text))
    return browser_page, console


def test_public_pages_have_no_csp_violation(site, watched):
    page, console = watched
    base = site["url"]
    for path in (
        site["home"].url,
        site["practices"].url,
        site["practice"].url,
        site["missions"].url,
        site["missions"].url + "data-dictionary/",
        "/es/buscar/?q=buses",
    ):
        assert visit(page, base + path, console) == [], path


def test_the_editors_admin_pages_have_no_csp_violation(site, watched):
    page, console = watched
    base = site["url"]
    page.goto(f"{base}/admin/login/")
    page.fill("#id_username", "jefa")
    page.fill("#id_password", "clave-de-prueba")
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/admin/")
    home, practice = site["home"], site["practice"]
    paths = [
        "/admin/",
        f"/admin/pages/{home.pk}/",
        f"/admin/pages/{home.pk}/edit/",
        f"/admin/pages/{practice.pk}/edit/",
        f"/admin/pages/add/practices/practicepage/{site['practices'].pk}/",
        f"/admin/pages/{practice.pk}/history/",
        "/admin/images/",
        "/admin/images/multiple/add/",
        "/admin/documents/",
        "/admin/documents/multiple/add/",
        "/admin/snippets/",
        "/admin/reports/locked/",
        "/admin/users/",
        "/admin/lockouts/",
        "/admin/pages/search/?q=buses",
    ]
    found = {}
    for path in paths:
        problems = visit(page, base + path, console)
        if problems:
            found[path] = problems
    summary = "\n".join(
        f"{path}: {problem}"
        for path, problems in found.items()
        for problem in problems
        if "violates" not in problem
    )
    assert found == {}, summary
