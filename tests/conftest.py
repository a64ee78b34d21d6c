"""Shared fixtures: the two locales and a bilingual home page at the site root."""

import pytest
from wagtail.models import Page, Site

from home.translation import translate_instance

from .factories import HomePageFactory, english, spanish


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
