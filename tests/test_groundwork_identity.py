"""The site's identity in the reader's language: the office's name, municipality and address
are a translatable snippet, shown in English on English pages, feeds, open data and PDFs, and
in Spanish wherever no English text exists yet. Existing values survive the migration."""

import io
import json
import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from pypdf import PdfReader
from wagtail.models import Locale, Site

from home.models import SiteIdentity, SiteSettings
from practices.models import SustainableDevelopmentGoal

from .missions_factories import MissionIndexPageFactory
from .practices_factories import PracticeIndexPageFactory, make_practice, publish

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"

SPANISH = {
    "office_name": "Oficina de Relaciones Internacionales",
    "municipality_name": "Municipalidad de Puente Alto del Mar",
    "address": "Av. Costanera 1200, piso 3",
}
ENGLISH = {
    "Oficina de Relaciones Internacionales": "International Relations Office",
    "Municipalidad de Puente Alto del Mar": "Municipality of Puente Alto del Mar",
    "Av. Costanera 1200, piso 3": "1200 Costanera Avenue, 3rd floor",
}


@pytest.fixture
def identity(home):
    return SiteIdentity.objects.create(
        site=Site.objects.get(is_default_site=True), locale=home.locale, **SPANISH
    )


@pytest.fixture
def english_identity(identity, translate):
    return translate(identity, ENGLISH)


def title_and_brand(response):
    html = response.content.decode()
    title = html.split("<title>", 1)[1].split("</title>", 1)[0]
    brand = html.split('class="brand-name">', 1)[1].split("<", 1)[0]
    footer = html.split('<footer class="site-footer">', 1)[1]
    return title, brand, footer


def test_english_pages_name_the_office_in_english(client, english_home, english_identity):
    assert english_identity.locale.language_code == "en"
    title, brand, footer = title_and_brand(client.get(english_home.url))
    assert title.endswith("· International Relations Office")
    assert brand == "International Relations Office"
    assert "Municipality of Puente Alto del Mar" in footer
    assert "1200 Costanera Avenue, 3rd floor" in footer
    assert "Oficina de Relaciones" not in footer


def test_spanish_pages_keep_the_spanish_name(client, home, english_home, english_identity):
    title, brand, footer = title_and_brand(client.get(home.url))
    assert title.endswith("· Oficina de Relaciones Internacionales")
    assert brand == "Oficina de Relaciones Internacionales"
    assert "Av. Costanera 1200, piso 3" in footer
    assert "International Relations Office" not in footer


def test_english_pages_fall_back_to_spanish_until_translated(client, english_home, identity):
    title, brand, footer = title_and_brand(client.get(english_home.url))
    assert brand == "Oficina de Relaciones Internacionales"
    assert "Municipalidad de Puente Alto del Mar" in footer


def test_a_site_without_identity_shows_the_default_name(client, english_home):
    _title, brand, _footer = title_and_brand(client.get(english_home.url))
    assert brand == "Oficina de Relaciones Internacionales"


def test_the_english_feed_and_data_package_name_the_english_office(
    client, home, english_home, english_identity, translate
):
    index = MissionIndexPageFactory(parent=home)
    index.save_revision().publish()
    english_index = translate(index)

    feed = ET.fromstring(client.get(english_index.url + "feed/").content)
    assert feed.find(f"{ATOM}title").text.endswith("· International Relations Office")
    assert feed.find(f"{ATOM}author/{ATOM}name").text == "International Relations Office"

    package = client.get(english_index.url + "data/datapackage.json").json()
    publisher = "International Relations Office, Municipality of Puente Alto del Mar"
    assert package["contributors"] == [{"title": publisher, "role": "publisher"}]
    response = client.get(english_index.url + "data/missions.json")
    metadata = json.loads(b"".join(response.streaming_content))["metadata"]
    assert metadata["publisher"] == publisher

    spanish = client.get(index.url + "data/datapackage.json").json()
    assert spanish["contributors"][0]["title"] == (
        "Oficina de Relaciones Internacionales, Municipalidad de Puente Alto del Mar"
    )


def test_the_english_pdf_and_structured_data_name_the_english_office(
    client, home, english_home, english_identity, translate, settings
):
    SustainableDevelopmentGoal.ensure_all()
    settings.PRACTICES_PDF_ON_PUBLISH = False
    index = PracticeIndexPageFactory(parent=home, locale=home.locale)
    index.save_revision().publish()
    practice = publish(make_practice(index, title="Buses nocturnos", slug="buses", indicators=0))
    translate(index)
    english = translate(practice)

    response = client.get(english.url + "pdf/")
    reader = PdfReader(io.BytesIO(b"".join(response.streaming_content)))
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "International Relations Office, Municipality of Puente Alto del Mar" in text
    assert reader.metadata.author == (
        "International Relations Office, Municipality of Puente Alto del Mar"
    )
    assert "Oficina de Relaciones" not in text

    html = client.get(english.url).content.decode()
    assert '<meta property="og:site_name" content="International Relations Office">' in html
    data = json.loads(html.split('<script type="application/ld+json">', 1)[1].split("</script>")[0])
    assert data["publisher"]["name"] == "International Relations Office"
    assert data["publisher"]["parentOrganization"]["name"] == "Municipality of Puente Alto del Mar"


def test_assigning_the_old_settings_attributes_updates_the_spanish_identity(home, identity):
    site_settings = SiteSettings.for_site(identity.site)
    site_settings.address = "Calle Nueva 5"
    site_settings.save()
    identity.refresh_from_db()
    assert identity.address == "Calle Nueva 5"
    assert SiteSettings.for_site(identity.site).address == "Calle Nueva 5"


def test_the_identity_is_edited_and_translated_in_the_admin(spanish_admin_client, identity):
    edit = spanish_admin_client.get(f"/admin/snippets/home/siteidentity/edit/{identity.pk}/")
    assert edit.status_code == 200
    assert 'value="Oficina de Relaciones Internacionales"' in edit.content.decode()
    # wagtail-localize's "Translate" action, as on every other translatable snippet.
    submit = f"/admin/localize/submit/snippet/home/siteidentity/{identity.pk}/"
    listing = spanish_admin_client.get("/admin/snippets/home/siteidentity/")
    assert submit in listing.content.decode()
    english = Locale.objects.get(language_code="en")
    response = spanish_admin_client.post(submit, {"locales": [english.pk]})
    assert response.status_code == 302
    assert SiteIdentity.objects.get(translation_key=identity.translation_key, locale=english)

    settings_form = spanish_admin_client.get(
        f"/admin/settings/home/sitesettings/{identity.site.pk}/"
    )
    assert settings_form.status_code == 200
    # The admin speaks Spanish to this editor: the help points at the identity snippet.
    assert "Configuración › Identidad del sitio" in settings_form.content.decode()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_migration_moves_existing_texts_and_back(home):
    """Published values are never lost: forward they land in the Spanish identity, backward
    they return to the site settings."""
    site = Site.objects.get(is_default_site=True)
    executor = MigrationExecutor(connection)
    executor.migrate([("home", "0001_initial")])
    old_apps = executor.loader.project_state([("home", "0001_initial")]).apps
    old_apps.get_model("home", "SiteSettings").objects.update_or_create(  # made by build_home
        site_id=site.pk,
        defaults={
            "office_name": "Oficina de Asuntos Internacionales",
            "municipality_name": "Municipalidad de Ejemplo",
            "address": "Plaza de Armas 1",
        },
    )

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes("home"))
    identity = SiteIdentity.objects.get(site=site)
    assert identity.locale == Locale.objects.get(language_code="es")
    assert (identity.office_name, identity.municipality_name, identity.address) == (
        "Oficina de Asuntos Internacionales",
        "Municipalidad de Ejemplo",
        "Plaza de Armas 1",
    )

    executor = MigrationExecutor(connection)
    executor.migrate([("home", "0001_initial")])
    old_apps = executor.loader.project_state([("home", "0001_initial")]).apps
    row = old_apps.get_model("home", "SiteSettings").objects.get(site_id=site.pk)
    assert (row.office_name, row.municipality_name, row.address) == (
        "Oficina de Asuntos Internacionales",
        "Municipalidad de Ejemplo",
        "Plaza de Armas 1",
    )
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes("home"))
