"""What the page head and the site's own links promise: a favicon, a description on every page
type in the reader's language, a language switcher and hreflang that keep a list's filter and a
sub-route's own address, a menu that marks the current page only, and search at /es/buscar/."""

import html
import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.templatetags.static import static

from .front_site import build_front_site, front_pages

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(home, english_home, translate):
    return build_front_site(home, translate)


def switcher(page_html):
    nav = re.search(r'<nav class="language-switcher".*?</nav>', page_html, re.S).group(0)
    return {
        code: html.unescape(href)
        for href, code in re.findall(r'href="([^"]+)" hreflang="(\w+)"', nav)
    }


def hreflangs(page_html):
    return {
        code: html.unescape(href)
        for code, href in re.findall(
            r'<link rel="alternate" hreflang="([\w-]+)" href="([^"]+)"', page_html
        )
    }


def menu(page_html):
    """[(title, aria-current, class)] of the main navigation's links."""
    nav = re.search(r'<nav class="main-nav".*?</nav>', page_html, re.S).group(0)
    links = []
    for attributes, text in re.findall(r"<a ([^>]*)>(.*?)</a>", nav, re.S):
        current = re.search(r'aria-current="(\w+)"', attributes)
        css = re.search(r'class="([\w ]+)"', attributes)
        links.append(
            (
                re.sub(r"<[^>]+>", "", text).strip(),
                current.group(1) if current else None,
                css.group(1) if css else None,
            )
        )
    return links


def descriptions(page_html):
    return [
        html.unescape(text)
        for text in re.findall(r'<meta name="description" content="([^"]*)">', page_html)
    ]


def test_favicon_is_linked_from_every_page_and_favicon_ico_finds_it(client, pages):
    svg = finders.find("favicon.svg")
    assert svg and Path(svg).read_text().startswith("<svg")
    for spanish, english in front_pages(pages).values():
        for path in (spanish, english):
            page_html = client.get(path).content.decode()
            assert f'<link rel="icon" href="{static("favicon.svg")}" type="image/svg+xml">' in (
                page_html
            ), path
    response = client.get("/favicon.ico")
    assert response.status_code == 302
    assert response["Location"] == static("favicon.svg")


def test_every_page_type_has_a_description_in_the_readers_language(client, pages):
    mission, mission_en = pages["mission"]
    practice, practice_en = pages["practice"]
    expected = {
        "/es/": "La oficina conecta la ciudad con el mundo.",
        "/en/": "The office connects the city with the world.",
        pages["about"][0].url: "Quiénes somos y qué hacemos por la ciudad.",
        pages["about"][1].url: "Who we are and what we do.",
        pages["missions"][0].url: "Viajes oficiales, sus costos y sus resultados.",
        pages["missions"][1].url: "Official trips, costs, results.",
        mission.url: mission.purpose,
        mission_en.url: "EN " + mission.purpose,
        practice.url: practice.summary,
        practice_en.url: "EN " + practice.summary,
    }
    for path, description in expected.items():
        assert descriptions(client.get(path).content.decode()) == [description], path
    paths = front_pages(pages)
    for name in ("data dictionary", "search", "missing page"):
        spanish, english = (descriptions(client.get(path).content.decode()) for path in paths[name])
        assert len(spanish) == len(english) == 1, name
        assert spanish[0] and english[0] and spanish != english, name
    search_es, search_en = (
        descriptions(client.get(path).content.decode())[0] for path in paths["search"]
    )
    assert "viajes oficiales al extranjero" in search_es
    assert "official trips abroad" in search_en


def test_editors_search_description_comes_first(client, pages):
    about = pages["about"][0]
    about.search_description = "Descripción para buscadores."
    about.save_revision().publish()
    assert descriptions(client.get(about.url).content.decode()) == ["Descripción para buscadores."]


def test_switcher_and_hreflang_keep_a_filtered_lists_query(client, pages):
    index, index_en = pages["missions"]
    page_html = client.get(index.url, {"year": "2025", "type": "conference"}).content.decode()
    assert switcher(page_html) == {
        "es": f"{index.url}?year=2025&type=conference",
        "en": f"{index_en.url}?year=2025&type=conference",
    }
    assert (
        hreflangs(page_html)["en"] == f"http://testserver{index_en.url}?year=2025&type=conference"
    )
    # Without a query there is none to keep.
    assert switcher(client.get(index_en.url).content.decode())["es"] == index.url
    practices, practices_en = pages["practices"]
    page_html = client.get(practices_en.url, {"sdg": "11"}).content.decode()
    assert switcher(page_html)["es"] == f"{practices.url}?sdg=11"


def test_data_dictionary_switches_to_its_own_translation(client, pages):
    index, index_en = pages["missions"]
    spanish, english = index.url + "data-dictionary/", index_en.url + "data-dictionary/"
    for path in (spanish, english):
        page_html = client.get(path).content.decode()
        assert switcher(page_html) == {"es": spanish, "en": english}
        links = hreflangs(page_html)
        assert links["es"] == links["x-default"] == f"http://testserver{spanish}"
        assert links["en"] == f"http://testserver{english}"


def test_menu_marks_the_current_page_and_its_section_apart(client, pages):
    index, index_en = pages["missions"]
    mission_en = pages["mission"][1]
    on_index = menu(client.get(index_en.url).content.decode())
    assert ("Missions", "page", None) in on_index
    assert [link for link in on_index if link[1]] == [("Missions", "page", None)]
    for path in (index_en.url + "data-dictionary/", mission_en.url):
        links = menu(client.get(path).content.decode())
        assert ("Missions (current section)", None, "ancestor") in links, path
        assert [link for link in links if link[1]] == [], path
    on_home = menu(client.get("/en/").content.decode())
    assert [link for link in on_home if link[1] or link[2]] == [("Home", "page", None)]
    spanish = menu(client.get(index.url + "data-dictionary/").content.decode())
    assert ("Misiones (sección actual)", None, "ancestor") in spanish


def test_search_lives_at_buscar_in_spanish_and_search_in_english(client, pages):
    response = client.get("/es/buscar/", {"q": "oficina"})
    assert response.status_code == 200
    page_html = response.content.decode()
    assert 'action="/es/buscar/"' in page_html
    assert "Sobre la oficina" in page_html
    assert switcher(page_html)["en"] == "/en/search/?q=oficina"
    english = client.get("/en/search/", {"q": "office"}).content.decode()
    assert 'action="/en/search/"' in english
    assert "About the office" in english
    assert switcher(english)["es"] == "/es/buscar/?q=office"
    assert client.get("/en/buscar/").status_code == 404
    # Every link to search follows the language: the header form on every page, the 404 page.
    assert 'action="/es/buscar/"' in client.get("/es/").content.decode()
    assert 'href="/es/buscar/"' in client.get("/es/no-existe/").content.decode()
    assert 'href="/en/search/"' in client.get("/en/missing/").content.decode()


def test_old_spanish_search_address_redirects_for_good_with_its_query(client, pages):
    response = client.get("/es/search/?q=oficina&type=home.contentpage&page=2")
    assert response.status_code == 301
    assert response["Location"] == "/es/buscar/?q=oficina&type=home.contentpage&page=2"
    assert client.get("/es/search/").headers["Location"] == "/es/buscar/"


def test_switcher_names_the_translated_person_and_theme_of_a_filter(client, pages):
    from directory.models import Person
    from practices.models import Theme

    index, index_en = pages["missions"]
    person = Person.objects.get(name="Javiera Castro Morales", locale=index.locale)
    person_en = person.get_translation(index_en.locale)
    assert person_en.pk != person.pk
    links = switcher(client.get(index.url, {"person": person.pk, "year": "2026"}).content.decode())
    assert links["en"] == f"{index_en.url}?person={person_en.pk}&year=2026"
    english = client.get(links["en"])
    assert english.context["notices"] == []
    assert [row["page"].pk for row in english.context["rows"]] == [pages["mission"][1].pk]
    back = switcher(english.content.decode())
    assert back["es"] == f"{index.url}?person={person.pk}&year=2026"
    # A value that names nothing is passed on as it is, for the list to say so.
    assert switcher(client.get(index.url, {"person": "abc"}).content.decode())["en"] == (
        f"{index_en.url}?person=abc"
    )

    practices, practices_en = pages["practices"]
    assert Theme.objects.filter(slug="mobility").exists()
    links = switcher(client.get(practices.url, {"theme": "movilidad"}).content.decode())
    assert links["en"] == f"{practices_en.url}?theme=mobility"
    english = client.get(links["en"]).content.decode()
    assert "Night buses" in english
    assert "There is no theme" not in english
