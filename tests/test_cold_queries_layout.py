"""Issue 12, item 3: the first request after a change (a publish bumps the content generation,
so every value the layout keeps across requests is computed again) stays within its SQL budget
on home, a content page, the missions index (plain and filtered), a mission's page and the
feed, in Spanish and in English, and costs the same with three missions as with twelve: the
layout's top of the tree (routing, menus, index pages, restrictions), and the settings with the
identities, each come in one query whatever the content.

The data is built once for the module (tests/module_data.py); the larger set is added inside
the test's own savepoint."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction, Site

from home.cache import bump
from home.models import SiteIdentity
from missions.models import MissionPage

from .factories import ContentPageFactory
from .missions_factories import MissionIndexPageFactory, build_mission, cost_line, result
from .module_data import (
    build_english_home,
    build_home,
    rolled_back_after_module,
    translate_into_english,
)

BUDGET = 15
# The missions index recomputes its kept parts after any change (home/cache/fragments.py), so
# that a renamed objective or person is in its filter on the next request: the filter's four
# option lists in one query, the totals with the emissions and the last change (and the
# listing's count) in one, the two cost charts in one, the countries and emissions charts, the
# month grid and the listing's rows with their destinations. Its report deadline is the
# request's site settings, read with the layout's.
# A content page is the layout alone: the page (the site with its root is kept); after a change
# also the site, the top of the tree, the settings with the identities, and the page's
# translations. The home keeps its body (figures, featured pages, latest missions), so while
# nothing changes it reads no row either.
LAYOUT = {"content": (5, 0), "home": (12, 0)}
# While nothing changes a page reads no row: its body and its layout are kept
# (home/cache/fragments.py) and so is the page itself (home/serving.py). The feed reads its
# latest missions.
STEADY = {"home": 0, "content": 0, "missions": 0, "missions-filtered": 0, "mission": 0}

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def site(django_db_setup, django_db_blocker):
    with rolled_back_after_module(django_db_blocker):
        home = build_home()
        english_home = build_english_home(home)
        site = Site.objects.get(is_default_site=True)
        translate_into_english(
            SiteIdentity.objects.create(site=site, locale=home.locale, office_name="Oficina")
        )
        about = ContentPageFactory(parent=home, title="Acerca", slug="acerca", show_in_menus=True)
        about.save_revision().publish()
        index = MissionIndexPageFactory(parent=home)
        index.save_revision().publish()
        english_about = translate_into_english(about)
        english_index = translate_into_english(index)
        mission = _mission(index, 0)
        english_mission = translate_into_english(mission)
        for number in (1, 2):
            translate_into_english(_mission(index, number))
        yield {
            "index": index,
            "es": _urls(home, about, index, mission),
            "en": _urls(english_home, english_about, english_index, english_mission),
        }


def _mission(index, number):
    return build_mission(
        index,
        title=f"Misión {number}",
        slug=f"mision-{number}",
        start_date=datetime.date(2025, 3, 2) + datetime.timedelta(days=number),
        end_date=datetime.date(2025, 3, 6) + datetime.timedelta(days=number),
        cost_lines=[cost_line(amount=Decimal("100"), currency="CLP", exchange_rate=Decimal("1"))],
        results=[result(status="achieved", value_clp=Decimal("1000"))],
    )


def _urls(home, about, index, mission):
    return {
        "home": home.url,
        "content": about.url,
        "missions": index.url,
        "missions-filtered": f"{index.url}?year=2025",
        "mission": mission.url,
        "feed": f"{index.url}feed/",
    }


def _after_a_change(url):
    """Queries of the first request to ``url`` after a publish (the generation bumped), once a
    request has filled Wagtail's own per-process cache of the sites' root paths (kept an hour,
    not dropped by a publish) and registered the index page types."""
    client = Client()
    client.get(url)
    bump()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    with CaptureQueriesContext(connection) as steady:
        again = client.get(url)
    assert again.content == response.content or url.endswith("feed/")
    return len(captured.captured_queries), len(steady.captured_queries)


@pytest.mark.parametrize("language", ["es", "en"])
def test_the_first_request_after_a_change_stays_within_budget_whatever_the_content(site, language):
    with override_settings(PAGE_CACHE_ENABLED=False):
        small = {label: _after_a_change(url) for label, url in site[language].items()}
        for number in range(3, 12):
            _mission(site["index"], number)
        larger = {label: _after_a_change(url) for label, url in site[language].items()}
    assert larger == small, (small, larger)
    for label, (cold, steady) in small.items():
        assert steady <= STEADY.get(label, BUDGET), (label, steady)
        assert cold <= BUDGET, (label, cold)
        assert (cold, steady) <= LAYOUT.get(label, (cold, steady)), (label, cold, steady)


def test_a_restriction_and_a_menu_change_show_on_the_next_request(site):
    """The restricted sections and the menu now come from the one read of the top of the tree:
    a view restriction added, or a section hidden from the menu, is on the very next request."""
    urls = site["es"]
    mission = MissionPage.objects.get(slug="mision-1", locale__language_code="es")
    about = Page.objects.get(url_path__endswith="/acerca/").specific
    with override_settings(PAGE_CACHE_ENABLED=False):
        client = Client()
        listed = f'href="{mission.url}"'
        assert listed in client.get(urls["missions"]).content.decode()
        assert 'href="/es/acerca/"' in _nav(client.get(urls["home"]))
        PageViewRestriction.objects.create(
            page=mission, restriction_type=PageViewRestriction.PASSWORD, password="x"
        )
        assert listed not in client.get(urls["missions"]).content.decode()
        assert 'type="password"' in client.get(mission.url).content.decode()  # Wagtail's form
        about.show_in_menus = False
        about.save_revision().publish()
        assert 'href="/es/acerca/"' not in _nav(client.get(urls["home"]))


def _nav(response):
    return response.content.decode().split('class="main-nav"', 1)[1].split("</nav>", 1)[0]
