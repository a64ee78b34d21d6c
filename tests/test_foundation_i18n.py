"""Two languages: prefixed URLs, the switcher, hreflang, the sitemap, translated error pages."""

import re
from urllib.parse import urlsplit

import pytest
from django.test import RequestFactory
from django.utils import translation

from home.views import server_error

from .factories import ContentPageFactory
from .sitemaps import sitemap_alternates, sitemap_locations, sitemap_urls

pytestmark = pytest.mark.django_db


def switcher_links(html):
    """{language: href} of the language switcher's links."""
    nav = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S).group(0)
    return {code: href for href, code in re.findall(r'<a href="([^"]+)" hreflang="(\w+)"', nav)}


def hreflangs(html):
    return dict(re.findall(r'<link rel="alternate" hreflang="([\w-]+)" href="([^"]+)"', html))


@pytest.fixture
def about(home):
    page = ContentPageFactory(
        parent=home, title="Sobre la oficina", slug="sobre-la-oficina", summary="Quiénes somos."
    )
    page.save_revision().publish()
    return page


@pytest.fixture
def about_en(english_home, about, translate):
    return translate(
        about,
        {
            "Sobre la oficina": "About the office",
            "sobre-la-oficina": "about-the-office",
            "Quiénes somos.": "Who we are.",
            "Texto de la página.": "The page's text.",
        },
    )


@pytest.mark.parametrize(
    ("accept", "target"), [("en-GB,en;q=0.9", "/en/"), ("fr-FR,fr;q=0.9", "/es/"), (None, "/es/")]
)
def test_root_redirects_by_accept_language(client, english_home, accept, target):
    headers = {"HTTP_ACCEPT_LANGUAGE": accept} if accept else {}
    response = client.get("/", **headers)
    assert response.status_code == 302
    assert response["Location"] == target


def test_html_lang_and_home_in_each_language(client, english_home):
    spanish = client.get("/es/").content.decode()
    english = client.get("/en/").content.decode()
    assert '<html lang="es">' in spanish and "La oficina conecta la ciudad con el mundo." in spanish
    assert (
        '<html lang="en">' in english and "The office connects the city with the world." in english
    )


def test_translation_follows_changes_to_the_spanish_source(client, about_en, about, translate):
    assert about_en.url == "/en/about-the-office/"
    assert "Who we are." in client.get(about_en.url).content.decode()

    about.summary = "Quiénes somos y qué hacemos."
    about.save_revision().publish()
    translate(
        about,
        {
            "Sobre la oficina": "About the office",
            "sobre-la-oficina": "about-the-office",
            "Quiénes somos y qué hacemos.": "Who we are and what we do.",
            "Texto de la página.": "The page's text.",
        },
    )
    html = client.get("/en/about-the-office/").content.decode()
    assert "Who we are and what we do." in html
    assert "Quiénes somos" not in html


def test_switcher_goes_to_the_pages_translation(client, about_en, about):
    links = switcher_links(client.get(about.url).content.decode())
    assert links == {"es": "/es/sobre-la-oficina/", "en": "/en/about-the-office/"}
    links = switcher_links(client.get(about_en.url).content.decode())
    assert links["es"] == "/es/sobre-la-oficina/"


def test_switcher_keeps_the_content_when_no_translation(client, english_home, about):
    # Issue 10: the same page in its original language, with a notice (not the other home).
    links = switcher_links(client.get(about.url).content.decode())
    assert links["en"] == f"{about.url}?language=en"
    assert client.get(links["en"]).status_code == 200


def test_switcher_on_a_view_that_is_not_a_page(client, english_home):
    html = client.get("/es/buscar/", {"q": "oficina"}).content.decode()
    links = switcher_links(html)
    assert links["en"].startswith("/en/search/")
    assert "q=oficina" in links["en"]
    assert hreflangs(html)["en"].startswith("http://testserver/en/search/")


def test_switcher_on_a_404_never_leads_to_another_404(client, english_home):
    response = client.get("/es/no-existe/")
    assert response.status_code == 404
    links = switcher_links(response.content.decode())
    assert links == {"es": "/es/", "en": "/en/"}
    assert hreflangs(response.content.decode()) == {}


def test_hreflang_alternates_and_x_default(client, about_en, about):
    links = hreflangs(client.get(about_en.url).content.decode())
    assert links == {
        "es": "http://testserver/es/sobre-la-oficina/",
        "en": "http://testserver/en/about-the-office/",
        "x-default": "http://testserver/es/sobre-la-oficina/",
    }


def test_sitemap_lists_both_languages_with_alternates(client, about_en, about):
    alternates = sitemap_alternates(client)
    expected = {
        "es": "http://testserver/es/sobre-la-oficina/",
        "en": "http://testserver/en/about-the-office/",
        "x-default": "http://testserver/es/sobre-la-oficina/",
    }
    assert alternates["http://testserver/es/sobre-la-oficina/"] == expected
    assert alternates["http://testserver/en/about-the-office/"] == expected
    assert alternates["http://testserver/en/"]["es"] == "http://testserver/es/"
    assert len(alternates) == 4


def test_robots_txt_points_to_the_sitemap(client, home):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    text = response.content.decode()
    assert "Disallow: /admin/" in text
    assert "Sitemap: http://testserver/sitemap.xml" in text
    assert sitemap_locations(client)  # the address is the sitemap index


@pytest.mark.parametrize(
    ("path", "text", "lang"),
    [("/es/no-existe/", "Página no encontrada", "es"), ("/en/missing/", "Page not found", "en")],
)
def test_404_page_in_each_language(client, english_home, path, text, lang):
    response = client.get(path)
    assert response.status_code == 404
    html = response.content.decode()
    assert f'<html lang="{lang}">' in html
    assert text in html
    assert f'href="/{lang}/"' in html
    # The whole page is in the reader's language, not only what Django itself translates.
    assert ("The page you asked for does not exist" in html) == (lang == "en")


@pytest.mark.parametrize(
    ("path", "text"), [("/es/algo/", "Algo salió mal"), ("/en/something/", "Something went wrong")]
)
def test_500_page_in_each_language(path, text):
    with translation.override("es"):
        response = server_error(RequestFactory().get(path))
    assert response.status_code == 500
    assert text in response.content.decode()
    assert ("Home page" in response.content.decode()) == path.startswith("/en/")


def test_sitemap_queries_do_not_grow_with_the_number_of_pages(
    client, about_en, home, django_assert_max_num_queries
):
    for _number in range(20):
        ContentPageFactory(parent=home).save_revision().publish()
    with django_assert_max_num_queries(15):
        locations = sitemap_locations(client)
    for location in locations:
        with django_assert_max_num_queries(15):
            response = client.get(urlsplit(location).path)
        assert response.status_code == 200
    assert len(sitemap_urls(client)) == 24
