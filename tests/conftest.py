"""Shared fixtures: the two locales, a bilingual home page at the site root, a real browser.

Data a whole module shares is built with the helpers in tests/module_data.py.
"""

import json
import os
import shutil

import pytest
from django.conf import settings
from django.core import signals
from django.core.cache import cache
from django.db import close_old_connections, connections
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from .browser import CHROMIUM, CHROMIUM_ARGS
from .factories import english, spanish
from .missions_factories import MissionIndexPageFactory
from .module_data import INITIAL_ROWS, build_english_home, build_home, translate_into_english


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Cached responses (the page cache, the sitemap) must not leak from one test into the next:
    a page cached from rolled-back data would otherwise be served to the next test."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _page_cache_off_while_counting_queries(monkeypatch):
    """Counting a page's queries measures its rendering: while queries are captured
    (CaptureQueriesContext, django_assert_num_queries) the page cache is off, so the second
    request of a query-count test renders instead of answering from the cache."""
    enter, leave = CaptureQueriesContext.__enter__, CaptureQueriesContext.__exit__

    def entering(self):
        self._page_cache_off = override_settings(PAGE_CACHE_ENABLED=False)
        self._page_cache_off.enable()
        return enter(self)

    def leaving(self, *exc_info):
        try:
            return leave(self, *exc_info)
        finally:
            self._page_cache_off.disable()

    monkeypatch.setattr(CaptureQueriesContext, "__enter__", entering)
    monkeypatch.setattr(CaptureQueriesContext, "__exit__", leaving)


@pytest.fixture
def page_cache_off(settings):
    """The page cache off, so that what a test reads is the view's own answer: the kept parts
    (home/cache/fragments.py) and not a whole cached response."""
    settings.PAGE_CACHE_ENABLED = False


@pytest.fixture
def keep_the_test_transaction_open():
    """For tests that send request_started/request_finished (the real WSGI handler does): Django
    closes the database connection on those signals, and inside the test's transaction
    (autocommit off) PostgreSQL's connection counts as obsolete and is closed, so the next query
    fails. Django's own test client disconnects the same receiver for the same reason."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture(scope="session", autouse=True)
def _remove_test_media():
    """Uploads made by the tests go to a per-process folder; remove it when the run ends."""
    yield
    if "test-media" in str(settings.MEDIA_ROOT):
        shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)


# Data built once per module ------------------------------------------------------------------


def _content_types_first(serialized):
    """The serialised rows with the content types first. Rows are written app by app, and a
    workflow task's row (editors.ReviewTask, written before django.contrib.contenttypes) looks up
    its content type while it is being read back: with the table still empty, that lookup
    creates the row, and the content types' own rows then collide with it."""
    rows = json.loads(serialized)
    rows.sort(key=lambda row: row["model"] != "contenttypes.contenttype")
    return json.dumps(rows)


_DB_FIXTURES = {"db", "transactional_db", "django_db_reset_sequences", "live_server"}


def _uses_database(item):
    fixtures = set(getattr(item, "fixturenames", ()))
    return item.get_closest_marker("django_db") is not None or bool(fixtures & _DB_FIXTURES)


@pytest.fixture(scope="session", autouse=True)
def initial_rows(request, django_db_setup, django_db_blocker):
    """The rows the migrations created, serialised as serialized rollback does.

    pytest-django serialises them at setup when a collected test asks for serialized rollback
    (``browser_page`` does); otherwise they are serialised here, before any test has changed them.
    Either way they are put back with the content types first (see above), by serialized
    rollback and by module_data.reset_database() alike; hence autouse, before any test.
    When no selected test uses the database, pytest-django creates none, and there is nothing
    to serialise.
    """
    if not any(_uses_database(item) for item in request.session.items):
        return INITIAL_ROWS
    with django_db_blocker.unblock():
        for alias in connections:
            connection = connections[alias]
            if INITIAL_ROWS.get(alias) is None:
                serialized = getattr(connection, "_test_serialized_contents", None)
                if serialized is None:
                    serialized = connection.creation.serialize_db_to_string()
                INITIAL_ROWS[alias] = _content_types_first(serialized)
                if getattr(connection, "_test_serialized_contents", None) is not None:
                    connection._test_serialized_contents = INITIAL_ROWS[alias]
    return INITIAL_ROWS


# The site ------------------------------------------------------------------------------------


@pytest.fixture
def locales(db):
    return {"es": spanish(), "en": english()}


@pytest.fixture
def home(locales):
    """The Spanish home page, published and set as the default site's root."""
    return build_home()


def _admin_in(client, user, language):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    client.force_login(user)
    return client


@pytest.fixture
def admin_client(client, admin_user):
    """A superuser whose admin speaks English, so messages are the source strings (it replaces
    pytest-django's, whose admin would speak the site's default language)."""
    return _admin_in(client, admin_user, "en")


@pytest.fixture
def spanish_admin_client(client, admin_user):
    """A superuser whose admin speaks Spanish, as an editor's does."""
    return _admin_in(client, admin_user, "es")


@pytest.fixture
def translate():
    """translate(instance, mapping=None): a real wagtail-localize translation into English."""
    return translate_into_english


@pytest.fixture
def mission_index(home):
    """A published missions index under the Spanish home page."""
    index = MissionIndexPageFactory(parent=home)
    index.save_revision().publish()
    return index


@pytest.fixture
def english_home(home):
    return build_english_home(home)


# The browser ---------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def browser(initial_rows):
    """Debian's Chromium, headless, shared by the whole run. Missing Chromium is an error."""
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} not found: install Debian's chromium (make test does it as root).")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop running in this thread: Django must be told that
    # its ORM calls here are safe, and it then hands out new (context-local) connection objects.
    # They must keep the initial data serialised at setup, or serialized rollback restores nothing.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        for alias, contents in initial_rows.items():
            connections[alias]._test_serialized_contents = contents
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def module_live_server(request, browser):
    """A live server for module fixtures (``live_server`` would make every test transactional).

    It starts after the browser, so on in-memory SQLite it shares the connection objects the
    tests use from then on, and sees what they see.
    """
    from pytest_django.live_server_helper import LiveServer

    addr = (
        request.config.getvalue("liveserver")
        or os.getenv("DJANGO_LIVE_TEST_SERVER_ADDRESS")
        or "localhost"
    )
    server = LiveServer(addr)
    yield server
    server.stop()


@pytest.fixture
def browser_page(browser, django_db_serialized_rollback):
    """A fresh browser context and page for one test, closed afterwards.

    Tests that use ``live_server`` get a transactional database, emptied after each test;
    serialized rollback puts back what the migrations created (root page, default site,
    collections, groups) so that the next test starts from the same database. Modules that build
    their data once use ``module_live_server`` and ``committed_for_module`` instead.
    """
    context = browser.new_context()
    page = context.new_page()
    yield page
    context.close()
