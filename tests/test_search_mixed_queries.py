"""Issue 11, a results page of every type at once: a mission, a practice, a standard, a content
page, a person and an organisation share one word. The page costs at most 15 queries, page
types shown cost nothing more than one page type (each page is fetched with its specific
fields), and the figure does not grow with the number of results (30 seeded missions, then
the same search with a page full of them)."""

import pytest

from missions.seed import seed

from .factories import ContentPageFactory
from .missions_factories import PersonFactory
from .module_data import rolled_back_after_module
from .practices_factories import make_practice
from .search_data import build_search_site, searched
from .standards_factories import build_standard, standard_index

pytestmark = pytest.mark.django_db

MAX_QUERIES = 15
WORD = "inundaciones"  # "inundación" in the mission's purpose: a word form, not the word


@pytest.fixture(scope="module", autouse=True)
def site(django_db_setup, django_db_blocker):
    with rolled_back_after_module(django_db_blocker):
        built = build_search_site()
        home, missions = built["home"], built["missions"]
        from practices.models import PracticeIndexPage

        make_practice(
            PracticeIndexPage.objects.get(locale=home.locale),
            title="Barrios preparados",
            summary="Vecinos que ensayan la evacuación ante inundaciones.",
            image=False,
        )
        build_standard(
            standard_index(home),
            slug="alertas",
            title="Alertas a tiempo",
            commitment="Avisamos de cada alerta de inundación en una hora.",
        )
        ContentPageFactory(
            parent=home, title="Plan ante inundaciones", summary="Qué hace la ciudad."
        ).save_revision().publish()
        PersonFactory(name="Rosa Inundaciones")  # people are found by name
        from directory.models import Organization

        Organization.objects.filter(name="Red de Ciudades Resilientes").update(
            description="Red sobre riesgos e inundaciones."
        )
        from django.core.management import call_command

        seed(missions, 30)
        call_command("update_index", verbosity=0)
        yield


def shown(response):
    return {result.type.key for result in response.context["results"]}


def test_a_page_of_every_type_makes_at_most_15_queries(client):
    response, queries = searched(client, q=WORD)
    assert shown(response) == {
        "missions.missionpage",
        "practices.practicepage",
        "standards.standardpage",
        "home.contentpage",
        "directory.person",
        "directory.organization",
    }
    assert len(queries) <= MAX_QUERIES, "\n".join(sql[:200] for sql in queries)
    titles = [result.title for result in response.context["results"]]
    assert any("<mark>inundaciones</mark>" in title for title in titles)
    mission = next(r for r in response.context["results"] if r.type.key.startswith("missions"))
    assert mission.obj.search_destinations and mission.obj.search_total_cost is not None
    assert "$" in response.content.decode()  # the mission's cost, formatted


def test_page_types_shown_cost_no_query_of_their_own(client):
    one, one_type = searched(client, q="simulacros")  # the one mission
    assert shown(one) == {"missions.missionpage"}
    pages = searched(client, q="evacuación")  # a mission and a practice, both pages
    assert shown(pages[0]) >= {"missions.missionpage", "practices.practicepage"}
    assert not shown(pages[0]) & {"directory.person", "directory.organization"}
    assert len(pages[1]) == len(one_type), "\n".join(sql[:200] for sql in pages[1])


def test_the_queries_do_not_grow_with_the_results(client):
    few, few_queries = searched(client, q=WORD)
    full, full_queries = searched(client, q="cooperación")  # a page full of seeded missions
    assert len(full.context["results"]) == 10
    assert len(full_queries) <= len(few_queries) <= MAX_QUERIES
