"""Public pages for snippet records (home/records.py), through the organisations directory:
one address per record in each language, the switcher and hreflang between them, the sitemap."""

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import translation

from directory.models import Organization

from .missions_factories import OrganizationFactory
from .module_data import build_english_home, build_home, rolled_back_after_module
from .module_data import translate_into_english as translate
from .partners_factories import build_directory
from .sitemaps import sitemap_text


@pytest.fixture(scope="module")
def site(django_db_blocker):
    with rolled_back_after_module(django_db_blocker):
        home = build_home()
        english_home = build_english_home(home)
        index, english_index = build_directory(home, english_home, translate)
        both = OrganizationFactory(
            name="Universidad Técnica del Litoral", description="Universidad regional."
        )
        english_both = translate(
            both,
            {
                "Universidad Técnica del Litoral": "Coastal Technical University",
                "Universidad regional.": "A regional university.",
            },
        )
        spanish_only = OrganizationFactory(name="Junta de Vecinos Caleta Sur")
        yield {
            "index": index,
            "english_index": english_index,
            "both": both,
            "english_both": english_both,
            "spanish_only": spanish_only,
        }


def test_the_slug_is_made_from_the_name_and_shared_by_the_translation(db, site):
    assert site["both"].slug == "universidad-tecnica-del-litoral"
    assert site["english_both"].slug == site["both"].slug
    assert site["english_both"].locale.language_code == "en"


def test_each_language_serves_the_record_in_that_language(db, site):
    client = Client()
    spanish = client.get("/es/organizaciones/universidad-tecnica-del-litoral/")
    english = client.get("/en/organisations/universidad-tecnica-del-litoral/")
    assert spanish.status_code == 200 and english.status_code == 200
    assert "<h1>Universidad Técnica del Litoral" in spanish.content.decode()
    assert "<h1>Coastal Technical University" in english.content.decode()
    assert '<html lang="en">' in english.content.decode()


def test_unknown_or_untranslated_records_are_not_found(db, site):
    client = Client()
    assert client.get("/es/organizaciones/no-existe/").status_code == 404
    assert client.get("/es/organizaciones/junta-de-vecinos-caleta-sur/").status_code == 200
    # Not translated yet: no English page, rather than Spanish text under an English address.
    assert client.get("/en/organisations/junta-de-vecinos-caleta-sur/").status_code == 404


def test_switcher_and_hreflang_point_at_the_same_records_translation(db, site):
    html = Client().get("/es/organizaciones/universidad-tecnica-del-litoral/").content.decode()
    english = "http://testserver/en/organisations/universidad-tecnica-del-litoral/"
    assert f'hreflang="en" href="{english}"' in html
    assert 'href="/en/organisations/universidad-tecnica-del-litoral/"' in html
    assert (
        '<link rel="canonical" href="http://testserver/es/organizaciones/universidad-tecnica-del-litoral/">'
        in html
    )


def test_an_untranslated_record_offers_no_english_address(db, site):
    html = Client().get("/es/organizaciones/junta-de-vecinos-caleta-sur/").content.decode()
    assert '<link rel="alternate" hreflang="en"' not in html
    assert "/en/organisations/junta-de-vecinos-caleta-sur/" not in html
    # The switcher keeps the reader on the same record, in Spanish, with a notice in English.
    switch = "/es/organizaciones/junta-de-vecinos-caleta-sur/?language=en"
    assert f'href="{switch}" hreflang="en"' in html
    shown = Client().get(switch).content.decode()
    assert "This page has not been translated into English" in shown
    assert "This page has not been translated" not in html


def test_the_sitemap_lists_every_record_with_its_translation(db, site):
    xml = sitemap_text(Client())
    spanish = "http://testserver/es/organizaciones/universidad-tecnica-del-litoral/"
    english = "http://testserver/en/organisations/universidad-tecnica-del-litoral/"
    assert f"<loc>{spanish}</loc>" in xml and f"<loc>{english}</loc>" in xml
    assert f'hreflang="en" href="{english}"' in xml
    assert "<loc>http://testserver/es/organizaciones/junta-de-vecinos-caleta-sur/</loc>" in xml
    assert "/en/organisations/junta-de-vecinos-caleta-sur/" not in xml


def test_renaming_keeps_the_address(db, site):
    organisation = Organization.objects.get(pk=site["both"].pk)
    organisation.name = "Universidad Técnica del Litoral Norte"
    organisation.save()
    organisation.refresh_from_db()
    assert organisation.slug == "universidad-tecnica-del-litoral"


def test_a_second_record_with_the_same_name_gets_its_own_address(db, site):
    twin = OrganizationFactory(name="Universidad Técnica del Litoral")
    assert twin.slug == "universidad-tecnica-del-litoral-2"


def test_a_slug_another_record_uses_is_refused_with_a_message(db, site):
    other = OrganizationFactory(name="Otra organización")
    other.slug = "universidad-tecnica-del-litoral"
    with translation.override("en"):
        with pytest.raises(ValidationError) as error:
            other.full_clean()
        message = str(error.value.message_dict["slug"])
    assert "Another record already has this address" in message
