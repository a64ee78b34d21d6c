"""A mission's page in a real Chromium: axe-core finds nothing, in Spanish and English, on a full
record (costs, results with a timeline, corrections, overdue report) and on a withdrawn one."""

import datetime
from decimal import Decimal

import pytest
import wagtail_factories
from django.utils import timezone

from missions.models import MissionCorrection, MissionPage

from .browser import axe_violations
from .factories import english, spanish
from .missions_factories import (
    MissionIndexPageFactory,
    OrganizationFactory,
    PersonFactory,
    StrategicObjectiveFactory,
    build_mission,
    cost_line,
    result,
)
from .module_data import build_english_home, build_home, committed_for_module
from .module_data import translate_into_english as translate

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


@pytest.fixture(scope="module")
def site(module_live_server, django_db_blocker, initial_rows):
    """A full mission record and a withdrawn one, in Spanish and English, built once."""
    with committed_for_module(django_db_blocker, initial_rows):
        spanish(), english()
        home = build_home()
        build_english_home(home)
        yield module_live_server.url, _missions(home)


def _missions(home):
    index = MissionIndexPageFactory(parent=home)
    index.save_revision().publish()
    translate(index)
    person = PersonFactory(name="Ana Pérez", position="Alcaldesa", unit="Alcaldía")
    host = OrganizationFactory(
        name="Municipalidad de Rosario", country="AR", website="https://rosario.example"
    )
    objective = StrategicObjectiveFactory(code="2.3", title="Economía circular")
    for snippet in (person, host, objective):
        translate(snippet)
    ended = timezone.localdate() - datetime.timedelta(days=90)
    start = ended - datetime.timedelta(days=4)
    full = build_mission(
        index,
        title="Misión a Rosario",
        slug="mision-a-rosario",
        start_date=start,
        end_date=ended,
        objectives=[objective],
        destinations=[("Rosario", "AR"), ("Berlín", "DE")],
        delegation=[(person, "Jefa de delegación")],
        agenda=[(start, host, "Visita a la planta de reciclaje")],
        authorization_act_type="mayoral_decree",
        authorization_number="12/2026",
        authorization_date=start - datetime.timedelta(days=10),
        authorization_document=wagtail_factories.DocumentFactory(title="Decreto"),
        cost_lines=[
            cost_line(amount=Decimal("1000"), currency="USD", exchange_rate=Decimal("950.5")),
            cost_line(
                category="lodging",
                description="Hotel",
                amount=Decimal("300000"),
                payer="host",
                paying_organization=host,
            ),
        ],
        results=[
            result(
                status="achieved",
                achieved_date=ended,
                value_clp=Decimal("2500000"),
                evidence_url="https://example.org/convenio",
                follow_ups=[{"date": ended, "note": "Firmado.", "new_status": "achieved"}],
            ),
            result(kind="funding", description="Fondo", status="in_progress"),
        ],
    )
    item = full.results.first()
    item.organizations = [host]
    item.save()
    MissionCorrection.objects.create(page=full, date=ended, note="Se corrigió el hotel.")
    withdrawn = build_mission(index, title="Misión retirada", slug="mision-retirada")
    withdrawn.withdrawn = True
    withdrawn.withdrawal_reason = "Registro duplicado."
    withdrawn.save_revision().publish()
    pages = {"es": [MissionPage.objects.get(pk=p.pk) for p in (full, withdrawn)]}
    pages["en"] = [translate(page) for page in pages["es"]]
    return pages


@pytest.mark.parametrize("language", ["es", "en"])
def test_axe_finds_no_violations_on_mission_pages(site, browser_page, language):
    url, pages = site
    full, withdrawn = pages[language]
    browser_page.goto(url + full.url)
    assert browser_page.locator("html").get_attribute("lang") == language
    assert browser_page.locator("h1").count() == 1
    assert browser_page.locator(".mission-overdue").count() == 1
    assert browser_page.locator("table.mission-costs caption").count() == 1
    assert browser_page.locator("ol.timeline li").count() == 1
    assert axe_violations(browser_page) == [], full.url

    browser_page.goto(url + withdrawn.url)
    assert browser_page.locator(".mission-withdrawn").count() == 1
    assert axe_violations(browser_page) == [], withdrawn.url
