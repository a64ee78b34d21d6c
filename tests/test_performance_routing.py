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


def test_a_steady_address_reads_no_row(home):
    section = publish(ContentPageFactory(parent=home, title="Sección", slug="seccion"))
    publish(ContentPageFactory(parent=section, title="Hoja", slug="hoja"))
    Client().get("/es/seccion/hoja/")  # (creates the site's settings: a change)
    Client().get("/es/seccion/hoja/")
    with CaptureQueriesContext(connection) as captured:
        assert status("/es/seccion/hoja/") == 200
    # The site with its root page is kept (home/serving.py), routing passes through the home
    # and the section (their places in the tree are among the top pages, home/pages.py), the
    # leaf is kept as its own type, and so are the layout's settings, menu and translations
    # (home/cache/shared.py): no row is read.
    assert captured.captured_queries == [], [q["sql"] for q in captured.captured_queries]


def h1(url):
    response = Client().get(url)
    assert response.status_code == 200
    return response.content.decode().split("<h1", 1)[1].split("</h1>", 1)[0]


def test_a_kept_page_shows_its_published_edit_at_once_and_never_a_draft(home, translate):
    page = publish(ContentPageFactory(parent=home, title="Primera versión", slug="hoja"))
    english = translate(page)
    assert "Primera versión" in h1("/es/hoja/")
    h1(english.url)
    page.title = "Borrador"
    page.save_revision()  # a draft: the live page is unchanged
    assert "Primera versión" in h1("/es/hoja/")
    page.title = "Segunda versión"
    publish(page)
    assert "Segunda versión" in h1("/es/hoja/")
    english.title = "Second version"
    publish(english)
    assert "Second version" in h1(english.url) and "Segunda versión" in h1("/es/hoja/")


def test_each_request_has_its_own_copy_of_a_kept_page(home, keep_the_test_transaction_open):
    from django.core.signals import request_finished, request_started
    from django.test import RequestFactory
    from wagtail.models import Page

    publish(ContentPageFactory(parent=home, title="Hoja", slug="hoja"))

    def routed():
        request = RequestFactory().get("/es/hoja/")
        request_started.send(sender=None)
        try:
            page, _args, _kwargs = Page.route_for_request(request, "hoja/")
            return page
        finally:
            request_finished.send(sender=None)

    first = routed()
    first.set_by_the_first_request = True
    second = routed()
    assert first.pk == second.pk and first is not second
    assert first._state is not second._state
    assert not hasattr(second, "set_by_the_first_request")
