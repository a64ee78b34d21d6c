"""Issue 11, the search page's cost: at most 15 queries, the same whether a search finds one
result or a full page of them, of one type or of several (missions, people, organisations),
on the database backend; seeded missions stand for the 5,000 of the bench."""

import pytest

from missions.seed import seed

from .module_data import rolled_back_after_module
from .search_data import build_search_site, searched

pytestmark = pytest.mark.django_db

MAX_QUERIES = 15  # a page of results of one type
EACH_OTHER_TYPE = 2  # records on the page too (organisations): their ranking and fetch


@pytest.fixture(scope="module", autouse=True)
def site(django_db_setup, django_db_blocker):
    with rolled_back_after_module(django_db_blocker):
        built = build_search_site()
        seed(built["missions"], 30)
        yield


def sql(queries):
    return "\n".join(query[:300] for query in queries)


@pytest.mark.parametrize(
    "params",
    [
        {"q": "simulacros"},  # one mission
        {"q": "cooperación"},  # a full page of seeded missions
        {"q": "prueba"},  # seeded people
        {"q": "cooperación", "type": "missions.missionpage"},
        {"q": "cooperación", "page": "3"},
    ],
)
def test_a_search_makes_at_most_15_queries(client, params):
    response, captured = searched(client, **params)
    assert response.context["results"], params
    assert len(captured) <= MAX_QUERIES, sql(captured)


def test_each_other_record_type_on_the_page_costs_its_ranking_and_fetch(client):
    response, captured = searched(client, q="riesgos")  # a mission and an organisation
    shown = {result.type.key for result in response.context["results"]}
    assert shown == {"missions.missionpage", "directory.organization"}
    assert len(captured) <= MAX_QUERIES + EACH_OTHER_TYPE, sql(captured)


def test_the_queries_do_not_grow_with_the_results(client):
    one, few = searched(client, q="simulacros")
    full, many = searched(client, q="cooperación")
    assert len(one.context["results"]) == 1
    assert len(full.context["results"]) == 10
    assert len(many) == len(few), sql(many) + "\n----\n" + sql(few)
