"""The shared open-data mechanism (home/opendata): one formula rule for every CSV and XLSX
cell the site writes (open data and Wagtail's admin exports), numbers left numeric; the
registry of datasets that the portal reads."""

import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from home.models import ContentPage
from home.opendata.cells import neutralise
from home.opendata.dataset import datasets
from missions.opendata.datasets import MissionsDataset

from .missions_factories import build_mission, cost_line, result

FORMULAS = [
    "=1+1",
    "+1-2",
    "-2+3",
    "@SUM(A1)",
    "\t=1",
    "\rcmd",
    "\nline",
    '   =HYPERLINK("http://x")',
    "  +cmd|' /C calc'!A0",
    " \t hidden",
    "\u00a0=1",
    "＝1+1",
    "＋1",
    "－1",
    "＠SUM(A1)",
    "  ＝1",
    "-",
    "=",
]
KEPT = ["Plain", "a=b", "", "   ", "-12.5", "+3", "  -5", "1e5", "-.5", "Ñuñoa =1"]


@pytest.mark.parametrize("text", FORMULAS)
def test_a_text_that_starts_a_formula_after_any_spaces_gets_a_quote(text):
    assert neutralise(text) == "'" + text


@pytest.mark.parametrize("text", KEPT)
def test_ordinary_text_and_plain_numbers_are_kept(text):
    assert neutralise(text) == text


@pytest.mark.parametrize(
    "value", [None, 0, -5, Decimal("-12.50"), 1.5, True, datetime.date(2025, 1, 2)]
)
def test_values_that_are_not_text_are_never_touched(value):
    assert neutralise(value) is value


@pytest.mark.django_db
def test_open_data_csv_neutralises_spaced_and_full_width_formulas(client, mission_index):
    build_mission(
        mission_index,
        title='  =HYPERLINK("http://evil.example")',
        slug="spaced",
        purpose="＝1+1",
        cost_lines=[cost_line(description="\n=2", amount=Decimal("5"))],
        results=[result(description="＠cmd"), result(description="-5")],
    )
    base = mission_index.url + "data/"

    def rows(name):
        response = client.get(base + name)
        text = b"".join(response.streaming_content).decode()
        return list(csv.DictReader(io.StringIO(text)))

    (mission,) = rows("missions.csv")
    assert mission["title"] == '\'  =HYPERLINK("http://evil.example")'
    assert mission["purpose"] == "'＝1+1"
    assert mission["total_cost_clp"] == "5.00"
    (line,) = rows("cost-lines.csv")
    assert line["description"] == "'\n=2" and line["amount"] == "5.00"
    assert [row["description"] for row in rows("results.csv")] == ["'＠cmd", "-5"]


@pytest.fixture
def formula_page(home, django_user_model, client):
    page = home.add_child(instance=ContentPage(title="=2+3", slug="formula-title"))
    page.save_revision().publish()
    admin = django_user_model.objects.create_superuser("editor", "e@example.org", "pw")
    client.force_login(admin)
    return page


@pytest.mark.django_db
def test_admin_report_csv_export_neutralises_formulas(client, formula_page):
    response = client.get(reverse("wagtailadmin_reports:aging_pages") + "?export=csv")
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode()
    titles = [row[0] for row in csv.reader(io.StringIO(text))]
    assert "'=2+3" in titles and "=2+3" not in titles


@pytest.mark.django_db
def test_admin_report_xlsx_export_neutralises_formulas(client, formula_page):
    response = client.get(reverse("wagtailadmin_reports:aging_pages") + "?export=xlsx")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    titles = [row[0].value for row in sheet.iter_rows()]
    assert "'=2+3" in titles and "=2+3" not in titles


def test_the_registry_lists_each_apps_datasets_with_unique_resource_names():
    found = datasets()
    assert MissionsDataset in found
    names = [resource.name for dataset in found for resource in dataset.resources]
    assert len(names) == len(set(names))
    assert {"missions", "cost_lines", "results"} <= set(names)
