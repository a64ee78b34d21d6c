"""Shared fixtures: the two locales, a bilingual home page at the site root, a real browser."""

import os
import shutil

import pytest
from django.conf import settings
from django.core.cache import cache
from wagtail.models import Page, Site

from home.translation import translate_instance

from .browser import CHROMIUM, CHROMIUM_ARGS
from .factories import HomePageFactory, english, spanish


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Cached responses (the sitemap) must not leak from one test into the next."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(scope="session", autouse=True)
def _remove_test_media():
    """Uploads made by the tests go to a per-process folder; remove it when the run ends."""
    yield
    if "test-media" in str(settings.MEDIA_ROOT):
        shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)


@pytest.fixture
def locales(db):
    return {"es": spanish(), "en": english()}


@pytest.fixture
def home(locales):
    """The Spanish home page, published and set as the default site's root."""
    root = Page.get_first_root_node()
    page = HomePageFactory(parent=root, locale=locales["es"])
    page.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first()
    old_root = site.root_page if site else None
    if site is None:
        site = Site(is_default_site=True)
    site.hostname, site.port, site.root_page = "testserver", 80, page
    site.save()
    if old_root and old_root.pk != page.pk:
        old_root.delete()
    return page


def _same(text):
    """A translator for tests: English text the test can recognise."""
    return f"EN {text}"


@pytest.fixture
def translate():
    """translate(instance, mapping=None): a real wagtail-localize translation into English."""

    def _translate(instance, mapping=None, locale=None):
        translator = mapping.__getitem__ if mapping is not None else _same
        return translate_instance(instance, locale or english(), translator)

    return _translate


@pytest.fixture
def english_home(home, translate):
    return translate(
        home,
        {
            home.title: "International relations",
            home.slug: "home",
            home.intro: "The office connects the city with the world.",
        },
    )


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, headless, shared by the whole run. Missing Chromium is an error."""
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} not found: install Debian's chromium (make test does it as root).")
    from django.db import connections
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop running in this thread: Django must be told that
    # its ORM calls here are safe, and it then hands out new (context-local) connection objects.
    # They must keep the initial data serialised at setup, or serialized rollback restores nothing.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    serialized = {
        alias: connections[alias]._test_serialized_contents
        for alias in connections
        if hasattr(connections[alias], "_test_serialized_contents")
    }
    with sync_playwright() as playwright:
        for alias, contents in serialized.items():
            connections[alias]._test_serialized_contents = contents
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


@pytest.fixture
def browser_page(browser, django_db_serialized_rollback):
    """A fresh browser context and page for one test, closed afterwards.

    Browser tests run against ``live_server`` (a transactional database, emptied after each
    test); serialized rollback puts back what the migrations created (root page, default site,
    collections, groups) so that the next test starts from the same database.
    """
    context = browser.new_context()
    page = context.new_page()
    yield page
    context.close()
