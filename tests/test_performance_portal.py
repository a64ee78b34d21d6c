"""Issue 12, item 3: the open data portal keeps its datasets' counts and dates across requests
while the content is unchanged (portal/catalogue.py), and shows a change on the next request."""

import pytest
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext

from portal.models import OpenDataPortalPage

from .missions_factories import MissionIndexPageFactory, build_mission
from .module_data import build_home, rolled_back_after_module

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("_no_page_cache")]


@pytest.fixture(scope="module")
def site(django_db_setup, django_db_blocker):
    with rolled_back_after_module(django_db_blocker):
        home = build_home()
        index = MissionIndexPageFactory(parent=home)
        index.save_revision().publish()
        build_mission(index, title="Primera", slug="primera")
        portal = home.add_child(instance=OpenDataPortalPage(title="Datos abiertos", slug="datos"))
        portal.save_revision().publish()
        yield {"index": index, "portal": portal}


@pytest.fixture
def _no_page_cache():
    with override_settings(PAGE_CACHE_ENABLED=False):
        yield


def missions_rows(html):
    """The row count the portal shows for the missions file."""
    row = html.split('href="/es/misiones/data/missions.csv"', 1)[0].rsplit("<tr", 1)[1]
    return row.split('<td class="num">', 1)[1].split("<", 1)[0]


def test_a_new_mission_is_counted_on_the_next_request(site):
    client = Client()
    url = site["portal"].url
    assert missions_rows(client.get(url).content.decode()) == "1"
    build_mission(site["index"], title="Segunda", slug="segunda")
    assert missions_rows(client.get(url).content.decode()) == "2"


def test_the_portal_costs_few_queries_once_warm(site):
    client = Client()
    url = site["portal"].url
    client.get(url)
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    assert len(captured.captured_queries) <= 15
