"""The home page keeps its body (the introduction, this year's figures, the featured pages, the
latest missions) while the content is unchanged, with the page cache off; any change shows on
the next request in both languages, and a preview of a draft shows the draft."""

import datetime
import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from .missions_factories import build_mission

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_off")]


@pytest.fixture
def homes(home, english_home, mission_index, translate):
    translate(mission_index)
    return {"es": home, "en": english_home}


def get(url, client=None):
    with CaptureQueriesContext(connection) as queries:
        response = (client or Client()).get(url)
    assert response.status_code == 200
    assert "X-Page-Cache" not in response.headers
    return re.sub(r'nonce="[^"]*"', "", response.content.decode()), len(queries)


def latest(html):
    return html.split('class="latest-missions"', 1)[1].split("</section>", 1)[0]


def publish(page, **fields):
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()


@pytest.mark.parametrize("language", ["es", "en"])
def test_a_second_request_reads_no_figures_or_missions_and_shows_the_same_page(
    homes, mission_index, translate, language
):
    translate(build_mission(mission_index, title="Misión a Lima", slug="lima"))
    url = homes[language].url
    first, _ = get(url)
    with CaptureQueriesContext(connection) as captured:
        second, _ = get(url)
    assert second == first
    assert homes[language].intro in second and 'class="latest-missions"' in second
    # Neither the figures, the featured pages nor the latest missions are read again.
    tables = " ".join(query["sql"] for query in captured.captured_queries)
    for table in ("missions_missionpage", "standards_"):
        assert table not in tables, table


def test_a_published_intro_shows_on_the_next_request_in_both_languages(homes):
    for language, home in homes.items():
        get(home.url)
        publish(home, intro=f"Nueva introducción {language}")
    for language, home in homes.items():
        html, _ = get(home.url)
        assert f"Nueva introducción {language}" in html


def test_a_published_mission_shows_among_the_latest_on_the_next_request(
    homes, mission_index, translate
):
    before = {language: get(home.url)[0] for language, home in homes.items()}
    assert "Misión a Lima" not in before["es"]
    mission = build_mission(
        mission_index,
        title="Misión a Lima",
        slug="lima",
        start_date=datetime.date.today() - datetime.timedelta(days=3),
        end_date=datetime.date.today() - datetime.timedelta(days=1),
    )
    translate(mission)
    assert "Misión a Lima" in latest(get(homes["es"].url)[0])
    assert "EN Misión a Lima" in latest(get(homes["en"].url)[0])


def test_a_featured_page_shows_on_the_next_request(homes, mission_index):
    home = homes["es"]
    get(home.url)
    publish(home, featured_title="Destacados", featured_pages=[("page", mission_index)])
    html, _ = get(home.url)
    featured = html.split('class="featured"', 1)[1].split("</section>", 1)[0]
    assert "Destacados" in featured
    assert f'href="{mission_index.url}"' in featured


def test_a_preview_of_a_draft_shows_the_draft_and_leaves_the_live_page_alone(homes, admin_client):
    home = homes["es"]
    live, _ = get(home.url)  # kept
    home.intro = "Borrador de la introducción"
    revision = home.save_revision()
    preview = admin_client.get(
        reverse("wagtailadmin_pages:revisions_view", args=[home.pk, revision.pk])
    )
    assert preview.status_code == 200
    assert "Borrador de la introducción" in preview.content.decode()
    again, _ = get(home.url)
    assert "Borrador de la introducción" not in again
    assert again == live


def test_an_editor_sees_the_userbar_on_the_kept_home(homes, admin_client):
    home = homes["es"]
    get(home.url)  # kept by an anonymous visit
    html, _ = get(home.url, admin_client)
    assert "wagtail-userbar" in html
    assert home.intro in html
