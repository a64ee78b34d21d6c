"""The warm-up after a change (home/cache/warm.py): once an editor's change has committed, a
background task renders the most read addresses again, so that the first visitor after the
change is served from the cache, and sees the change, in both languages.

These run the task in the test's process (the immediate backend, the local-memory cache);
tests/test_performance_warm_worker.py runs it as production does.
"""

import re

import pytest
from django.db import transaction
from django.test import Client
from django_tasks import task_backends
from wagtail.models import Page, PageViewRestriction

from home.cache import bump, generation
from home.cache.warm import addresses, warm_site
from home.models import ContentPage

from .module_data import rolled_back_after_module
from .partners_factories import build_partner_site

MISSIONS_ES, DIRECTORY_EN = "/es/misiones/", "/en/organisations/"
CSV_ES = "/es/misiones/data/missions.csv"
WARM_TASK = "home.cache.warm.warm_site"


@pytest.fixture(scope="module")
def site(django_db_blocker):
    with rolled_back_after_module(django_db_blocker):
        data = build_partner_site()
        # The first request creates the site's settings rows (a save): done here, so that the
        # warm-up of each test is the first to render after the test's change.
        for path in ("/es/", "/en/"):
            Client().get(path)
        yield data


@pytest.fixture
def warm(settings):
    settings.PAGE_CACHE_WARM = True


def visit(path):
    """An anonymous visitor's first request: (whether the cache answered, the text)."""
    response = Client().get(path)
    assert response.status_code == 200, path
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return response["X-Page-Cache"], re.sub(r"\s+", " ", body.decode())


def retitle(mission, title):
    mission = type(mission).objects.get(pk=mission.pk)  # this test's rows, not the module's
    mission.title = title
    mission.save_revision().publish()


def test_the_first_visitor_after_a_change_is_served_the_change_from_the_cache(
    db, site, warm, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        retitle(site["mission"], "Hermanamiento renovado en San Martín")
    for path in (MISSIONS_ES, CSV_ES, "/es/"):
        served, text = visit(path)
        assert served == "hit", path
        assert "Hermanamiento renovado en San Martín" in text, path
    assert visit(DIRECTORY_EN)[0] == "hit"


def test_without_the_warm_up_the_first_visitor_after_a_change_waits_for_the_render(
    db, site, settings, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE_WARM = False
    with django_capture_on_commit_callbacks(execute=True):
        retitle(site["mission"], "Hermanamiento sin precalentar")
    served, text = visit(MISSIONS_ES)
    assert served == "miss"
    assert "Hermanamiento sin precalentar" in text


def test_every_save_of_one_change_queues_one_warm_up(
    db, site, warm, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    backend = task_backends["default"]
    backend.clear()
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        retitle(site["mission"], "Hermanamiento, primer cambio")
        site["partner"].website = "https://sanmartin.example.org/"
        site["partner"].save()
    queued = [result for result in backend.results if result.task.module_path == WARM_TASK]
    assert len(queued) == 1
    assert queued[0].args == [generation()]


def test_a_warm_up_for_an_older_change_renders_nothing(db, site, warm):
    older = generation()
    bump()  # a later change: its own warm-up is the one that renders
    assert warm_site.call(older) == 0
    assert visit(MISSIONS_ES)[0] == "miss"


def test_the_warm_up_leaves_the_generation_it_rendered_for(db, site, warm):
    # Run through the backend, so that its end is signalled as every task's is (a bump there
    # would throw away what it rendered and queue another warm-up, for ever).
    current = generation()
    result = warm_site.enqueue(current)
    assert result.return_value == len(addresses())
    assert generation() == current
    assert visit("/en/")[0] == "hit"


def test_it_warms_the_public_top_pages_of_both_languages_and_the_missions_files(db, site):
    home = Page.objects.get(depth=2, locale__language_code="es")
    draft = ContentPage(title="Borrador", slug="borrador", live=False)
    home.add_child(instance=draft)
    private = ContentPage(title="Interna", slug="interna")
    home.add_child(instance=private)
    private.save_revision().publish()
    PageViewRestriction.objects.create(page=private, restriction_type="login")

    paths = [path for _scheme, host, path in addresses() if host == "testserver"]
    assert len(paths) == len(addresses())
    for path in ("/es/", "/en/", MISSIONS_ES, DIRECTORY_EN, "/es/organizaciones/", CSV_ES):
        assert path in paths
    assert "/es/misiones/data/missions.json" not in paths  # not asked for
    assert "/es/borrador/" not in paths and "/es/interna/" not in paths
    assert not any(path.startswith(MISSIONS_ES + "hermanamiento") for path in paths)
