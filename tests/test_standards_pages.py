"""The public standards pages in both languages: the index's states, filters and summary; a
standard's commitment, redress, chart, table, reasons and compliance; the home figure, search,
sitemap, open data parsed back against the page, and the SQL queries per page."""

import csv
import datetime
import html
import io
import json
from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from frictionless import validate

from home.formats import format_share
from standards.figures import year_compliance
from standards.models import StandardPage
from standards.periods import ended_periods
from standards.seed import seed

from .factories import ContentPageFactory
from .module_data import (
    build_english_home,
    build_home,
    rolled_back_after_module,
    translate_into_english,
)
from .sitemaps import sitemap_text
from .standards_factories import add_rows, build_standard, standard_index

TODAY = timezone.localdate()


@pytest.fixture(scope="module")
def site(django_db_setup, django_db_blocker):
    with rolled_back_after_module(django_db_blocker):
        home = build_home()
        build_english_home(home)
        index = standard_index(home)
        since = datetime.date(TODAY.year - 2, 1, 1)
        answered = build_standard(
            index, title="Respuesta a socios", slug="respuesta", measured_since=since
        )
        periods = len(ended_periods(since, "quarterly", TODAY))
        add_rows(answered, ["46/50", "40/50", None] + ["47/50"] * (periods - 3), TODAY)
        calls = build_standard(
            index,
            title="Llamadas",
            slug="llamadas",
            channel="phone",
            measured_since=since,
            responsible_unit="Recepción",
            unit="working_days",
            direction="lower",
            target_value=5,
        )
        add_rows(calls, [4, 6], TODAY)  # the later quarters have no data
        english_index = translate_into_english(index)
        english = translate_into_english(answered)
        yield {
            "index": index,
            "answered": answered,
            "calls": calls,
            "english_index": english_index,
            "english": english,
        }


def text_of(response):
    assert response.status_code == 200
    return html.unescape(response.content.decode())


def test_the_index_shows_each_state_and_the_summary(client, db, site):
    text = text_of(client.get(site["index"].url))
    assert "Respuesta a socios" in text and "Llamadas" in text
    assert "1 of 2 standards met in the last period" in text or "1 de 2" in text
    assert "at least 90%" in text or "al menos 90 %" in text or "al menos 90%" in text


def test_the_index_filters_by_channel_state_and_unit(client, db, site):
    url = site["index"].url
    text = text_of(client.get(url + "?channel=phone"))
    assert "Llamadas" in text and "Respuesta a socios" not in text
    text = text_of(client.get(url + "?state=met"))
    assert "Respuesta a socios" in text and ">Llamadas<" not in text
    text = text_of(client.get(url + "?unit=Recepción"))
    assert "Llamadas" in text and "Respuesta a socios" not in text
    response = client.get(url + "?state=%E2%91%A0&channel=fax")
    text = text_of(response)
    assert "fax" in text and "Respuesta a socios" in text and "Llamadas" in text


def test_a_standard_page_shows_promise_measure_redress_history(client, db, site):
    page = site["answered"]
    text = text_of(client.get(page.url))
    for expected in (page.commitment, page.redress, page.formula, "Motivo.", "Acción."):
        assert expected in text
    assert "<svg" in text and 'stroke-dasharray="8 5"' in text  # the target line
    assert text.count("<tr>") >= 8  # one row per ended period, no-data ones included
    compliance = StandardPage.objects.with_history().get(pk=page.pk).compliance(TODAY)
    assert format_share(compliance["share"], "es") in text


def test_the_english_translation_through_wagtail_localize(client, db, site):
    english = site["english"]
    assert english.locale.language_code == "en"
    assert english.measurements.count() == site["answered"].measurements.count()
    text = text_of(client.get(english.url))
    assert f"EN {site['answered'].commitment}" in text
    assert "EN Motivo." in text
    assert "Compliance over the last 12 months" in text
    assert 'hreflang="es"' in text


def test_home_figure_search_and_sitemap(client, db, site):
    home = text_of(client.get("/es/"))
    answered = StandardPage.objects.live().filter(locale__language_code="es").with_history()
    met, measured = year_compliance(answered, TODAY.year)
    assert measured and format_share(met / measured, "es") in home
    search = text_of(client.get("/es/buscar/?q=socios"))
    assert "Respuesta a <mark>socios</mark>" in search  # the matched word is marked
    sitemap = sitemap_text(client)
    assert site["answered"].full_url in sitemap


def content(response):
    return b"".join(response.streaming_content).decode("utf-8")


def test_exports_match_the_page_and_the_data_package_validates(client, db, site, tmp_path):
    base = site["index"].url + "data/"
    rows = list(csv.DictReader(io.StringIO(content(client.get(base + "measurements.csv")))))
    key = str(site["answered"].translation_key)
    mine = [r for r in rows if r["standard_id"] == key]
    page = StandardPage.objects.with_history().get(pk=site["answered"].pk)
    history = page.history(TODAY)
    assert len(mine) == len(history)
    assert [r["status"] for r in mine] == [status.value for _p, _r, status in history]
    assert mine[2]["status"] == "no_data" and mine[2]["performance"] == ""
    assert mine[0]["volume_meeting_target"] == "46.00" and mine[0]["target_met"] == "true"
    assert mine[1]["target_met"] == "false" and mine[1]["reason_not_met"] == "Motivo."
    data = json.loads(content(client.get(base + "standards.json")))
    titles = sorted(item["title"] for item in data["data"])
    assert titles == ["Llamadas", "Respuesta a socios"]
    response = client.get(base + "standards.csv")
    assert response.headers["ETag"] and response.headers["Last-Modified"]
    again = client.get(base + "standards.csv", HTTP_IF_NONE_MATCH=response.headers["ETag"])
    assert again.status_code == 304

    descriptor = json.loads(client.get(base + "datapackage.json").content)
    for resource in descriptor["resources"]:
        local = Path(tmp_path, resource["path"].rsplit("/", 1)[1].split("?")[0])
        local.write_text(content(client.get(resource["path"].removeprefix("http://testserver"))))
        resource["path"] = local.name
    (tmp_path / "datapackage.json").write_text(json.dumps(descriptor))
    report = validate(str(tmp_path / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    assert report.stats["tasks"] == 2


def test_queries_do_not_grow_with_the_standards(client, db, site):
    index = site["index"]

    def queries(url):
        client.get(url)  # the first request primes what a process keeps (site, settings)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured.captured_queries)

    plain = ContentPageFactory(parent=index.get_parent(), title="Plana", slug="plana")
    plain.save_revision().publish()
    layout = queries(plain.url)  # what every page's layout costs (site, menu, switcher…)
    seed(index, 5, periods=36)
    first = StandardPage.objects.get(slug="seed-1")
    few = queries(index.url), queries(first.url)
    seed(index, 50, periods=36)
    many = queries(index.url), queries(first.url)
    print(f"queries: layout {layout}, 5 standards {few}, 50 standards {many}")
    assert few == many
    assert max(many) - layout <= 6, (layout, many)
