"""Issue 12, item 3: Wagtail's routing with one query per level (home/serving.py) follows every
change of an address on the very next request: a rename, a move, an unpublish, a deletion,
a new translation of the home page."""

import pytest
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext

from .factories import ContentPageFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("_no_page_cache")]


@pytest.fixture
def _no_page_cache():
    with override_settings(PAGE_CACHE_ENABLED=False):
        yield


def publish(page):
    page.save_revision().publish()
    return page


def status(url):
    return Client().get(url).status_code


def test_a_renamed_page_moves_to_its_new_address_at_once(home):
    page = publish(ContentPageFactory(parent=home, title="Antes", slug="antes"))
    assert status("/es/antes/") == 200
    page.slug = "despues"
    publish(page)
    assert status("/es/antes/") == 404 and status("/es/despues/") == 200


def test_a_moved_unpublished_or_deleted_page_is_followed(home):
    section = publish(ContentPageFactory(parent=home, title="Sección", slug="seccion"))
    page = publish(ContentPageFactory(parent=home, title="Hoja", slug="hoja"))
    assert status("/es/hoja/") == 200
    page.move(section, pos="last-child")
    moved = Client().get("/es/hoja/")  # Wagtail's automatic redirect from the old address
    assert moved.status_code == 301 and moved["Location"].endswith("/es/seccion/hoja/")
    assert status("/es/seccion/hoja/") == 200
    page.refresh_from_db()
    page.unpublish()
    assert status("/es/seccion/hoja/") == 404
    publish(page)
    assert status("/es/seccion/hoja/") == 200
    page.delete()
    assert status("/es/seccion/hoja/") == 404


def test_the_english_home_is_served_once_translated(home, translate):
    assert status("/en/") == 200  # no English home yet: the Spanish one, in English
    english = translate(home)
    response = Client().get("/en/")
    assert response.status_code == 200 and english.title in response.content.decode()


def test_each_level_of_an_address_costs_one_query(home):
    section = publish(ContentPageFactory(parent=home, title="Sección", slug="seccion"))
    publish(ContentPageFactory(parent=section, title="Hoja", slug="hoja"))
    Client().get("/es/seccion/hoja/")  # (creates the site's settings: a change)
    Client().get("/es/seccion/hoja/")
    with CaptureQueriesContext(connection) as captured:
        assert status("/es/seccion/hoja/") == 200
    # The leaf alone: the site with its root page is kept (home/serving.py), routing passes
    # through the home and the section (their places in the tree are among the top pages,
    # home/pages.py), and a section allows only content pages, so the leaf is read as its own
    # type in one query; the layout's settings, menu and translations are kept
    # (home/cache/shared.py).
    assert len(captured.captured_queries) == 1, [q["sql"] for q in captured.captured_queries]
