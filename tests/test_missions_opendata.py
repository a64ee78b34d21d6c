"""Open data of the missions index: CSV and JSON of the current filter, parsed back; formula
neutralisation; Last-Modified; the Data Package validated by frictionless; the data dictionary
in both languages; the Atom feed; streaming in chunks; the seed command."""

import csv
import datetime
import io
import json
import xml.etree.ElementTree as ET
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.http import StreamingHttpResponse
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from frictionless import validate
from wagtail.models import Page

from home.formats import format_clp
from home.opendata import cells, chunks, files
from missions.models import MissionPage
from missions.opendata import rows
from missions.opendata.schema import RESOURCES
from missions.seed import seed

from .missions_factories import build_mission, cost_line, result
from .missions_index_factories import TOTALS, TOTALS_2025, build_catalogue, report_document

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def catalogue(mission_index):
    return build_catalogue(mission_index)


def data_url(index, name, query=""):
    return f"{index.url}data/{name}" + (f"?{query}" if query else "")


def content(response):
    assert isinstance(response, StreamingHttpResponse)
    return b"".join(response.streaming_content).decode()


def read_csv(client, index, name, query=""):
    response = client.get(data_url(index, name, query))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    text = content(response)
    reader = csv.DictReader(io.StringIO(text))
    return reader.fieldnames, list(reader)


def read_json(client, index, name, query=""):
    response = client.get(data_url(index, name, query))
    assert response.status_code == 200
    return json.loads(content(response))


def counted_totals(missions, lines, results):
    """The page's totals worked out from the three CSV files (withdrawn missions left out)."""
    standing = {row["mission_id"] for row in missions if row["withdrawn"] == "false"}
    return {
        "count": len(standing),
        "total_cost_clp": sum(
            Decimal(line["amount_clp"]) for line in lines if line["mission_id"] in standing
        ),
        "municipal_cost_clp": sum(
            Decimal(line["amount_clp"])
            for line in lines
            if line["mission_id"] in standing and line["paid_by"] == "municipality"
        ),
        "others_cost_clp": sum(
            Decimal(line["amount_clp"])
            for line in lines
            if line["mission_id"] in standing and line["paid_by"] != "municipality"
        ),
        "results_achieved": sum(
            1 for r in results if r["mission_id"] in standing and r["status"] == "achieved"
        ),
        "value_obtained_clp": sum(
            (
                Decimal(r["value_clp"] or 0)
                for r in results
                if r["mission_id"] in standing and r["status"] == "achieved"
            ),
            Decimal("0.00"),
        ),
    }


@pytest.mark.parametrize(("query", "expected"), [("", TOTALS), ("year=2025", TOTALS_2025)])
def test_csv_files_add_up_to_the_totals_on_the_page(
    client, mission_index, catalogue, query, expected
):
    header, missions = read_csv(client, mission_index, "missions.csv", query)
    assert header == RESOURCES["missions"].header
    _header, lines = read_csv(client, mission_index, "cost-lines.csv", query)
    _header, results = read_csv(client, mission_index, "results.csv", query)
    assert counted_totals(missions, lines, results) == expected
    # The same filter on the page shows the same figures.
    page = client.get(mission_index.url + (f"?{query}" if query else ""))
    shown = list(dict(page.context["totals"]).values())
    assert shown[:4] == [
        str(expected["count"]),
        format_clp(expected["total_cost_clp"], "es"),
        format_clp(expected["municipal_cost_clp"], "es"),
        format_clp(expected["others_cost_clp"], "es"),
    ]
    # Each mission row carries its own figures, and they add up too.
    standing = [row for row in missions if row["withdrawn"] == "false"]
    assert sum(Decimal(row["total_cost_clp"]) for row in standing) == expected["total_cost_clp"]


def test_mission_rows_in_the_page_order_with_stable_identifiers(client, mission_index, catalogue):
    _header, missions = read_csv(client, mission_index, "missions.csv", "sort=cost_desc")
    assert [row["title"] for row in missions] == ["Madrid", "Rosario", "Lima", "Quito"]
    madrid = missions[0]
    assert madrid["mission_id"] == str(catalogue["madrid"].translation_key)
    assert madrid["language"] == "es"
    assert madrid["url"] == "http://testserver/es/misiones/madrid/"
    assert madrid["destinations"] == "Madrid, ES; Lisboa, PT"
    assert madrid["countries"] == "ES; PT"
    assert madrid["delegation"] == "Ana Pérez; Bruno Díaz"
    assert madrid["objectives"] == "1.1"
    assert madrid["total_cost_clp"] == "2100000.00"
    assert madrid["cost_per_day_clp"] == "350000.00"
    assert madrid["days_abroad"] == "6"
    assert madrid["report_status"] == "submitted"
    assert madrid["report_date"] == "2025-01-30"
    quito = missions[-1]
    assert (quito["withdrawn"], quito["withdrawal_reason"]) == ("true", "Registro duplicado.")
    assert quito["withdrawn_on"]


def test_cost_lines_and_results_join_their_missions(client, mission_index, catalogue):
    _h, missions = read_csv(client, mission_index, "missions.csv")
    _h, lines = read_csv(client, mission_index, "cost-lines.csv")
    _h, results = read_csv(client, mission_index, "results.csv")
    ids = {row["mission_id"] for row in missions}
    assert {line["mission_id"] for line in lines} <= ids
    rosario = str(catalogue["rosario"].translation_key)
    usd = next(line for line in lines if line["currency"] == "USD")
    assert usd == {
        "cost_line_id": usd["cost_line_id"],
        "mission_id": rosario,
        "category": "airfare",
        "description": "Pasaje",
        "amount": "1000.00",
        "currency": "USD",
        "exchange_rate": "900.000000",
        "amount_clp": "900000.00",
        "paid_by": "municipality",
        "paying_organization": "",
    }
    host_line = next(line for line in lines if line["paid_by"] == "host")
    assert host_line["paying_organization"] == "Municipalidad de Rosario"
    assert len(results) == 4
    assert {r["mission_id"] for r in results} == {rosario, str(catalogue["madrid"].translation_key)}


def test_json_holds_the_same_rows_with_the_applied_filter_in_its_metadata(
    client, mission_index, catalogue
):
    document = read_json(client, mission_index, "missions.json", "year=2025&country=ZZ&sort=oldest")
    metadata = document["metadata"]
    assert metadata["filter"] == {"year": "2025", "sort": "oldest"}
    assert metadata["ignored_parameters"] == ["country"]
    assert metadata["licence"] == {
        "name": "CC BY 4.0",
        "url": "https://creativecommons.org/licenses/by/4.0/",
    }
    assert metadata["columns"] == RESOURCES["missions"].header
    assert [row["title"] for row in document["data"]] == ["Madrid", "Quito", "Lima"]
    madrid = document["data"][0]
    assert list(madrid) == RESOURCES["missions"].header
    assert madrid["total_cost_clp"] == 2100000
    assert madrid["days_abroad"] == 6
    assert madrid["withdrawn"] is False
    assert madrid["authorization_date"] is None
    # Amounts are exact JSON numbers: parsed as Decimal they keep their cents.
    exact = json.loads(
        content(client.get(data_url(mission_index, "cost-lines.json"))), parse_float=Decimal
    )
    assert sum(line["amount_clp"] for line in exact["data"]) == Decimal("4100000.00")


def test_csv_neutralises_formulas_in_text_but_keeps_numbers_numeric(client, mission_index):
    build_mission(
        mission_index,
        title='=HYPERLINK("http://evil.example")',
        slug="formula",
        purpose="+cmd|' /C calc'!A0",
        cost_lines=[cost_line(description="-2+3", amount=Decimal("0"))],
        results=[result(description="@SUM(A1:A2)"), result(description="\tTab")],
    )
    _h, missions = read_csv(client, mission_index, "missions.csv")
    (mission,) = missions
    assert mission["title"] == '\'=HYPERLINK("http://evil.example")'
    assert mission["purpose"] == "'+cmd|' /C calc'!A0"
    assert mission["total_cost_clp"] == "0.00"
    _h, (line,) = read_csv(client, mission_index, "cost-lines.csv")
    assert line["description"] == "'-2+3"
    assert line["amount"] == "0.00"
    _h, results = read_csv(client, mission_index, "results.csv")
    assert [r["description"] for r in results] == ["'@SUM(A1:A2)", "'\tTab"]
    # JSON is not opened by spreadsheets: it keeps the text as written.
    document = read_json(client, mission_index, "missions.json")
    assert document["data"][0]["title"] == '=HYPERLINK("http://evil.example")'
    assert cells.neutralise("\rx") == "'\rx" and cells.neutralise("Plain") == "Plain"
    # The fast path decides by the first character, also after leading spaces and for "".
    assert cells.neutralise_text("  =1+1") == "'  =1+1" and cells.neutralise_text("") == ""
    assert cells.neutralise_text(" -12.5") == " -12.5" and cells.neutralise(7) == 7


def test_last_modified_and_conditional_requests(client, mission_index, catalogue):
    # With every report submitted, only publications change the data.
    document = report_document()
    for number, name in enumerate(("rosario", "lima", "madrid", "quito")):
        MissionPage.objects.filter(pk=catalogue[name].pk).update(
            report_document=document,
            report_date=catalogue[name].end_date,
            last_published_at=timezone.make_aware(datetime.datetime(2025, 10, 1 + number, 12)),
        )
    url = data_url(mission_index, "missions.csv")
    response = client.get(url)
    assert response["Last-Modified"] == "Sat, 04 Oct 2025 15:00:00 GMT"
    assert response["ETag"]
    assert response["Access-Control-Allow-Origin"] == "*"

    not_modified = client.get(url, HTTP_IF_MODIFIED_SINCE=response["Last-Modified"])
    assert not_modified.status_code == 304
    assert client.get(url, HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304
    earlier = "Sat, 04 Oct 2025 14:59:59 GMT"
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=earlier).status_code == 200

    # A filter on older records is older: Rosario was last published on 1 October.
    old = client.get(data_url(mission_index, "missions.csv", "year=2024"))
    assert old["Last-Modified"] == "Wed, 01 Oct 2025 15:00:00 GMT"

    # Publishing a correction makes the file newer again.
    catalogue["lima"].purpose = "Propósito corregido."
    catalogue["lima"].save_revision().publish()
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=response["Last-Modified"]).status_code == 200


def test_last_modified_includes_the_day_a_report_became_overdue(mission_index, catalogue):
    missions = MissionPage.objects.child_of(mission_index).live().filter(slug="lima")
    # Lima ended on 11 May 2025 without a report: pending from the 12th, overdue 30 days on.
    modified, count = missions.freshness(days=30, today=datetime.date(2025, 8, 1))
    assert count == 1
    overdue_day = timezone.make_aware(datetime.datetime(2025, 6, 11))
    assert modified == max(overdue_day, missions.get().last_published_at)


def test_the_data_package_validates_with_its_csv_files(client, mission_index, catalogue, tmp_path):
    response = client.get(data_url(mission_index, "datapackage.json", "year=2025"))
    assert response.status_code == 200
    descriptor = json.loads(response.content)
    assert descriptor["licenses"] == [
        {"title": "CC BY 4.0", "path": "https://creativecommons.org/licenses/by/4.0/"}
    ]
    assert [r["name"] for r in descriptor["resources"]] == ["missions", "cost_lines", "results"]
    for resource in descriptor["resources"]:
        assert resource["path"].startswith("http://testserver/es/misiones/data/")
        assert resource["path"].endswith(".csv?year=2025")
        local = Path(tmp_path, resource["path"].rsplit("/", 1)[1].split("?")[0])
        path = resource["path"].removeprefix("http://testserver")
        local.write_bytes(content(client.get(path)).encode())
        resource["path"] = local.name
    cost_lines = descriptor["resources"][1]["schema"]
    assert cost_lines["primaryKey"] == ["cost_line_id"]
    assert cost_lines["foreignKeys"] == [
        {"fields": ["mission_id"], "reference": {"resource": "missions", "fields": ["mission_id"]}}
    ]
    target = tmp_path / "datapackage.json"
    target.write_text(json.dumps(descriptor))
    report = validate(str(target))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    assert report.stats["tasks"] == 3

    # A row whose mission is missing breaks the foreign key: the validation can fail.
    lines = (tmp_path / "cost-lines.csv").read_text().splitlines()
    fields = lines[1].split(",")
    fields[1] = "00000000-0000-4000-8000-000000000000"
    lines[1] = ",".join(fields)
    (tmp_path / "cost-lines.csv").write_text("\n".join(lines) + "\n")
    assert not validate(str(target)).valid


def test_data_dictionary_in_both_languages(
    client, mission_index, catalogue, english_home, translate
):
    english_index = translate(mission_index)
    for index, language in ((mission_index, "es"), (english_index, "en")):
        response = client.get(index.url + "data-dictionary/")
        assert response.status_code == 200
        html = response.content.decode()
        assert f'<html lang="{language}">' in html
        for resource in RESOURCES.values():
            for column in resource.columns:
                assert f"<code>{column.name}</code>" in html
        assert 'href="https://creativecommons.org/licenses/by/4.0/" rel="license"' in html
        assert f'href="{index.url}data/missions.csv"' in html
    english = client.get(english_index.url + "data-dictionary/").content.decode()
    assert "The day the delegation left." in english
    assert "<dd>Partner or sponsor</dd>" in english or "<dd>A partner or sponsor</dd>" in english


def test_the_index_links_to_the_open_data_of_its_filter(client, mission_index, catalogue):
    html = client.get(mission_index.url + "?year=2025&type=bilateral").content.decode()
    for name in ("missions.csv", "cost-lines.csv", "results.json", "datapackage.json"):
        assert f'href="{mission_index.url}data/{name}?year=2025&amp;type=bilateral"' in html
    assert f'href="{mission_index.url}feed/?year=2025&amp;type=bilateral"' in html
    assert f'href="{mission_index.url}data-dictionary/"' in html


def test_atom_feed_lists_newly_published_missions(client, mission_index, catalogue):
    newest = build_mission(
        mission_index,
        title="Nueva misión",
        slug="nueva",
        start_date=datetime.date(2025, 9, 1),
        end_date=datetime.date(2025, 9, 3),
        destinations=[("Lima", "PE")],
    )
    response = client.get(mission_index.url + "feed/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    assert feed.tag == f"{ATOM}feed"
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "es"
    entries = feed.findall(f"{ATOM}entry")
    with translation.override("es"):
        withdrawn = translation.gettext("%(title)s (withdrawn)") % {"title": "Quito"}
    assert [e.find(f"{ATOM}title").text for e in entries] == [
        "Nueva misión",
        withdrawn,
        "Madrid",
        "Lima",
        "Rosario",
    ]
    link = entries[0].find(f"{ATOM}link").get("href")
    assert link == "http://testserver" + newest.url
    filtered = ET.fromstring(client.get(mission_index.url + "feed/?country=PE").content)
    titles = [e.find(f"{ATOM}title").text for e in filtered.findall(f"{ATOM}entry")]
    assert titles == ["Nueva misión", "Lima"]


def test_the_csv_is_streamed_in_chunks_not_loaded_whole(client, mission_index, monkeypatch):
    seed(mission_index, 30)
    monkeypatch.setattr(rows, "CHUNK_SIZE", 10)
    monkeypatch.setattr(files, "ROWS_PER_WRITE", 5)
    monkeypatch.setattr(chunks, "MAX_ROWS", 5)  # the rows' text kept in chunks of five
    with CaptureQueriesContext(connection) as captured:
        response = client.get(data_url(mission_index, "missions.csv"))
        assert isinstance(response, StreamingHttpResponse)
        parts = iter(response.streaming_content)

        def destination_queries():
            """Queries for the destinations of the missions (the filter's list of countries,
            read before streaming starts, selects no city)."""
            return sum(
                '"missions_missiondestination"."city"' in q["sql"]
                for q in captured.captured_queries
            )

        header = next(parts)
        assert header.startswith(b"mission_id,")
        assert destination_queries() == 0  # no mission read yet
        next(parts)  # the first five rows
        assert destination_queries() == 1  # one streamed query, read as the rows go
        remaining = b"".join(parts)
        assert destination_queries() == 1  # not one per chunk of missions
    assert len(remaining.decode().splitlines()) == 25


def test_an_unknown_data_file_is_a_404(client, mission_index):
    assert client.get(mission_index.url + "data/people.csv").status_code == 404
    assert client.get(mission_index.url + "data/missions.xml").status_code == 404


def test_seed_command(mission_index, capsys):
    call_command("seed_missions", count=5, dry_run=True)
    assert "Would create 5" in capsys.readouterr().out
    assert MissionPage.objects.count() == 0

    call_command("seed_missions", count=5)
    assert "Created 5 missions" in capsys.readouterr().out
    seeded = MissionPage.objects.child_of(mission_index).live()
    assert seeded.count() == 5
    assert all(mission.cost_lines.exists() for mission in seeded)
    assert all(mission.destinations.exists() for mission in seeded)
    assert Page.find_problems() == ([], [], [], [], [])
    mission_index.refresh_from_db()
    assert mission_index.numchild == 5
    assert mission_index.get_children().count() == 5

    call_command("seed_missions", count=5)
    assert "Created 0 missions" in capsys.readouterr().out
    with pytest.raises(CommandError):
        call_command("seed_missions", count=1, locale="en")


def test_every_row_has_exactly_the_schema_columns(mission_index, catalogue):
    missions = MissionPage.objects.child_of(mission_index).live()
    produced = {
        "missions": rows.mission_rows(
            missions.with_report_status(), "es", "http://testserver/es/misiones/"
        ),
        "cost-lines": rows.cost_line_rows(missions.values("pk")),
        "results": rows.result_rows(missions.values("pk")),
    }
    for slug, generated in produced.items():
        row = next(generated)
        assert list(row) == RESOURCES[slug].header, slug
