"""The sitemap as an index of per-section sitemaps (issue 12, item 5): pages by app, records by
model, each paginated by Django's sitemap framework; robots.txt points to the index."""

import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import pytest
from django.test import Client, override_settings
from wagtail.models import Page

from .factories import ContentPageFactory
from .missions_factories import OrganizationFactory
from .module_data import build_english_home, build_home, rolled_back_after_module
from .module_data import translate_into_english as translate
from .partners_factories import build_directory
from .sitemaps import SITEMAP, XHTML, sitemap_alternates, sitemap_locations


@pytest.fixture(scope="module")
def site(django_db_blocker):
    with rolled_back_after_module(django_db_blocker):
        home = build_home()
        english_home = build_english_home(home)
        build_directory(home, english_home, translate)
        pages = [ContentPageFactory(parent=home) for _number in range(5)]
        for page in pages:
            page.save_revision().publish()
        organisations = [OrganizationFactory(name=f"Organización {n}") for n in range(5)]
        english = translate(organisations[0], {"Organización 0": "Organisation 0"})
        yield {"home": home, "pages": pages, "organisations": organisations, "english": english}


def urls_of(response):
    return [
        url.find(f"{SITEMAP}loc").text
        for url in ET.fromstring(response.content).findall(f"{SITEMAP}url")
    ]


def path_of(location):
    parts = urlsplit(location)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def test_the_index_lists_one_sitemap_per_section(db, site):
    locations = sitemap_locations(Client())
    assert "http://testserver/sitemap-pages-home.xml" in locations
    assert "http://testserver/sitemap-pages-partners.xml" in locations
    assert "http://testserver/sitemap-directory-organization.xml" in locations
    # Sections with nothing published are not listed.
    assert "http://testserver/sitemap-pages-missions.xml" not in locations
    index = ET.fromstring(Client().get("/sitemap.xml").content)
    assert all(entry.find(f"{SITEMAP}lastmod") is not None for entry in index)


def test_a_section_lists_its_pages_in_both_languages_with_alternates(db, site):
    response = Client().get("/sitemap-pages-home.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    urls = urls_of(response)
    assert "http://testserver/es/" in urls and "http://testserver/en/" in urls
    assert all(page.full_url in urls for page in site["pages"])
    assert not any("/organizaciones/" in url for url in urls)  # a page of another app
    alternates = sitemap_alternates(Client())
    assert alternates["http://testserver/en/"] == {
        "es": "http://testserver/es/",
        "en": "http://testserver/en/",
        "x-default": "http://testserver/es/",
    }


def test_records_have_a_section_of_their_own_with_their_translations(db, site):
    response = Client().get("/sitemap-directory-organization.xml")
    urls = urls_of(response)
    assert len(urls) == 6  # five in Spanish, one translated into English
    english = next(url for url in urls if "/en/organisations/" in url)
    entry = next(
        url
        for url in ET.fromstring(response.content).findall(f"{SITEMAP}url")
        if url.find(f"{SITEMAP}loc").text == english
    )
    links = {link.get("hreflang"): link.get("href") for link in entry.findall(f"{XHTML}link")}
    assert links["en"] == english and links["es"].startswith("http://testserver/es/organizaciones/")
    assert links["x-default"] == links["es"]


@override_settings(SITEMAP_LIMIT=3)
def test_a_long_section_is_split_into_pages_the_index_lists(db, site):
    client = Client()
    locations = [
        location for location in sitemap_locations(client) if "sitemap-pages-home" in location
    ]
    home_pages = 2 + len(site["pages"])  # the two homes and the content pages
    assert len(locations) == -(-home_pages // 3)
    assert locations[1].endswith("?p=2")
    seen = []
    for location in locations:
        urls = urls_of(client.get(path_of(location)))
        assert 0 < len(urls) <= 3
        seen += urls
    assert len(seen) == len(set(seen)) == home_pages


@pytest.mark.parametrize(
    "path",
    ["/sitemap-pages-home.xml?p=99", "/sitemap-pages-home.xml?p=dos", "/sitemap-nothing.xml"],
)
def test_a_page_or_section_that_does_not_exist_is_not_found(db, site, path):
    response = Client().get(path)
    assert response.status_code == 404
    assert "Página no encontrada" in response.content.decode()


def test_robots_txt_points_to_the_index(db, site):
    text = Client().get("/robots.txt").content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in text


def test_a_page_published_now_is_in_its_section_on_the_next_request(db, site):
    client = Client()
    before = urls_of(client.get("/sitemap-pages-home.xml"))
    page = ContentPageFactory(parent=site["home"])
    page.save_revision().publish()
    assert page.full_url not in before
    assert page.full_url in urls_of(client.get("/sitemap-pages-home.xml"))
    page.unpublish()
    assert page.full_url not in urls_of(client.get("/sitemap-pages-home.xml"))


def test_queries_are_fixed_whatever_the_number_of_records(db, site, django_assert_max_num_queries):
    client = Client()
    for path in ["/sitemap.xml", "/sitemap-directory-organization.xml", "/sitemap-pages-home.xml"]:
        with django_assert_max_num_queries(15):
            assert client.get(path).status_code == 200


def test_every_page_has_the_address_wagtail_gives_it(db, site):
    """The sections write a page's address from its path (home/sitemaps.py, page_addresses)
    instead of asking each Page: the very addresses Wagtail gives, at any depth, in both
    languages, and a page's alternates are its translations' addresses."""
    nested = ContentPageFactory(parent=site["pages"][0])
    nested.save_revision().publish()
    deeper = ContentPageFactory(parent=nested)
    deeper.save_revision().publish()
    english = translate(nested)
    alternates = sitemap_alternates(Client())
    pages = (
        Page.objects.live().public().filter(depth__gt=1).exclude(content_type__app_label="partners")
    )
    expected = {page.full_url for page in pages.specific()}
    listed = {
        url for url in alternates if "/organizaciones/" not in url and "/organisations/" not in url
    }
    assert expected <= listed and deeper.full_url in listed and english.full_url in listed
    assert alternates[english.full_url]["es"] == nested.full_url
    assert alternates[nested.full_url]["en"] == english.full_url
    assert "/en/" in english.full_url and english.full_url.count("/") == nested.full_url.count("/")
