"""Data built once for a whole test module, not once per test.

- ``rolled_back_after_module``: a module fixture builds data (the demo) inside a transaction;
  each test runs in a savepoint within it (the ``db`` fixture), and all of it is rolled back at
  the module's end. For tests that read the data through Django (the test client, the ORM).
- ``committed_for_module``: a module fixture commits data so that a live server in another
  thread (another connection, on PostgreSQL) can read it; each test still runs in its own
  transaction, and at the module's end the database is emptied once and what the migrations
  created is put back: what serialized rollback does, once per module instead of once per test.

Also the site's usual records as plain functions, for module fixtures (the ``home``,
``english_home`` and ``translate`` fixtures in conftest.py call them).
"""

from contextlib import contextmanager

from django.core.management import call_command
from django.db import connections, transaction
from wagtail.models import Page, Site

from home.models import SiteSettings
from home.translation import translate_instance

from .factories import HomePageFactory, english, spanish

# What the migrations put in each test database, serialised by the ``initial_rows`` fixture.
INITIAL_ROWS = {}


def reset_database():
    """Empty every test database and put back what the migrations created, as serialized rollback
    does: sequences are not reset (the restored rows keep their ids), post_migrate is not sent."""
    for alias in connections:
        call_command(
            "flush",
            verbosity=0,
            interactive=False,
            database=alias,
            reset_sequences=False,
            inhibit_post_migrate=True,
        )
        connections[alias].creation.deserialize_db_from_string(INITIAL_ROWS[alias])


@contextmanager
def rolled_back_after_module(django_db_blocker):
    """Open a transaction for a module fixture to build data in; roll it back at the end.

    The block runs with database access; the tests that use the data must ask for ``db``
    (their savepoint is rolled back after each test, so none sees another's changes).
    """
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
    try:
        with django_db_blocker.unblock():
            yield
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@contextmanager
def committed_for_module(django_db_blocker, initial_rows):
    """Let a module fixture commit data (for a live server); reset the database at the end.

    The tests must ask for ``db``: what a test changes itself is rolled back, and what the live
    server changes stays until the module's end, so such tests must not depend on each other's
    requests.
    """
    try:
        with django_db_blocker.unblock():
            yield
    finally:
        with django_db_blocker.unblock():
            reset_database()


def build_home():
    """The Spanish home page, published and set as the default site's root."""
    root = Page.get_first_root_node()
    page = HomePageFactory(parent=root, locale=spanish())
    page.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first()
    old_root = site.root_page if site else None
    if site is None:
        site = Site(is_default_site=True)
    site.hostname, site.port, site.root_page = "testserver", 80, page
    site.save()
    # The settings as the first visit would create them: made here, that visit is not a change
    # (which would drop what the layout keeps between requests, home/cache/shared.py).
    SiteSettings.for_site(site)
    if old_root and old_root.pk != page.pk:
        old_root.delete()
    return page


def _same(text):
    """A translator for tests: English text the test can recognise."""
    return f"EN {text}"


def translate_into_english(instance, mapping=None, locale=None):
    """A real wagtail-localize translation into English, from ``mapping`` or as "EN <text>"."""
    translator = mapping.__getitem__ if mapping is not None else _same
    return translate_instance(instance, locale or english(), translator)


def build_english_home(home):
    return translate_into_english(
        home,
        {
            home.title: "International relations",
            home.slug: "home",
            home.intro: "The office connects the city with the world.",
        },
    )
