"""The small bilingual site both search test modules search: a mission with a traveller, a
practice, an organisation with its directory, a content page; Spanish and English."""

from decimal import Decimal

from django.db import connection
from django.test.utils import CaptureQueriesContext

from .factories import ContentPageFactory, english, spanish
from .missions_factories import (
    MissionIndexPageFactory,
    OrganizationFactory,
    PersonFactory,
    build_mission,
    cost_line,
)
from .module_data import build_english_home, build_home, translate_into_english
from .partners_factories import build_directory
from .practices_factories import PracticeIndexPageFactory, ToEnglish, make_practice


def build_search_site():
    spanish(), english()
    home = build_home()
    build_english_home(home)
    missions = MissionIndexPageFactory(parent=home)
    missions.save_revision().publish()
    translate_into_english(missions, ToEnglish({"Misiones": "Missions"}))
    person = PersonFactory(name="Ana Riquelme", position="Alcaldesa", unit="Alcaldía")
    translate_into_english(person, ToEnglish({"Alcaldesa": "Mayor", "Alcaldía": "Mayor's office"}))
    mission = build_mission(
        missions,
        title="Simulacros de evacuación en Valparaíso",
        slug="simulacros",
        purpose="Conocer los riesgos de inundación del río y sus simulacros.",
        destinations=[("Valparaíso", "CL")],
        delegation=[(person, "Jefa de delegación")],
        cost_lines=[cost_line(amount=Decimal("1250000"))],
    )
    translate_into_english(
        mission,
        ToEnglish(
            {
                "Simulacros de evacuación en Valparaíso": "Evacuation drills in Valparaíso",
                "Conocer los riesgos de inundación del río y sus simulacros.": (
                    "Learning about the flood risks of the river, and its drills."
                ),
                "Jefa de delegación": "Head of delegation",
                "Valparaíso": "Valparaíso",
            }
        ),
    )
    practices = PracticeIndexPageFactory(parent=home)
    practices.save_revision().publish()
    make_practice(
        practices,
        title="Huertos comunitarios",
        summary="Vecinos que cultivan huertos en terrenos municipales.",
        image=False,
    )
    build_directory(home)
    OrganizationFactory(name="Red de Ciudades Resilientes", description="Red sobre riesgos.")
    page = ContentPageFactory(parent=home, title="Cómo trabajamos", summary="Con el territorio.")
    page.save_revision().publish()
    return {"home": home, "missions": missions}


def searched(client, **params):
    """(response, the SQL of its queries) of a second search (the site, locales and index
    pages are kept from the first), without the savepoint the view opens only because a test
    runs inside a transaction (in autocommit, as the site runs, there is none). The first has
    another query string, so the second renders its answer instead of reusing the kept one
    (search/views.py): the budget is that of a search run."""
    client.get("/es/buscar/", {**params, "warm": "up"})
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/es/buscar/", params)
    assert response.status_code == 200
    return response, [
        query["sql"]
        for query in captured.captured_queries
        if not query["sql"].startswith(("SAVEPOINT", "RELEASE SAVEPOINT"))
    ]
