"""Issue 12, item 3: the layout's site, settings, identity, menu, translations and view restrictions
are kept from one request to the next (home/cache/shared.py), and never shown stale: each kind
of change is on the very next request, in both languages, with the page cache off so that
only the layout's own memo is at work."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client, RequestFactory, override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction, Site

from home.models import SiteIdentity, SiteSettings

from .factories import ContentPageFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("_no_page_cache")]


@pytest.fixture
def _no_page_cache():
    with override_settings(PAGE_CACHE_ENABLED=False):
        yield


@pytest.fixture
def about(home):
    page = ContentPageFactory(parent=home, title="Acerca", slug="acerca")
    page.save_revision().publish()
    return page


def html(url):
    return Client().get(url).content.decode()


def footer(url):
    return html(url).split('<footer class="site-footer">', 1)[1]


def nav(url):
    return html(url).split('class="main-nav"', 1)[1].split("</nav>", 1)[0]


def queries(url):
    with CaptureQueriesContext(connection) as captured:
        assert Client().get(url).status_code == 200
    return len(captured.captured_queries)


def test_the_next_request_reads_no_settings_identity_menu_or_translations(home, about):
    html(about.url)  # (creates the site's settings the first time: a change)
    html(about.url)
    with CaptureQueriesContext(connection) as captured:
        Client().get(about.url)
    tables = " ".join(query["sql"] for query in captured.captured_queries)
    for table in ("home_sitesettings", "home_siteidentity", "wagtail_localize_translationsource"):
        assert table not in tables
    assert queries(about.url) <= 5


def test_changed_settings_show_on_the_next_request_in_both_languages(home, english_home):
    assert "+56 2 0000 0000" not in footer("/es/") + footer("/en/")
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.phone = "+56 2 0000 0000"
    settings.save()
    assert "+56 2 0000 0000" in footer("/es/") and "+56 2 0000 0000" in footer("/en/")


def test_a_changed_identity_shows_on_the_next_request(home, english_home, translate):
    site = Site.objects.get(is_default_site=True)
    identity = SiteIdentity.objects.create(site=site, locale=home.locale, office_name="Oficina A")
    english = translate(identity)
    assert "Oficina A" in footer("/es/") and "EN Oficina A" in footer("/en/")
    english.office_name = "Office B"
    english.save()
    assert "Office B" in footer("/en/") and "Oficina A" in footer("/es/")


def test_a_menu_page_published_or_hidden_shows_at_once(home, english_home, about):
    assert "Nueva sección" not in nav("/es/")
    page = ContentPageFactory(parent=home, title="Nueva sección", slug="nueva", show_in_menus=True)
    page.save_revision().publish()
    assert "Nueva sección" in nav("/es/") and "Nueva sección" in nav(about.url)
    page.unpublish()
    assert "Nueva sección" not in nav("/es/")


def switcher(url):
    return html(url).split('class="language-switcher"', 1)[1].split("</nav>", 1)[0]


def test_a_new_translation_is_in_the_switcher_on_the_next_request(
    home, english_home, about, translate
):
    assert "language=en" in switcher(about.url)  # not translated: the page in Spanish, a notice
    english = translate(about)
    assert f'href="{english.url}"' in switcher(about.url)
    english.unpublish()
    assert f'href="{english.url}"' not in switcher(about.url)
    assert "language=en" in switcher(about.url)


def test_a_flushed_cache_drops_the_kept_values(home):
    """A write that sends no signal (QuerySet.update) is seen once the cache is flushed, as an
    operator would after writing to the database by hand."""
    html("/es/")
    site = Site.objects.get(is_default_site=True)
    SiteSettings.for_site(site)
    SiteSettings.objects.filter(site=site).update(phone="+56 9 1111 1111")
    cache.clear()
    assert "+56 9 1111 1111" in footer("/es/")


def test_each_request_has_its_own_copy_of_the_settings(home, keep_the_test_transaction_open):
    # The request signals are sent by hand, as the WSGI handler does: on PostgreSQL Django
    # would close the test transaction's connection on them (see the fixture).
    factory = RequestFactory()
    first, second = factory.get("/es/"), factory.get("/es/")
    from django.core.signals import request_finished, request_started

    request_started.send(sender=None)
    try:
        one = SiteSettings.for_request(first)
        assert SiteSettings.for_request(first) is one
    finally:
        request_finished.send(sender=None)
    request_started.send(sender=None)
    try:
        other = SiteSettings.for_request(second)
    finally:
        request_finished.send(sender=None)
    assert other is not one and other.pk == one.pk
    assert one._request is first and other._request is second


def test_a_view_restriction_is_enforced_at_once_and_lifted_at_once(home, about):
    below = ContentPageFactory(parent=about, title="Debajo", slug="debajo")
    below.save_revision().publish()
    assert Client().get(below.url).status_code == 200
    restriction = PageViewRestriction.objects.create(page=about, restriction_type="login")
    for url in (about.url, below.url):
        response = Client().get(url)
        assert response.status_code == 302 and "/login/" in response["Location"]
    restriction.delete()
    assert Client().get(below.url).status_code == 200
    PageViewRestriction.objects.create(page=about, restriction_type="password", password="x")
    assert "password" in html(below.url).lower()


def h1(host):
    response = Client(HTTP_HOST=host).get("/es/")
    assert response.status_code == 200
    return response.content.decode().split("<h1", 1)[1].split("</h1>", 1)[0]


def test_a_steady_page_reads_no_site(home, about):
    """Which site answers a host is kept too (home/serving.py, ``site_for_hostname``)."""
    html(about.url)
    html(about.url)
    with CaptureQueriesContext(connection) as captured:
        assert Client().get(about.url).status_code == 200
    assert not [q for q in captured.captured_queries if "wagtailcore_site" in q["sql"]]


def test_a_new_changed_or_deleted_site_answers_on_the_next_request(home, about):
    assert home.title in h1("otra.example")  # the default site, for any host
    site = Site.objects.create(hostname="otra.example", port=80, root_page=about)
    assert "Acerca" in h1("otra.example")
    assert home.title in h1("testserver")
    site.root_page = home
    site.save()
    assert home.title in h1("otra.example")
    site.root_page = about
    site.save()
    assert "Acerca" in h1("otra.example")
    site.delete()
    assert home.title in h1("otra.example")
