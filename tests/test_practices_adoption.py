"""Where a practice travelled: missions whose results point at the practice page."""

import datetime

import pytest

from missions import models as missions
from practices.models import SustainableDevelopmentGoal

from .practices_factories import PracticeIndexPageFactory, ToEnglish, make_practice

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def sdg_rows(db, settings):
    settings.PRACTICES_PDF_ON_PUBLISH = False
    SustainableDevelopmentGoal.ensure_all()


@pytest.fixture
def practice(home):
    index = PracticeIndexPageFactory(parent=home, locale=home.locale)
    index.save_revision().publish()
    return make_practice(index, title="Buses nocturnos de barrio")


@pytest.fixture
def mission_index(home):
    index = missions.MissionIndexPage(title="Misiones", slug="misiones", locale=home.locale)
    home.add_child(instance=index)
    index.save_revision().publish()
    return index


def mission(index, title, start, results, live=True, **fields):
    page = missions.MissionPage(
        title=title,
        slug=title.lower().replace(" ", "-"),
        locale=index.locale,
        start_date=start,
        end_date=start + datetime.timedelta(days=3),
        mission_type="conference",
        purpose="Presentar prácticas de la ciudad.",
        no_municipal_cost=True,
        **fields,
    )
    for values in results:
        page.results.add(missions.MissionResult(locale=index.locale, **values))
    index.add_child(instance=page)
    if live:
        page.save_revision().publish()
    else:
        page.unpublish()
    return page


def transfer(practice, description, **fields):
    return {
        "kind": "practice_transfer",
        "description": description,
        "status": "committed",
        "practice": practice,
        **fields,
    }


def test_practice_lists_live_missions_whose_results_concern_it(client, practice, mission_index):
    mission(
        mission_index,
        "Foro de movilidad en Lima",
        datetime.date(2025, 3, 10),
        [
            transfer(practice, "Lima adaptará el modelo de buses nocturnos."),
            {
                "kind": "other",
                "description": "Contacto con la red de ciudades.",
                "status": "achieved",
                "achieved_date": datetime.date(2025, 3, 12),
            },
        ],
    )
    mission(
        mission_index,
        "Asamblea en Rosario",
        datetime.date(2025, 9, 1),
        [
            transfer(
                practice,
                "Asistencia técnica a Rosario.",
                status="achieved",
                achieved_date=datetime.date(2025, 10, 1),
                value_clp=12_000_000,
            )
        ],
    )
    mission(
        mission_index,
        "Borrador en Quito",
        datetime.date(2025, 5, 1),
        [transfer(practice, "Resultado de una misión no publicada.")],
        live=False,
    )
    log = practice.adoption_log()
    assert [entry["mission"].title for entry in log] == [
        "Asamblea en Rosario",
        "Foro de movilidad en Lima",
    ]
    # only the results that concern this practice
    assert [r.description for r in log[1]["results"]] == [
        "Lima adaptará el modelo de buses nocturnos."
    ]
    html = client.get(practice.url).content.decode()
    assert 'id="travelled"' in html
    assert "Asistencia técnica a Rosario." in html
    assert "$12.000.000" in html
    assert "Resultado de una misión no publicada." not in html


def test_withdrawn_missions_are_flagged_with_their_reason(client, practice, mission_index):
    mission(
        mission_index,
        "Visita a Montevideo",
        datetime.date(2024, 11, 5),
        [transfer(practice, "Presentación a la intendencia.")],
        withdrawn=True,
        withdrawal_reason="Registro duplicado.",
    )
    (entry,) = practice.adoption_log()
    assert entry["withdrawn"]
    html = client.get(practice.url).content.decode()
    assert "Registro duplicado." in html
    assert 'class="badge bad"' in html


def test_english_page_shows_the_english_mission_or_falls_back_marked(
    client, practice, mission_index, translate
):
    translated = mission(
        mission_index,
        "Foro en Lima",
        datetime.date(2025, 3, 10),
        [transfer(practice, "Lima adaptará el modelo.")],
    )
    mission(
        mission_index,
        "Taller en Cusco",
        datetime.date(2025, 1, 10),
        [transfer(practice, "Cusco estudia el modelo.")],
    )
    translate(practice.get_parent().get_parent(), ToEnglish())
    translate(practice.get_parent(), ToEnglish())
    english_practice = translate(practice, ToEnglish())
    translate(mission_index, ToEnglish())
    translate(translated, ToEnglish({"Foro en Lima": "Forum in Lima"}))

    log = english_practice.adoption_log()
    assert [(e["mission"].title, e["other_language"]) for e in log] == [
        ("Forum in Lima", False),
        ("Taller en Cusco", True),
    ]
    html = client.get(english_practice.url).content.decode()
    assert "EN Lima adaptará el modelo." in html
    assert '<h3 lang="es">' in html


def test_practice_without_missions_has_no_adoption_section(client, practice):
    assert practice.adoption_log() == []
    assert 'id="travelled"' not in client.get(practice.url).content.decode()
