"""Importing missions from a spreadsheet in the admin: every error shown, all or nothing."""

import datetime
import html
import io
import re

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook
from wagtail.users.models import UserProfile

from missions.models import CostLine, MissionPage

from .missions_factories import StrategicObjectiveFactory

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture
def editor(client, django_user_model, mission_index):
    StrategicObjectiveFactory(title="Economía circular", code="OE1")
    user = django_user_model.objects.create_user("editora", "e@example.org", "x")
    user.groups.add(Group.objects.get(name="Editores"))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(user)
    return user


def sheets(missions=None, destinations=None, costs=None):
    return {
        "missions": [
            [
                "mission_ref",
                "title",
                "start_date",
                "end_date",
                "mission_type",
                "purpose",
                "objectives",
                "no_municipal_cost",
            ],
            *(
                missions
                if missions is not None
                else [
                    [
                        "rosario-2026",
                        "Misión a Rosario",
                        datetime.date(2026, 3, 2),
                        datetime.date(2026, 3, 6),
                        "bilateral",
                        "Convenio de reciclaje.",
                        "OE1",
                        "no",
                    ],
                    [
                        "lima-2026",
                        "Misión a Lima",
                        "2026-04-01",
                        "2026-04-03",
                        "Training",
                        "Capacitación.",
                        "Economía circular",
                        "no",
                    ],
                ]
            ),
        ],
        "destinations": [
            ["mission_ref", "city", "country"],
            *(
                destinations
                if destinations is not None
                else [["rosario-2026", "Rosario", "AR"], ["lima-2026", "Lima", "PE"]]
            ),
        ],
        "delegation": [["mission_ref", "person", "role"]],
        "agenda": [["mission_ref", "date", "organization", "subject"]],
        "cost_lines": [
            [
                "mission_ref",
                "category",
                "description",
                "amount",
                "currency",
                "exchange_rate",
                "payer",
                "paying_organization",
            ],
            *(
                costs
                if costs is not None
                else [
                    ["rosario-2026", "airfare", "Pasaje", 1200, "USD", 950.5, "municipality", None],
                    ["lima-2026", "lodging", "Hotel", "300000", "CLP", None, "host", None],
                ]
            ),
        ],
        "results": [
            [
                "mission_ref",
                "kind",
                "description",
                "value_clp",
                "status",
                "expected_date",
                "achieved_date",
            ]
        ],
    }


def workbook(data):
    book = Workbook()
    book.remove(book.active)
    for name, rows in data.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def upload(client, content, name="misiones.xlsx"):
    return client.post(
        reverse("editors_import_missions"),
        {"file": SimpleUploadedFile(name, content, XLSX)},
        follow=True,
    )


def text(response):
    assert response.status_code == 200
    return html.unescape(response.content.decode())


@pytest.mark.django_db
def test_a_good_workbook_imports_all_and_only_what_the_preview_said(client, editor):
    preview = text(upload(client, workbook(sheets())))
    assert "2 missions to create, 0 to change, 0 unchanged." in preview
    assert not MissionPage.objects.exists()
    token = re.search(r"/missions/import/([0-9a-f]{32})/confirm/", preview).group(1)
    response = client.post(reverse("editors_import_confirm", args=(token,)))
    assert response.status_code == 302
    pages = {page.slug: page.get_latest_revision_as_object() for page in MissionPage.objects.all()}
    assert set(pages) == {"rosario-2026", "lima-2026"}
    assert not MissionPage.objects.filter(live=True).exists()  # drafts, for review
    rosario = pages["rosario-2026"]
    assert [(c.amount, c.currency, c.exchange_rate) for c in rosario.cost_lines.all()] == [
        (1200, "USD", pytest.approx(950.5))
    ]
    assert [d.city for d in rosario.destinations.all()] == ["Rosario"]
    assert pages["lima-2026"].mission_type == "training"

    again = text(upload(client, workbook(sheets())))
    assert "0 missions to create, 0 to change, 2 unchanged." in again
    token = re.search(r"/missions/import/([0-9a-f]{32})/confirm/", again).group(1)
    client.post(reverse("editors_import_confirm", args=(token,)))
    assert MissionPage.objects.count() == 2
    assert sum(page.revisions.count() for page in MissionPage.objects.all()) == 2


@pytest.mark.django_db
def test_a_bad_workbook_shows_every_error_and_changes_nothing(client, editor):
    data = sheets(
        missions=[
            [
                "rosario-2026",
                "Misión a Rosario",
                "2026-03-06",
                "2026-03-02",
                "bilateral",
                "Convenio.",
                "OE9",
                "no",
            ],
            ["lima-2026", "Misión a Lima", "ayer", "2026-04-03", "viaje", "=1+1", "OE1", "no"],
        ],
        destinations=[["rosario-2026", "Rosario", "XX"], ["lima-2026", "Lima", "PE"]],
        costs=[
            ["rosario-2026", "airfare", "Pasaje", -5, "USD", 900, "municipality", None],
            ["lima-2026", "lodging", "Hotel", 100, "ZZZ", None, "host", None],
            ["lima-2026", "lodging", "Hotel", 100, "USD", None, "host", None],
            ["madrid-2026", "lodging", "Hotel", 100, "CLP", None, "host", None],
        ],
    )
    content = text(upload(client, workbook(data)))
    assert "Nothing was imported." in content
    for message in (
        "The end date cannot be before the start date.",
        "Unknown strategic objective: “OE9”.",
        "Not a date: use a date cell or YYYY-MM-DD.",
        "Not one of:",
        "A formula where a value is expected",
        "Not an ISO 3166 country code",
        "The amount cannot be negative.",
        "Not an ISO 4217 currency code",
        "No mission with this reference on the missions sheet.",
    ):
        assert message in content, message
    assert "exchange rate" in content.lower()
    assert not MissionPage.objects.exists()
    assert not CostLine.objects.exists()

    token = re.search(r"/missions/import/([0-9a-f]{32})/errors.xlsx", content).group(1)
    marked = load_workbook(
        io.BytesIO(client.get(reverse("editors_import_annotated", args=(token,))).content)
    )
    assert "Errors" in marked.sheetnames
    bad = marked["destinations"]["C2"]
    assert bad.comment is not None and "ISO 3166" in bad.comment.text
    assert bad.fill.start_color.rgb.endswith("F2B8B8")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("vacio.xlsx", b"", "The submitted file is empty."),
        ("foto.xlsx", b"\x89PNG\r\n\x1a\nnot a workbook", "This is not a spreadsheet"),
        ("roto.xlsx", b"PK\x03\x04garbage", "The file is damaged"),
        ("clave.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64, "password-protected"),
    ],
)
def test_unreadable_files_are_refused_clearly(client, editor, name, content, message):
    assert message in text(upload(client, content, name))
    assert not MissionPage.objects.exists()


@pytest.mark.django_db
def test_missing_sheet_and_column_and_oversize_are_refused(client, editor, settings):
    data = sheets()
    del data["results"]
    data["destinations"] = [["mission_ref", "city"], ["rosario-2026", "Rosario"]]
    content = text(upload(client, workbook(data)))
    assert "The sheet “results” is missing." in content
    assert "The column “country” is missing." in content
    settings.MISSION_IMPORT_MAX_BYTES = 100
    assert "larger than" in text(upload(client, workbook(sheets())))
    assert not MissionPage.objects.exists()


@pytest.mark.django_db
def test_template_has_instructions_and_every_sheet(client, editor):
    book = load_workbook(io.BytesIO(client.get(reverse("editors_import_template")).content))
    assert book.sheetnames[0] == "Instructions"
    assert {"missions", "destinations", "delegation", "agenda", "cost lines", "results"} <= set(
        book.sheetnames
    )
    assert book["missions"]["A1"].value == "mission reference"


@pytest.mark.django_db
def test_reviewers_cannot_import(client, django_user_model, mission_index):
    user = django_user_model.objects.create_user("revisor", "r@example.org", "x")
    user.groups.add(Group.objects.get(name="Revisores"))
    client.force_login(user)
    assert client.get(reverse("editors_import_missions")).status_code == 302
