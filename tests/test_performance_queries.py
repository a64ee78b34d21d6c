"""Issue 12, items 3-4: what every page's shared layout costs in SQL, that the cost does not grow
with the menu or the translations, Wagtail's "public pages" rule as one subquery (same pages as
Wagtail's own), and money formatting through cached Babel patterns (same text as Babel's)."""

from decimal import Decimal

import pytest
from babel.numbers import format_currency, format_decimal, format_percent
from django.core.signals import request_finished, request_started
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction

from home import formats
from home.cache import shared

from .factories import ContentPageFactory

# The site with its root, the top of the page tree (routing to the first level, menus, index
# pages, view restrictions: home/pages.py), the page, the site settings and their identities
# (two queries while the site has no identity), the page's translations: what every page pays
# the first time after a change (tests/test_cold_queries_layout.py: five with an identity).
LAYOUT_QUERIES = 6
# While nothing changes, the top of the tree, settings, identity and translations are kept from
# one request to the next (home/cache/shared.py), and with no view restriction on the site its
# check costs nothing (home/privacy.py): the site and the page are left.
STEADY_LAYOUT_QUERIES = 2


def _queries(client, url, steady=False):
    """Queries of one request; a request before it fills Wagtail's own per-process cache of
    the sites' root paths (two queries, then kept an hour), which is not the page's cost.
    ``steady``: a request to ``url`` before it keeps what the layout shares between requests;
    otherwise those values are dropped first, as after an editor's change."""
    client.get("/es/")
    if steady:
        client.get(url)
    else:
        shared.forget()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured.captured_queries), response


def _publish(page):
    page.save_revision().publish()
    return page


@pytest.fixture
def about(home):
    return _publish(ContentPageFactory(parent=home, title="Acerca", slug="acerca"))


def test_a_content_page_layout_costs_a_fixed_number_of_queries(client, home, about):
    count, response = _queries(client, about.url)
    assert count <= LAYOUT_QUERIES, count
    steady, response = _queries(client, about.url, steady=True)
    assert steady <= STEADY_LAYOUT_QUERIES, steady
    html = response.content.decode()
    assert 'hreflang="es"' in html and "Acerca" in html


def test_layout_queries_do_not_grow_with_the_menu_or_the_translations(
    client, home, english_home, about, translate
):
    english_about = translate(about)
    few = _queries(client, about.url)[0], _queries(client, english_about.url)[0]
    for number in range(12):
        page = ContentPageFactory(parent=home, title=f"Sección {number}", slug=f"seccion-{number}")
        page.show_in_menus = True
        _publish(page)
        translate(page)
    count, response = _queries(client, about.url)
    english_count, english_response = _queries(client, english_about.url)
    assert (count, english_count) == few
    assert few[0] <= LAYOUT_QUERIES and few[1] <= LAYOUT_QUERIES + 1, few
    steady = _queries(client, about.url, True)[0], _queries(client, english_about.url, True)[0]
    assert steady[0] <= STEADY_LAYOUT_QUERIES and steady[1] <= STEADY_LAYOUT_QUERIES + 1
    # The menu shows the twelve sections; the switcher links the translation and back.
    html = response.content.decode()
    assert html.count('class="main-nav"') == 1 and "Sección 11" in html
    assert f'href="{english_about.url}"' in html
    assert f'href="{about.url}"' in english_response.content.decode()


def test_public_pages_are_the_same_as_wagtails_rule(home):
    """A restriction hides its page and everything below it, and nothing else."""
    section = _publish(ContentPageFactory(parent=home, slug="privada"))
    below = _publish(ContentPageFactory(parent=section, slug="debajo"))
    beside = _publish(
        ContentPageFactory(parent=home, slug="privadamente")
    )  # same prefix, not under
    PageViewRestriction.objects.create(page=section, restriction_type="login")

    public = set(Page.objects.live().public().values_list("pk", flat=True))
    private = set(Page.objects.not_public().values_list("pk", flat=True))
    assert section.pk not in public and below.pk not in public
    assert {section.pk, below.pk} == private
    assert beside.pk in public and home.pk in public
    # Wagtail's rule, written out: not under (or at) any restricted page.
    restricted = [r.page for r in PageViewRestriction.objects.select_related("page")]
    expected = {
        page.pk
        for page in Page.objects.live()
        if not any(page.path.startswith(r.path) for r in restricted)
    }
    assert public == expected


def test_view_restrictions_are_read_once_per_request(home, keep_the_test_transaction_open):
    """Inside a request, every public() list shares one read of the restrictions; one saved
    during the request is seen at once; outside a request each call reads them again."""
    section = _publish(ContentPageFactory(parent=home, slug="seccion"))
    request_started.send(sender=None)
    try:
        with CaptureQueriesContext(connection) as captured:
            first = set(Page.objects.live().public().values_list("pk", flat=True))
            second = set(Page.objects.live().public().values_list("pk", flat=True))
        assert len(captured.captured_queries) == 3 and first == second
        PageViewRestriction.objects.create(page=section, restriction_type="login")
        assert section.pk not in set(Page.objects.live().public().values_list("pk", flat=True))
    finally:
        request_finished.send(sender=None)
    with CaptureQueriesContext(connection) as captured:
        list(Page.objects.live().public())
        list(Page.objects.live().public())
    assert len(captured.captured_queries) == 4


@pytest.mark.parametrize("language", ["es", "en"])
def test_formats_match_babels_own_functions(language):
    locale = formats.BABEL_LOCALES[language]
    for value in (Decimal("0"), Decimal("-3"), Decimal("12500000"), Decimal("1234.567")):
        assert formats.format_count(value, language) == format_decimal(value, locale=locale)
        assert formats.format_share(value / 1000, language) == format_percent(
            value / 1000, format="#,##0.#%", locale=locale
        )
        assert formats.format_money(value, "EUR", language) == format_currency(
            value, "EUR", format=formats.CODE_PATTERN, locale=locale
        )
    assert formats.format_clp(Decimal("12500000"), "es") == "$12.500.000"
    assert formats.format_clp(Decimal("12500000"), "en") == "CLP\u00a012,500,000"


def _feature(home, pages):
    home.featured_pages = [("page", page) for page in pages]
    home.save_revision().publish()


def test_featured_pages_cost_the_same_however_many_are_featured(
    client, home, english_home, translate
):
    pages = [
        _publish(ContentPageFactory(parent=home, title=f"Destacada {n}", slug=f"destacada-{n}"))
        for n in range(6)
    ]
    for page in pages:
        translate(page)  # English titles: "EN Destacada n"
    _feature(home, pages[:2])
    few, _response = _queries(client, "/es/")
    _feature(home, pages[::-1])
    pages[2].unpublish()
    many, response = _queries(client, "/es/")
    assert many == few
    html = response.content.decode()
    shown = [page.title for page in pages[::-1] if page.pk != pages[2].pk]
    positions = [html.index(f">{title}</a>") for title in shown]
    assert positions == sorted(positions) and ">Destacada 2</a>" not in html
    # The English home (its featured pages synchronised: the Spanish ones) links their
    # English translations, in the same order.
    english_home.refresh_from_db()
    _feature(english_home, pages[::-1])
    english = client.get("/en/").content.decode()
    assert english.index(">EN Destacada 5</a>") < english.index(">EN Destacada 0</a>")
    assert ">Destacada 5</a>" not in english
