"""The import pages in a real Chromium: every error of a bad workbook shown, nothing saved, a good
workbook previewed and imported; axe-core finds no violation on any of the pages."""

import pytest
from django.contrib.auth.models import Group
from wagtail.users.models import UserProfile

from missions.models import MissionPage

from .browser import axe_violations
from .missions_factories import MissionIndexPageFactory, StrategicObjectiveFactory
from .module_data import build_home
from .test_editors_import import sheets, workbook

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def signed_in(browser_page, live_server, django_user_model, tmp_path):
    from .factories import english, spanish

    spanish(), english()
    home = build_home()
    index = MissionIndexPageFactory(parent=home)
    index.save_revision().publish()
    StrategicObjectiveFactory(title="Economía circular", code="OE1")
    user = django_user_model.objects.create_user("editora", "e@example.org", "clave-segura-123")
    user.groups.add(Group.objects.get(name="Editores"))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    page = browser_page
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "editora")
    page.fill("#id_password", "clave-segura-123")
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")
    return page, live_server.url, tmp_path


def test_import_pages_in_chromium(signed_in):
    page, url, folder = signed_in
    page.goto(f"{url}/admin/missions/import/")
    assert axe_violations(page) == []

    bad = sheets(destinations=[["rosario-2026", "Rosario", "XX"], ["lima-2026", "Lima", "PE"]])
    bad["cost_lines"][1][3] = -5
    path = folder / "malo.xlsx"
    path.write_bytes(workbook(bad))
    page.set_input_files("#id_file", str(path))
    page.click("text=Check the workbook")
    page.wait_for_selector("#import-errors")
    assert "has 2 errors. Nothing was imported." in page.inner_text("#import-errors")
    assert page.locator("section[aria-labelledby=import-errors] tbody tr").count() == 2
    assert axe_violations(page) == []
    assert not MissionPage.objects.exists()

    path = folder / "bueno.xlsx"
    path.write_bytes(workbook(sheets()))
    page.set_input_files("#id_file", str(path))
    page.click("text=Check the workbook")
    page.wait_for_selector("#import-preview")
    assert "2 missions to create" in page.inner_text("section[aria-labelledby=import-preview]")
    assert axe_violations(page) == []
    page.click("text=Import these missions as drafts")
    page.wait_for_load_state()
    assert sorted(MissionPage.objects.values_list("slug", flat=True)) == [
        "lima-2026",
        "rosario-2026",
    ]


def test_the_status_page_follows_a_running_import_without_inline_script(
    signed_in, django_user_model
):
    from editors.models import MissionImport

    page, url, _folder = signed_in
    job = MissionImport.objects.create(
        token="c" * 32,
        user=django_user_model.objects.get(username="editora"),
        file_name="temporada.xlsx",
        language="en",
        state="checking",
        rows_total=7000,
        rows_checked=250,
    )
    page.goto(f"{url}/admin/missions/import/{job.token}/")
    assert "Checking: 250 of 7000 rows." in page.inner_text("#import-progress-label")
    assert axe_violations(page) == []
    job.rows_checked = 3500
    job.save()
    # A locator's wait, not wait_for_function: the admin's CSP forbids evaluating strings.
    page.locator("#import-progress-label", has_text="3500 of 7000").wait_for()
    assert page.get_attribute("#import-progress-bar", "value") == "3500"
    job.state, job.message = "failed", "Nothing was saved."
    job.save()
    page.wait_for_selector("text=Nothing was saved.")  # the finished import reloads the page
    assert page.locator("#import-progress").count() == 0
