"""The demo missions and directory: bilingual through wagtail-localize, varied enough to audit
(withdrawn, corrected, overdue, practices transferred), and loaded once however often it runs."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.test import override_settings
from wagtail_localize.models import Translation

from directory.models import Organization, Person, StrategicObjective
from missions.models import MissionCorrection, MissionIndexPage, MissionPage, MissionResult
from practices.adoption import adoption_log
from practices.bench import demo_practice

from .module_data import rolled_back_after_module

pytestmark = pytest.mark.django_db


def _counts():
    return (
        MissionPage.objects.count(),
        MissionCorrection.objects.count(),
        MissionResult.objects.count(),
        Person.objects.count(),
        Organization.objects.count(),
        StrategicObjective.objects.count(),
        Translation.objects.count(),
    )


@pytest.fixture(scope="module")
def _loaded_demo(django_db_blocker):
    """The whole demo, loaded once for the module and rolled back at its end."""
    with (
        rolled_back_after_module(django_db_blocker),
        override_settings(PRACTICES_PDF_ON_PUBLISH=False),
    ):
        call_command("load_demo", "--no-admin", stdout=StringIO())
        yield


@pytest.fixture
def demo(_loaded_demo, db, settings):
    settings.PRACTICES_PDF_ON_PUBLISH = False


def test_demo_missions_are_bilingual_varied_and_linked_to_practices(demo, client):
    """One test, several checks: loading the whole demo takes most of half a minute."""
    _has_25_missions_in_each_language_with_the_cases_an_auditor_looks_for(client)
    _english_missions_are_translations_with_english_snippets()
    _withdrawn_and_corrected_missions_went_through_the_model_rules(client)
    _results_transfer_demo_practices_into_their_adoption_log()


def _has_25_missions_in_each_language_with_the_cases_an_auditor_looks_for(client):
    for language, title, slug in (("es", "Misiones", "misiones"), ("en", "Missions", "missions")):
        index = MissionIndexPage.objects.live().get(locale__language_code=language)
        assert (index.title, index.slug, index.show_in_menus) == (title, slug, True)
        missions = MissionPage.objects.child_of(index).live()
        assert missions.count() == 25
        assert missions.filter(withdrawn=True).count() == 1
        assert missions.filter(corrections__isnull=False).distinct().count() == 1
        assert missions.not_withdrawn().report_overdue().count() >= 2
        assert missions.filter(report_document__isnull=False).count() >= 10
        assert len({m.start_date.year for m in missions}) == 3
        assert {m.mission_type for m in missions} >= {
            "conference",
            "bilateral",
            "network_assembly",
            "cooperation",
            "training",
            "promotion",
            "award",
        }
        results = MissionResult.objects.filter(page__in=missions)
        assert set(results.values_list("status", flat=True)) == {
            "committed",
            "in_progress",
            "achieved",
            "not_achieved",
            "cancelled",
        }
        payers = set(missions.cost_lines().values_list("payer", flat=True))
        assert payers >= {"municipality", "host", "partner_or_sponsor", "national_government"}
        # Every mission page answers in its language.
        for mission in missions:
            assert client.get(mission.url).status_code == 200


def _english_missions_are_translations_with_english_snippets():
    spanish = MissionPage.objects.get(
        locale__language_code="es", slug="foro-ciudades-costeras-lima"
    )
    english = spanish.get_translation(
        MissionPage.objects.filter(locale__language_code="en").first().locale
    )
    assert english.title == "Coastal Cities Network assembly in Lima"
    assert english.purpose.startswith("Present the community tsunami drills")
    assert english.figures["total_cost_clp"] == spanish.figures["total_cost_clp"]
    assert {o.locale.language_code for o in english.objectives.all()} == {"en"}
    member = english.delegation.first()
    assert member.person.locale.language_code == "en"
    assert member.person.name == "Javiera Castro Morales"  # names are synchronised
    assert member.person.position == "Disaster risk officer"


def _withdrawn_and_corrected_missions_went_through_the_model_rules(client):
    withdrawn = MissionPage.objects.get(locale__language_code="en", withdrawn=True)
    assert withdrawn.withdrawn_at is not None
    assert "duplicated" in withdrawn.withdrawal_reason
    html = client.get(withdrawn.url).content.decode()
    assert 'class="notice mission-withdrawn"' in html

    corrected = MissionPage.objects.get(locale__language_code="es", corrections__isnull=False)
    correction = corrected.corrections.get()
    assert "tipo de cambio" in correction.note
    assert corrected.correction_note == ""  # turned into a dated correction on publish
    line = corrected.cost_lines.get(category="airfare")
    assert line.exchange_rate == 945 - 12.5
    english = corrected.get_translation(withdrawn.locale)
    assert "exchange rate" in english.corrections.get().note


def _results_transfer_demo_practices_into_their_adoption_log():
    assert MissionResult.objects.filter(practice__isnull=False).count() >= 10
    practice = demo_practice("simulacros-comunitarios-de-tsunami", "en")
    log = adoption_log(practice)
    assert len(log) >= 2
    assert all(entry["language"] == "en" for entry in log)


def test_running_the_demo_again_changes_nothing(demo):
    before = _counts()
    call_command("load_demo", "--no-admin", stdout=StringIO())
    assert _counts() == before
    assert before[0] == 50 and before[3] == 16 and before[4] == 62  # 31 organisations × 2 languages
