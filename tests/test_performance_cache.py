"""The anonymous page cache (home/cache/): a second anonymous request is served from the cache,
and every kind of change is visible on the very next request, in both languages.

Each test starts with an empty cache (tests/conftest.py) and the module's bilingual site
(tests/partners_factories.build_partner_site: a directory, organisations, a mission, a practice,
agreements), built once and rolled back at the end.
"""

import re

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from wagtail.models import Locale, Page, PageViewRestriction, Site

from directory.models import Organization
from home.cache import bump, generation
from home.models import ContentPage, SiteSettings

from .module_data import rolled_back_after_module
from .partners_factories import build_partner_site

ORG_ES = "/es/organizaciones/municipio-de-san-martin/"
DIRECTORY_ES, DIRECTORY_EN = "/es/organizaciones/", "/en/organisations/"


@pytest.fixture(scope="module")
def site(django_db_blocker):
    with rolled_back_after_module(django_db_blocker):
        data = build_partner_site()
        # The first request creates the site's settings rows (a save, so a bump): done here
        # so that each test's first request is the one that fills the cache.
        for path in (DIRECTORY_ES, DIRECTORY_EN):
            Client().get(path)
        yield data


def get(path, **headers):
    """An anonymous visitor's request: a new client, no cookies."""
    return Client().get(path, **headers)


def visible(path):
    response = get(path)
    assert response.status_code == 200, path
    return re.sub(r"\s+", " ", response.content.decode())


def primed(*paths):
    """Request each path twice: the second answer must come from the cache."""
    for path in paths:
        assert get(path)["X-Page-Cache"] == "miss", path
        assert get(path)["X-Page-Cache"] == "hit", path


def test_the_second_anonymous_request_is_served_from_the_cache(db, site):
    first, second = get(DIRECTORY_ES), get(DIRECTORY_ES)
    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]
    # Browsers revalidate every time (never a stale page) and get a 304 while nothing changed.
    assert second["Cache-Control"] == "no-cache" and second["ETag"] == first["ETag"]
    revalidated = get(DIRECTORY_ES, HTTP_IF_NONE_MATCH=first["ETag"])
    assert revalidated.status_code == 304 and revalidated.content == b""
    # The query string and the language are part of the key.
    assert get(DIRECTORY_ES + "?kind=university")["X-Page-Cache"] == "miss"
    assert get(DIRECTORY_EN)["X-Page-Cache"] == "miss"
    assert "Coastal University" in visible(DIRECTORY_EN)
    assert "Universidad del Litoral" in visible(DIRECTORY_ES)


def test_head_is_answered_from_what_get_cached(db, site):
    primed(DIRECTORY_ES)
    head = Client().head(DIRECTORY_ES)
    assert head.status_code == 200 and head["X-Page-Cache"] == "hit"


def test_open_data_files_feeds_and_the_sitemap_keep_their_headers(db, site):
    data = DIRECTORY_ES + "data/organisations.csv"
    first = get(data)
    body = b"".join(first.streaming_content)
    cached = get(data)
    assert cached["X-Page-Cache"] == "hit" and b"".join(cached.streaming_content) == body
    for header in ("ETag", "Last-Modified", "Access-Control-Allow-Origin", "Content-Disposition"):
        assert cached.get(header) == first.get(header), header
    assert get(data, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    primed("/sitemap.xml")


def test_never_cached_for_logged_in_users_posts_errors_admin_or_cookies(db, site):
    user = get_user_model().objects.create_superuser("admin", "a@example.org", "x")
    editor = Client()
    editor.force_login(user)
    primed(DIRECTORY_ES)
    response = editor.get(DIRECTORY_ES)
    assert response.status_code == 200 and "X-Page-Cache" not in response
    assert "X-Page-Cache" not in editor.get("/admin/")
    preview = editor.get(f"/admin/pages/{site['index'].pk}/edit/preview/")
    assert "X-Page-Cache" not in preview
    assert "X-Page-Cache" not in Client().post(DIRECTORY_ES)
    for _ in range(2):
        missing = get("/es/no-existe/")
        assert missing.status_code == 404 and "X-Page-Cache" not in missing
    # A password-protected page's form sets the CSRF cookie: never stored, never replayed.
    private = ContentPage(title="Interna", slug="interna", summary="", body=[])
    site["index"].get_parent().add_child(instance=private)
    private.save_revision().publish()
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="clave"
    )
    for _ in range(2):
        form = get(private.url)
        assert form.cookies and "X-Page-Cache" not in form


def test_publishing_a_page_is_visible_at_once_in_both_languages(db, site, translate):
    index = site["index"]
    english = index.get_translation(Locale.objects.get(language_code="en"))
    primed(DIRECTORY_ES, DIRECTORY_EN)
    index.intro = "Directorio renovado."
    index.save_revision().publish()
    assert "Directorio renovado." in visible(DIRECTORY_ES)
    english.intro = "A renewed directory."
    english.save_revision().publish()
    assert "A renewed directory." in visible(DIRECTORY_EN)


def test_withdrawing_a_mission_is_visible_at_once(db, site):
    mission = site["mission"]
    primed(mission.url)
    mission.withdrawn = True
    mission.withdrawal_reason = "Registrada dos veces."
    mission.save_revision().publish()
    assert "Registrada dos veces." in visible(mission.url)


def test_unpublishing_moving_and_deleting_pages(db, site):
    practice, mission = site["practice"], site["mission"]
    old_practice_url = practice.url
    primed(old_practice_url, mission.url)
    practice.unpublish()
    assert get(old_practice_url).status_code == 404

    home = Page.objects.get(pk=site["index"].get_parent().pk)
    section = ContentPage(title="Sección", slug="seccion", summary="", body=[])
    home.add_child(instance=section)
    section.save_revision().publish()
    page = ContentPage(title="Viajes", slug="viajes", summary="", body=[])
    section.add_child(instance=page)
    page.save_revision().publish()
    old_url = page.url
    primed(old_url)
    page.move(home, pos="last-child")
    new_url = Page.objects.get(pk=page.pk).url
    moved = get(old_url)  # Wagtail's automatic redirect, not the cached page
    assert moved.status_code == 301 and moved["Location"] == new_url
    assert "Viajes" in visible(new_url)

    mission_url = mission.url
    Page.objects.get(pk=mission.pk).delete()
    assert get(mission_url).status_code == 404


def test_saving_a_snippet_shown_on_pages_in_both_languages(db, site):
    partner = site["partner"]
    english = Organization.objects.get(
        translation_key=partner.translation_key, locale__language_code="en"
    )
    org_en = f"/en/organisations/{english.slug}/"
    primed(ORG_ES, DIRECTORY_ES, DIRECTORY_EN, org_en)
    partner.name = "Municipio de San Martín de los Andes"
    partner.save()
    assert "Municipio de San Martín de los Andes" in visible(DIRECTORY_ES)
    assert "Municipio de San Martín de los Andes" in visible(ORG_ES)
    english.name = "Municipality of San Martín de los Andes"
    english.save()
    assert "Municipality of San Martín de los Andes" in visible(DIRECTORY_EN)
    assert "Municipality of San Martín de los Andes" in visible(org_en)


def test_many_to_many_links_and_deleting_a_snippet(db, site):
    university = site["university"]
    page = "/es/organizaciones/universidad-del-litoral/"
    primed(page)
    assert "Movilidad" in visible(page)
    university.themes.clear()
    university.save()  # modelcluster writes the many-to-many links on save
    assert "Movilidad" not in visible(page)
    primed(DIRECTORY_ES)
    site["quiet"].delete()
    assert "Junta Vecinal Norte" not in visible(DIRECTORY_ES)


def test_changing_site_settings_is_visible_at_once(db, site):
    primed(DIRECTORY_ES, DIRECTORY_EN)
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.contact_email = "nueva@municipio.example"
    settings.save()
    assert "nueva@municipio.example" in visible(DIRECTORY_ES)
    assert "nueva@municipio.example" in visible(DIRECTORY_EN)


def test_bulk_writes_are_followed_by_an_explicit_bump(db, site):
    """QuerySet.update() sends no signal: code that writes published content that way calls
    bump() (the demo loader, the seed commands); until then the cached page stays."""
    primed(DIRECTORY_ES)
    Organization.objects.filter(pk=site["university"].pk).update(name="Universidad Renombrada")
    assert get(DIRECTORY_ES)["X-Page-Cache"] == "hit"
    bump()
    assert "Universidad Renombrada" in visible(DIRECTORY_ES)


def test_what_changes_nothing_a_visitor_sees_keeps_the_cache(db, site, settings):
    """An editor's login (a session, the user's last login, axes' logs), an image size made
    while a page renders and a queued task write rows of installed packages, not content."""
    from practices.tasks import generate_practice_pdf

    from .practices_factories import ImageFactory

    image = ImageFactory()
    get_user_model().objects.create_user("editora", password="una clave larga 123")
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    primed(DIRECTORY_ES, DIRECTORY_EN)

    editor = Client()
    wrong = editor.post("/admin/login/", {"username": "editora", "password": "otra"})
    assert wrong.status_code == 200  # the form again, with its error
    right = editor.post("/admin/login/", {"username": "editora", "password": "una clave larga 123"})
    assert right.status_code == 302
    image.get_rendition("fill-32x24")
    generate_practice_pdf.enqueue(page_id=0, revision_id=0)  # a row in the queue's table
    assert get(DIRECTORY_ES)["X-Page-Cache"] == "hit"
    assert get(DIRECTORY_EN)["X-Page-Cache"] == "hit"


def test_turned_off_nothing_is_cached(db, site, settings):
    settings.PAGE_CACHE_ENABLED = False
    for _ in range(2):
        assert "X-Page-Cache" not in get(DIRECTORY_ES)


def test_a_lost_generation_starts_again_from_a_new_number(db, site):
    from django.core.cache import cache

    primed(DIRECTORY_ES)
    before = generation()
    cache.delete("site:generation")  # evicted, or the cache was flushed
    assert generation() != before
    assert get(DIRECTORY_ES)["X-Page-Cache"] == "miss"
