"""The practices index: filters, notices for bad parameters, empty states, pagination, queries."""

import re

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from practices.models import SustainableDevelopmentGoal
from practices.seed import seed

from .practices_factories import PracticeIndexPageFactory, ThemeFactory, ToEnglish, make_practice

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def sdg_rows(db):
    """The goals come from a data migration; browser tests elsewhere may have flushed them."""
    SustainableDevelopmentGoal.ensure_all()


@pytest.fixture(autouse=True)
def no_pdf_on_publish(settings):
    settings.PRACTICES_PDF_ON_PUBLISH = False


@pytest.fixture
def index(home):
    page = PracticeIndexPageFactory(parent=home, locale=home.locale)
    page.save_revision().publish()
    return page


@pytest.fixture
def catalogue(index):
    """Three practices with different themes, goals and statuses."""
    mobility = ThemeFactory(name="Movilidad", slug="movilidad")
    water = ThemeFactory(name="Agua", slug="agua")
    goal = {g.number: g for g in SustainableDevelopmentGoal.objects.all()}
    return {
        "buses": make_practice(
            index, title="Buses nocturnos", themes=[mobility], goals=[goal[11]], status="operating"
        ),
        "riego": make_practice(
            index, title="Riego con aguas grises", themes=[water], goals=[goal[6]], status="pilot"
        ),
        "bici": make_practice(
            index,
            title="Bicicletas públicas",
            themes=[mobility],
            goals=[goal[11], goal[13]],
            status="scaled",
        ),
        "themes": {"mobility": mobility, "water": water},
    }


def titles(response):
    return [page.title for page in response.context["practices"]]


def test_index_lists_published_practices_as_cards_with_responsive_webp_images(
    client, index, catalogue
):
    response = client.get(index.url)
    assert response.status_code == 200
    assert titles(response) == ["Bicicletas públicas", "Buses nocturnos", "Riego con aguas grises"]
    html = response.content.decode()
    assert re.search(r'<img[^>]+srcset="[^"]+\.webp 400w, [^"]+\.webp 800w"', html)
    assert 'sizes="(max-width: 40rem) 100vw' in html
    assert 'alt="Ciclistas en una ciclovía protegida"' in html


def test_draft_practices_are_not_listed(client, index, catalogue):
    catalogue["riego"].unpublish()
    assert "Riego con aguas grises" not in titles(client.get(index.url))


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?theme=movilidad", ["Bicicletas públicas", "Buses nocturnos"]),
        ("?sdg=13", ["Bicicletas públicas"]),
        ("?sdg=11", ["Bicicletas públicas", "Buses nocturnos"]),
        ("?status=pilot", ["Riego con aguas grises"]),
        ("?theme=movilidad&sdg=11&status=operating", ["Buses nocturnos"]),
    ],
)
def test_filters_by_theme_goal_and_status(client, index, catalogue, query, expected):
    response = client.get(index.url + query)
    assert response.status_code == 200
    assert titles(response) == expected
    assert response.context["notices"] == []


@pytest.mark.parametrize(
    ("query", "notice"),
    [
        ("?sdg=18", "is not a Sustainable Development Goal"),
        ("?sdg=once", "is not a Sustainable Development Goal"),
        ("?sdg=-1", "is not a Sustainable Development Goal"),
        ("?theme=nope", "There is no theme"),
        ("?status=finished", "There is no status"),
        ("?page=zz", "There is no page"),
        ("?page=99", "There is no page"),
    ],
)
def test_invalid_parameters_are_ignored_with_a_visible_notice(
    client, index, catalogue, translate, query, notice
):
    english_index = translate(index, ToEnglish())
    for practice in ("buses", "riego", "bici"):
        translate(catalogue[practice], ToEnglish())
    response = client.get(english_index.url + query)
    assert response.status_code == 200
    assert len(response.context["practices"]) == 3
    html = response.content.decode()
    assert 'class="notice" role="status"' in html
    assert notice in html


def test_a_long_garbage_parameter_is_shortened_in_the_notice(client, index, catalogue):
    response = client.get(index.url + "?theme=" + "x" * 500)
    assert response.status_code == 200
    (notice,) = response.context["notices"]
    assert "x" * 39 + "…" in notice and "x" * 41 not in notice


def test_no_match_shows_an_empty_state_with_a_way_back(client, index, catalogue):
    response = client.get(index.url + "?theme=agua&status=scaled")
    assert titles(response) == []
    html = response.content.decode()
    assert "empty-state" in html
    assert f'href="{index.url}"' in html


def test_an_index_without_practices_says_so(client, index):
    response = client.get(index.url)
    assert response.status_code == 200
    assert 'class="empty-state"' in response.content.decode()
    assert response.context["paginator"].count == 0


def test_english_index_filters_by_the_english_theme_slug(client, index, catalogue, translate):
    english_index = translate(index, ToEnglish())
    for practice in ("buses", "riego", "bici"):
        translate(catalogue[practice], ToEnglish())
    translate(catalogue["themes"]["mobility"], {"Movilidad": "Mobility", "movilidad": "mobility"})
    response = client.get(english_index.url + "?theme=mobility")
    assert titles(response) == ["EN Bicicletas públicas", "EN Buses nocturnos"]
    assert "Mobility" in response.content.decode()


def test_pagination_splits_after_twelve_cards(client, index):
    seed(index, 13)
    first = client.get(index.url)
    assert len(first.context["practices"]) == 12
    second = client.get(index.url + "?page=2")
    assert len(second.context["practices"]) == 1
    assert 'rel="prev"' in second.content.decode()


def _queries(client, url):
    client.get(url)  # warm up: renditions and caches are created on the first view
    # and again: the first view may make a change of its own (a task that ends bumps the
    # content generation)
    # which drops what the layout keeps between requests (home/cache/shared.py)
    client.get(url)
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


def test_query_count_does_not_grow_with_the_number_of_practices(client, index):
    ThemeFactory(name="Movilidad", slug="movilidad")
    seed(index, 10)
    detail = index.get_children().first().specific
    small = (_queries(client, index.url), _queries(client, detail.url))
    seed(index, 100)
    large = (_queries(client, index.url), _queries(client, detail.url))
    assert small == large, f"index and detail queries: 10 practices {small}, 100 practices {large}"


def test_seed_command_dry_run_changes_nothing(index):
    call_command("seed_practices", "--count", "3", "--dry-run")
    assert index.get_children().count() == 0
    call_command("seed_practices", "--count", "3")
    call_command("seed_practices", "--count", "3")
    index.refresh_from_db()
    assert index.get_children().live().count() == 3
