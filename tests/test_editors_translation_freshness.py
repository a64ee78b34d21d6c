"""Readers see when a translation lags behind its Spanish original, and a page without a
translation is shown in its original language, with a notice, rather than elsewhere."""

import datetime
import html
import re

import pytest
from django.utils import timezone

from home.formats import format_date

from .factories import ContentPageFactory
from .sitemaps import sitemap_text


def text(response):
    assert response.status_code == 200
    return html.unescape(response.content.decode())


def switcher_link(content, code):
    nav = re.search(r'<nav class="language-switcher".*?</nav>', content, re.S).group(0)
    return html.unescape(re.search(rf'<a href="([^"]+)" hreflang="{code}"', nav).group(1))


@pytest.fixture
def about(home, english_home):
    page = ContentPageFactory(parent=home, title="Quiénes somos", slug="quienes-somos")
    page.save_revision().publish()
    return page


@pytest.mark.django_db
def test_a_fresh_translation_has_no_notice(client, about, translate):
    english = translate(about)
    assert "Translated from" not in text(client.get(english.url))


@pytest.mark.django_db
def test_an_outdated_translation_says_so_with_dates_and_a_link(client, about, translate):
    english = translate(about)
    from wagtail_localize.models import TranslationSource

    synced = timezone.make_aware(datetime.datetime(2026, 3, 5, 12, 0))
    TranslationSource.objects.filter(object_id=about.translation_key).update(last_updated_at=synced)
    about.title = "Quiénes somos y qué hacemos"
    about.save_revision().publish()
    about.refresh_from_db()

    content = text(client.get(english.url))
    updated = format_date(timezone.localtime(about.last_published_at), "en")
    expected = (
        f"Translated from Spanish on March 5, 2026; the Spanish original was updated on {updated}."
    )
    assert expected in content
    assert re.search(
        rf'<a href="{re.escape(about.url)}" hreflang="es">Read the Spanish original</a>', content
    )
    assert "Traducido del" not in text(client.get(about.url))


@pytest.mark.django_db
def test_the_notice_is_the_same_below_the_top_of_the_tree(client, about, translate):
    """A top page's translations come with the top of the tree (home.pages.top_translations);
    a deeper page's are read on their own: both tell an outdated translation the same way."""
    from wagtail_localize.models import TranslationSource

    english_about = translate(about)
    team = ContentPageFactory(parent=about, title="Equipo", slug="equipo")
    team.save_revision().publish()
    english_team = translate(team)
    synced = timezone.make_aware(datetime.datetime(2026, 3, 5, 12, 0))
    assert "Translated from" not in text(client.get(english_team.url))
    TranslationSource.objects.filter(object_id=team.translation_key).update(last_updated_at=synced)
    team.title = "Equipo de la oficina"
    team.save_revision().publish()
    assert "Translated from Spanish on March 5, 2026" in text(client.get(english_team.url))
    # The top page above it was not changed: its translation is still current.
    assert "Translated from" not in text(client.get(english_about.url))


@pytest.mark.django_db
def test_switching_language_on_an_untranslated_page_keeps_the_content(client, about):
    spanish_page = text(client.get(about.url))
    target = switcher_link(spanish_page, "en")
    assert target.startswith(about.url)
    assert "language=en" in target

    shown = text(client.get(target))
    assert "<h1>Quiénes somos</h1>" in shown or "Quiénes somos" in shown
    assert (
        '<div class="notice translation-notice" role="note" lang="en"><p>This page has not '
        "been translated into English: it is shown in its original language, Spanish.</p>"
    ) in shown
    # Back to Spanish: the plain page, without the notice.
    back = switcher_link(shown, "es")
    assert back == about.url
    assert "has not been translated" not in text(client.get(back))


@pytest.mark.django_db
def test_an_untranslated_page_is_not_in_the_sitemap_as_a_translation(client, about):
    sitemap = sitemap_text(client)
    block = re.search(
        rf"<url>\s*<loc>[^<]*{re.escape(about.url)}</loc>.*?</url>", sitemap, re.S
    ).group(0)
    assert 'hreflang="en"' not in block
    assert "language=" not in sitemap
