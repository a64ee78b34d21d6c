"""The directory, an organisation's page and an agreement's page against hand-built records:
what each lists, in both languages; filters; the "who does what" table; links from missions;
constant queries; the open data parsed back and the Data Package validated."""

import csv
import io
import json
import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from frictionless import validate

from directory.models import Organization
from missions.models import MissionResult
from partners.models import Agreement, AgreementParty

from .missions_factories import (
    build_mission,
    cost_line,
)
from .missions_factories import result as mission_result
from .module_data import rolled_back_after_module
from .module_data import translate_into_english as translate
from .partners_factories import ago, build_partner_site
from .practices_factories import ThemeFactory


@pytest.fixture(scope="module")
def site(django_db_blocker):
    with rolled_back_after_module(django_db_blocker):
        yield build_partner_site()


def text(response):
    html = response.content.decode()
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def section(response, heading_id):
    html = response.content.decode()
    start = html.index(f'id="{heading_id}"')
    end = html.find("</section>", start)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html[start:end]))


def test_an_organisations_page_lists_everything_it_appears_in(db, site):
    response = Client().get("/es/organizaciones/municipio-de-san-martin/")
    assert response.status_code == 200
    missions = section(response, "missions-title")
    assert "Hermanamiento en San Martín" in missions and "Firma del hermanamiento" in missions
    assert "USD 250,00" in missions or "US$250,00" in missions
    assert "$225.000" in missions  # 250 USD at 900 CLP
    results = section(response, "results-title")
    assert "Hermanamiento firmado" in results and "Comprometido" in results
    assert "Buses nocturnos" in section(response, "practices-title")
    agreements = section(response, "agreements-title")
    assert "Hermanamiento con San Martín" in agreements and "Vigente" in agreements
    assert "Vence en 60 días" in agreements
    assert "Memorándum vencido" in agreements and "Vencido" in agreements


def test_memberships_parent_and_units_are_shown(db, site):
    university = Client().get("/es/organizaciones/universidad-del-litoral/")
    memberships = section(university, "memberships-title")
    assert "Red de Ciudades Costeras" in memberships and "Miembro asociado" in memberships
    assert "Facultad de Ingeniería" in text(university)  # its units
    faculty = Client().get("/es/organizaciones/facultad-de-ingenieria/")
    assert "Forma parte de Universidad del Litoral" in text(faculty)
    network = Client().get("/es/organizaciones/red-de-ciudades-costeras/")
    members = section(network, "memberships-title")
    assert "Municipalidad de Puente Alto del Mar" in members and "Miembro fundador" in members


def test_the_english_page_names_everything_in_english(db, site):
    response = Client().get("/en/organisations/municipio-de-san-martin/")
    assert response.status_code == 200
    page = text(response)
    assert "Municipality of San Martín" in page
    assert "Twinning with San Martín" in section(response, "agreements-title")
    assert "In force" in section(response, "agreements-title")


def test_an_organisations_themes_are_named_in_the_readers_language_by_name(db, site):
    university = Organization.objects.get(
        slug="universidad-del-litoral", locale__language_code="es"
    )
    culture = ThemeFactory(name="Cultura", slug="cultura")
    translate(culture, {"Cultura": "Urban culture", "cultura": "urban-culture"})
    water = ThemeFactory(name="Agua", slug="agua")  # not translated: its Spanish name
    # The English record names the Spanish themes, as its editor chose them.
    for record in Organization.objects.filter(translation_key=university.translation_key):
        record.themes.set([*university.themes.all(), culture, water])
        record.save()  # a ParentalManyToManyField is stored on save

    def themes(url):
        found = re.search(
            r"<dt>(?:Temas|Themes)</dt><dd>(.*?)</dd>", Client().get(url).content.decode()
        )
        return found.group(1)

    assert themes("/es/organizaciones/universidad-del-litoral/") == "Agua, Cultura, Movilidad"
    assert themes("/en/organisations/universidad-del-litoral/") == "Agua, Movilidad, Urban culture"
    assert (
        "<dt>Temas</dt>"
        not in Client().get("/es/organizaciones/junta-vecinal-norte/").content.decode()
    )


def test_an_agreement_page_shows_parties_mission_results_and_the_expiry_mark(db, site):
    response = Client().get("/en/agreements/hermanamiento-con-san-martin/")
    assert response.status_code == 200
    page = text(response)
    assert "Twinning with San Martín" in page and "Cooperation on mobility." in page
    assert "This agreement expires on" in page and "in 60 days" in page
    parties = section(response, "parties-title")
    assert "Municipality of Puente Alto del Mar" in parties and "Mayor" in parties
    assert "Coastal University" in parties and "Implementing" in parties
    assert "Hermanamiento en San Martín" in page  # the mission (not translated): its Spanish page
    assert "Hermanamiento firmado" in section(response, "results-title")


def test_queries_do_not_grow_with_an_organisations_activity(db, site):
    """Twice the missions, payments, results, practices and agreements: the same queries."""
    client = Client()
    url = "/es/organizaciones/municipio-de-san-martin/"

    def queries():
        client.get(url)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured.captured_queries)

    before = queries()
    partner = site["partner"]
    for number in range(3):
        mission = build_mission(
            site["mission"].get_parent(),
            title=f"Otra misión {number}",
            slug=f"otra-mision-{number}",
            agenda=[(ago(30), partner, "Reunión")],
            cost_lines=[cost_line(payer="host", paying_organization=partner)],
            results=[mission_result(description=f"Resultado {number}")],
        )
        extra = MissionResult.objects.get(page=mission)
        extra.organizations = [partner]
        extra.save()
        agreement = Agreement.objects.create(
            title=f"Convenio {number}", kind="mou", signed_date=ago(5), locale=partner.locale
        )
        AgreementParty.objects.create(
            agreement=agreement, organization=partner, locale=partner.locale
        )
        agreement.results.set([extra])
        agreement.save()
    after = queries()
    assert "Otra misión 2" in text(client.get(url))
    assert after == before
    # 14 are the layout every page has (menus, switcher, settings, identity).
    assert after <= 32
    quiet = client.get("/es/organizaciones/junta-vecinal-norte/")
    assert quiet.status_code == 200


def test_directory_filters_and_counts(db, site):
    client = Client()
    local = text(client.get("/es/organizaciones/?kind=local"))
    assert "Universidad del Litoral" in local and "Municipio de San Martín" not in local
    assert "3 actores locales" in local and "3 socios internacionales" in local
    spain = text(client.get("/es/organizaciones/?country=ES"))
    assert "Universidad del Litoral" in spain and "Junta Vecinal Norte" not in spain
    in_force = client.get("/es/organizaciones/?agreement=in_force")
    listed = text(in_force)
    assert "Municipio de San Martín" in listed and "Junta Vecinal Norte" not in listed
    theme = text(client.get("/es/organizaciones/?theme=movilidad"))
    assert "1 organización" in theme


def test_a_bad_filter_value_is_named_and_ignored(db, site):
    response = Client().get("/es/organizaciones/?kind=castle&country=XX")
    assert response.status_code == 200
    page = text(response)
    assert "castle" in page and "XX" in page
    assert "6 organizaciones" in page


def test_who_does_what_table(db, site):
    response = Client().get("/es/organizaciones/")
    html = response.content.decode()
    table = html[
        html.index('id="who-caption"') : html.index("</table>", html.index('id="who-caption"'))
    ]
    row = table[table.index("Universidad del Litoral") :]
    row = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", row[: row.index("</tr>")]))
    assert "Argentina, España" in row and "Movilidad" in row
    assert "Hermanamiento con San Martín" in row  # an agreement in force it is party to
    assert "Municipio de San Martín" not in table  # not a local actor
    by_country = section(response, "who-title")
    assert "España Universidad del Litoral" in by_country


def test_missions_and_practices_link_to_the_organisation_and_the_agreement(db, site):
    mission = Client().get(site["mission"].url)
    html = mission.content.decode()
    assert 'href="/es/organizaciones/municipio-de-san-martin/"' in html
    assert "Hermanamiento con San Martín" in section(mission, "agreements-title")
    assert html.count('href="/es/acuerdos/hermanamiento-con-san-martin/"') >= 2  # and its result
    practice = Client().get(site["practice"].url).content.decode()
    assert 'href="/es/organizaciones/municipio-de-san-martin/"' in practice


def _download(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return (
        b"".join(response.streaming_content).decode()
        if response.streaming
        else response.content.decode()
    )


def test_exports_parse_back_and_the_data_package_validates(db, site, tmp_path):
    client = Client()
    base = "/en/organisations/data/"
    organisations = list(csv.DictReader(io.StringIO(_download(client, base + "organisations.csv"))))
    by_name = {row["name"]: row for row in organisations}
    university = by_name["Coastal University"]
    assert university["local"] == "true" and university["works_with_countries"] == "AR; ES"
    assert by_name["Facultad de Ingeniería"]["parent_id"] == university["organisation_id"]
    assert university["url"].endswith("/en/organisations/universidad-del-litoral/")
    agreements = json.loads(_download(client, base + "agreements.json"))
    titles = {row["title"]: row["status"] for row in agreements["data"]}
    assert titles == {"Twinning with San Martín": "in_force", "Memorándum vencido": "expired"}
    parties = list(csv.DictReader(io.StringIO(_download(client, base + "agreement-parties.csv"))))
    assert len(parties) == 5
    for name in ("organisations", "memberships", "agreements", "agreement-parties"):
        (tmp_path / f"{name}.csv").write_text(
            _download(client, base + f"{name}.csv"), encoding="utf-8"
        )
    package = json.loads(_download(client, base + "datapackage.json"))
    for resource in package["resources"]:
        resource["path"] = f"{resource['name']}.csv"
    (tmp_path / "datapackage.json").write_text(json.dumps(package), encoding="utf-8")
    report = validate(str(tmp_path / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:5]


def test_popolo_json(db, site):
    data = json.loads(Client().get("/es/organizaciones/universidad-del-litoral/popolo/").content)
    assert data["name"] == "Universidad del Litoral"
    assert data["classification"] == "university"
    assert data["memberships"][0]["role"] == "associate"
