"""Issue 12, item 4: the layout's header (language switcher, main navigation, translation
notice) and hreflang links are kept per live page and address, and the footer per host
(site/templates/base.html, ``layout_fragments``). Each is checked with the page cache off, so
that only the kept parts are at work: what differs from one address or host to another is
never shown on the other, and a change shows on the next request."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from home.models import SiteSettings

from .factories import ContentPageFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_off")]


@pytest.fixture
def about(home):
    page = ContentPageFactory(parent=home, title="Acerca", slug="acerca", show_in_menus=True)
    page.save_revision().publish()
    return page


def html(url, host="testserver"):
    response = Client(HTTP_HOST=host).get(url)
    assert response.status_code == 200
    return response.content.decode()


def switcher(url):
    return html(url).split('class="language-switcher"', 1)[1].split("</nav>", 1)[0]


def hreflang(url):
    return [line for line in html(url).splitlines() if 'rel="alternate" hreflang=' in line]


def test_the_switcher_and_hreflang_keep_each_address_query(home, english_home):
    assert 'href="/en/"' in switcher("/es/")
    # The same page with a query string: its own header, not the one kept for /es/.
    assert 'href="/en/?tema=agua"' in switcher("/es/?tema=agua")
    assert any("/en/?tema=agua" in line for line in hreflang("/es/?tema=agua"))
    assert 'href="/en/"' in switcher("/es/")
    assert not any("tema=agua" in line for line in hreflang("/es/"))


def test_the_untranslated_notice_follows_the_address(home, english_home, about):
    notice = "This page has not been translated into"
    assert "translation-notice" not in html(about.url)
    # The switcher's link to English: the Spanish page, with the notice in English.
    assert "translation-notice" in html(f"{about.url}?language=en")
    assert notice in html(f"{about.url}?language=en")
    assert "translation-notice" not in html(about.url)


def test_the_current_page_is_marked_in_the_navigation_of_each_page(home, about):
    other = ContentPageFactory(parent=home, title="Otra", slug="otra", show_in_menus=True)
    other.save_revision().publish()
    for page, elsewhere in ((about, other), (other, about)):
        nav = html(page.url).split('class="main-nav"', 1)[1].split("</nav>", 1)[0]
        assert f'href="{page.url}" aria-current="page"' in nav
        assert f'href="{elsewhere.url}" aria-current' not in nav


def test_each_host_has_its_own_footer_and_header(home):
    SiteSettings.for_site(Site.objects.get(is_default_site=True))
    port = Site.objects.create(hostname="puerto.example", port=80, root_page=home)
    settings = SiteSettings.for_site(port)
    settings.office_name = "Oficina del Puerto"
    settings.save()
    assert "Oficina del Puerto" not in html("/es/")
    ported = html("/es/", host="puerto.example")
    footer = ported.split('<footer class="site-footer">', 1)[1]
    header = ported.split('<header class="site-header">', 1)[1].split("</header>", 1)[0]
    assert "Oficina del Puerto" in footer and "Oficina del Puerto" in header
    assert "Oficina del Puerto" not in html("/es/")


def test_a_renamed_menu_page_shows_in_every_kept_header(home, english_home, about):
    other = ContentPageFactory(parent=home, title="Otra", slug="otra")
    other.save_revision().publish()
    assert "Acerca" in html(other.url) and "Acerca" in html("/es/")
    about.title = "Quiénes somos"
    about.save_revision().publish()
    for url in (other.url, "/es/", about.url):
        nav = html(url).split('class="main-nav"', 1)[1].split("</nav>", 1)[0]
        assert "Quiénes somos" in nav and "Acerca" not in nav


def test_a_kept_header_reads_neither_the_menu_nor_the_translations(home, english_home, about):
    html(about.url)
    with CaptureQueriesContext(connection) as captured:
        html(about.url)
    # Neither the menu, the translations nor the page itself (kept too, home/serving.py).
    assert captured.captured_queries == []
