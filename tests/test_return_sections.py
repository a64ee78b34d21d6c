"""An objective's page shows the service standards that serve it and the agreements that came of
its missions (the sections other apps register in returns/sections.py), and standards are found
by the site search."""

import datetime
from decimal import Decimal

import pytest
from django.test import Client

from partners.models import Agreement, AgreementParty

from .missions_factories import (
    MissionIndexPageFactory,
    StrategicObjectiveFactory,
    build_mission,
    cost_line,
)
from .module_data import build_home, rolled_back_after_module
from .partners_factories import org
from .return_factories import build_objective_index
from .standards_factories import build_standard, standard_index


@pytest.fixture(scope="module")
def site(django_db_blocker):
    with rolled_back_after_module(django_db_blocker):
        home = build_home()
        objectives = build_objective_index(home)[0]
        missions = MissionIndexPageFactory(parent=home)
        missions.save_revision().publish()
        served = StrategicObjectiveFactory(code="3.1", title="Ciudad abierta al mundo")
        other = StrategicObjectiveFactory(code="5.5", title="Borde costero")
        mission = build_mission(
            missions,
            title="Misión a Rosario",
            slug="rosario",
            objectives=[served],
            start_date=datetime.date(2025, 3, 2),
            end_date=datetime.date(2025, 3, 6),
            cost_lines=[cost_line(amount=Decimal("1000000"))],
        )
        city = org("Municipalidad de Valparaíso", kind="city", country="CL")
        partner = org("Municipalidad de Rosario", kind="city", country="AR")
        agreement = Agreement.objects.create(
            title="Hermanamiento con Rosario",
            kind="twinning",
            signed_date=datetime.date(2025, 3, 4),
            mission=mission,
            locale=city.locale,
            scope="Cooperación en movilidad.",
        )
        for party in (city, partner):
            AgreementParty.objects.create(
                agreement=agreement, organization=party, role="signatory", locale=city.locale
            )
        standards = standard_index(home)
        standard = build_standard(standards, title="Respuesta a socios", slug="respuesta")
        standard.objectives.set([served])
        standard.save_revision().publish()
        build_standard(standards, title="Publicación de viajes", slug="publicacion")
        yield {"index": objectives, "served": served, "other": other}


def objective_html(site, objective):
    response = Client().get(site["index"].record_url(objective))
    assert response.status_code == 200
    return response.content.decode()


def test_an_objective_page_lists_the_standards_that_serve_it_and_its_agreements(db, site):
    html = objective_html(site, site["served"])
    assert "Estándares de servicio que lo sirven" in html
    assert ">Respuesta a socios</a>" in html
    assert "Publicación de viajes" not in html
    assert "Acuerdos que surgieron de ello" in html
    assert "Hermanamiento con Rosario" in html


def test_an_objective_nothing_serves_shows_neither_section(db, site):
    html = objective_html(site, site["other"])
    assert "Estándares de servicio que lo sirven" not in html
    assert "Hermanamiento con Rosario" not in html


def test_the_search_finds_a_standard_and_offers_standards_as_a_type(db, site):
    html = Client().get("/es/buscar/", {"q": "socios"}).content.decode()
    assert 'href="/es/estandares/respuesta/"' in html
    assert "Respuesta a <mark>socios</mark>" in html
    assert "Estándares de servicio (1)</a>" in html
