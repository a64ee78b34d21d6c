"""Agreements answer city-project needs: the need states count them by their status, the
objective page, the needs list and the agreement page show them in the reader's language, the
open data joins them, and a cancelled project's need cannot be chosen."""

import csv
import io
import json

import pytest
from django.forms import modelform_factory

from partners.models import Agreement, AgreementIndexPage, AgreementParty

from .missions_factories import OrganizationFactory, StrategicObjectiveFactory
from .module_data import build_english_home, build_home, rolled_back_after_module
from .module_data import translate_into_english as translate
from .partners_factories import ago, build_directory
from .return_factories import build_objective_index, build_project

pytestmark = pytest.mark.django_db


def agreement(title, parties, needs, **fields):
    record = Agreement.objects.create(
        title=title, kind="cooperation", locale=parties[0].locale, **fields
    )
    for organisation in parties:
        AgreementParty.objects.create(
            agreement=record, organization=organisation, locale=organisation.locale
        )
    record.answers_needs.set(needs)
    record.save()
    return record


@pytest.fixture(scope="module")
def site(django_db_blocker):
    with rolled_back_after_module(django_db_blocker):
        home = build_home()
        english_home = build_english_home(home)
        build_objective_index(home, english_home, translate)
        build_directory(home, english_home, translate)
        agreements_index = AgreementIndexPage(title="Acuerdos", slug="acuerdos", intro="")
        home.add_child(instance=agreements_index)
        agreements_index.save_revision().publish()
        translate(agreements_index, {"Acuerdos": "Agreements", "acuerdos": "agreements"})
        circular = StrategicObjectiveFactory(code="2.1", title="Economía circular")
        translate(circular, {"2.1": "2.1", "Economía circular": "Circular economy", "": ""})
        project = build_project(
            circular,
            [
                ("partners", "Una ciudad socia", None),
                ("technical_assistance", "Diseño de rutas", None),
                ("funding", "Planta de compostaje", 3000000),
                ("experience", "Método de compostaje", None),
            ],
            title="Compostaje comunal",
        )
        translate(
            project,
            {
                "Compostaje comunal": "Community composting",
                "Dirección de Medio Ambiente": "Environment Department",
                "Una ciudad socia": "A partner city",
                "Diseño de rutas": "Route design",
                "Planta de compostaje": "Composting plant",
                "Método de compostaje": "Composting method",
                "": "",
            },
        )
        partner_city, design, plant, method = list(project.needs.all())
        cancelled = build_project(
            circular, [("funding", "Estadio", 1)], title="Estadio", status="cancelled"
        )
        city = OrganizationFactory(name="Municipalidad", kind="city", country="CL")
        villaribera = OrganizationFactory(name="Villaribera", kind="city", country="ES")
        in_force = agreement(
            "Hermanamiento con Villaribera",
            [city, villaribera],
            [partner_city],
            signed_date=ago(100),
        )
        english = translate(
            in_force, {"Hermanamiento con Villaribera": "Twinning with Villaribera"}
        )
        negotiating = agreement("Asistencia en rutas", [city, villaribera], [design])
        terminated = agreement(
            "Fondo terminado",
            [city, villaribera],
            [plant, method],
            signed_date=ago(300),
            interruption="terminated",
            interrupted_on=ago(20),
        )
        yield {
            "project": project,
            "needs": (partner_city, design, plant, method),
            "cancelled_need": cancelled.needs.get(),
            "in_force": in_force,
            "english": english,
            "negotiating": negotiating,
            "terminated": terminated,
        }


def html(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_need_states_count_agreements_by_their_status(client, site):
    data = json.loads(
        b"".join(client.get("/es/objetivos/data/project-needs.json").streaming_content)
    )
    rows = {row["description"]: row for row in data["data"]}
    # In force: met; under negotiation: partly met; terminated: answers nothing.
    assert rows["Una ciudad socia"]["state"] == "met"
    assert rows["Diseño de rutas"]["state"] == "partly_met"
    assert rows["Planta de compostaje"]["state"] == "open"
    assert rows["Método de compostaje"]["state"] == "open"
    assert rows["Una ciudad socia"]["answering_agreement_ids"] == str(
        site["in_force"].translation_key
    )
    assert rows["Planta de compostaje"]["answering_agreement_ids"] == str(
        site["terminated"].translation_key
    )


def test_the_needs_list_names_each_agreement_with_its_status_and_links_it(client, site):
    page = html(client, "/es/objetivos/needs/?state=met")
    assert "Hermanamiento con Villaribera" in page
    assert "/es/acuerdos/hermanamiento-con-villaribera/" in page
    assert "Acuerdo (Vigente)" in page
    assert "Asistencia en rutas" not in page  # only partly met
    english = html(client, "/en/objectives/needs/")
    assert "Twinning with Villaribera" in english
    assert "/en/agreements/hermanamiento-con-villaribera/" in english
    assert "Agreement (Under negotiation)" in english


def test_the_objective_page_lists_the_needs_answered_by_agreements(client, site):
    page = html(client, "/es/objetivos/economia-circular/")
    projects = page.split('id="projects-title"')[1].split("</section>")[0]
    assert "Una ciudad socia" in projects
    assert "Acuerdo (Vigente) — <a" in projects and "Hermanamiento con Villaribera" in projects
    assert "Acuerdo (Terminado)" in projects and "Fondo terminado" in projects
    english = html(client, "/en/objectives/economia-circular/")
    projects = english.split('id="projects-title"')[1].split("</section>")[0]
    assert "A partner city" in projects and "Twinning with Villaribera" in projects
    assert "Hermanamiento con Villaribera" not in projects


def test_the_agreement_page_lists_the_needs_it_answers(client, site):
    page = html(client, "/es/acuerdos/hermanamiento-con-villaribera/")
    assert "Necesidades de proyectos de la ciudad que responde" in page
    assert "Compostaje comunal" in page and "Una ciudad socia" in page
    english = html(client, "/en/agreements/hermanamiento-con-villaribera/")
    assert "Community composting" in english and "A partner city" in english


def test_a_translation_answers_the_same_needs_in_its_language(site):
    english_needs = list(site["english"].answers_needs.all())
    assert [need.description for need in english_needs] == ["A partner city"]
    assert english_needs[0].translation_key == site["needs"][0].translation_key


def test_the_agreements_open_data_gives_the_needs_answered(client, site):
    response = client.get("/es/organizaciones/data/agreements.csv")
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    by_title = {row["title"]: row for row in rows}
    plant, method = site["needs"][2:]
    assert by_title["Fondo terminado"]["answers_need_ids"].split("; ") == [
        str(plant.translation_key),
        str(method.translation_key),
    ]
    assert by_title["Asistencia en rutas"]["answers_need_ids"] == str(
        site["needs"][1].translation_key
    )


def test_a_cancelled_projects_need_cannot_be_chosen(site):
    form = modelform_factory(Agreement, fields=["answers_needs"])(
        data={"answers_needs": [site["cancelled_need"].pk]}
    )
    assert not form.is_valid()
    assert [error.code for error in form.errors.as_data()["answers_needs"]] == ["invalid_choice"]
    assert not site["cancelled_need"].answering_agreements.exists()
