"""The Reports menu lists what needs attention, and exports it safely as CSV and XLSX."""

import datetime
import html
import io

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from openpyxl import load_workbook
from wagtail.users.models import UserProfile

from .factories import ContentPageFactory
from .missions_factories import StrategicObjectiveFactory, build_mission

FORMULA_TITLE = '=HYPERLINK("http://example.org")'


@pytest.fixture
def reviewer(client, django_user_model):
    user = django_user_model.objects.create_user("revisor", "r@example.org", "x")
    user.groups.add(Group.objects.get(name="Revisores"))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(user)
    return user


@pytest.fixture
def missions(mission_index):
    long_ago = datetime.date.today() - datetime.timedelta(days=120)
    common = {
        "objectives": [StrategicObjectiveFactory()],
        "end_date": long_ago,
        "start_date": long_ago - datetime.timedelta(days=3),
    }
    return {
        "overdue": build_mission(mission_index, title=FORMULA_TITLE, slug="atrasada", **common),
        "withdrawn": build_mission(
            mission_index,
            title="Misión retirada",
            slug="retirada",
            withdrawn=True,
            withdrawal_reason="Duplicada.",
            **common,
        ),
    }


def text(response):
    assert response.status_code == 200
    return html.unescape(response.content.decode())


@pytest.mark.django_db
def test_overdue_reports_lists_overdue_missions_only_and_exports_safely(client, reviewer, missions):
    url = reverse("site_report_overdue-reports")
    content = text(client.get(url))
    assert FORMULA_TITLE in content
    assert "Misión retirada" not in content
    assert "Days overdue" in content

    csv = b"".join(client.get(url, {"export": "csv"}).streaming_content).decode()
    assert f"'{FORMULA_TITLE}" in csv.replace('""', '"')
    assert "Misión retirada" not in csv

    workbook = load_workbook(io.BytesIO(client.get(url, {"export": "xlsx"}).getvalue()))
    cells = [cell.value for row in workbook.active.iter_rows() for cell in row]
    assert f"'{FORMULA_TITLE}" in cells
    assert "Report due on" in cells


@pytest.mark.django_db
def test_reports_are_in_the_menu_for_reviewers_and_refused_to_others(
    client, reviewer, missions, django_user_model
):
    menu = text(client.get(reverse("wagtailadmin_home")))
    for label in ("Overdue trip reports", "Translations to update", "Reviews waiting"):
        assert label in menu
    stranger = django_user_model.objects.create_user("otro", "o@example.org", "x")
    client.force_login(stranger)
    response = client.get(reverse("site_report_overdue-reports"))
    assert response.status_code == 302


@pytest.mark.django_db
def test_translations_report_lists_untranslated_and_outdated(client, reviewer, home, translate):
    lonely = ContentPageFactory(parent=home, title="Página sin traducir", slug="sin-traducir")
    lonely.save_revision().publish()
    changed = ContentPageFactory(parent=home, title="Página cambiada", slug="cambiada")
    changed.save_revision().publish()
    english = translate(changed)
    from wagtail_localize.models import TranslationSource

    TranslationSource.objects.filter(object_id=changed.translation_key).update(
        last_updated_at=datetime.datetime(2026, 1, 5, tzinfo=datetime.UTC)
    )
    changed.save_revision().publish()

    content = text(client.get(reverse("site_report_translations")))
    assert "Página sin traducir" in content
    assert "not translated" in content
    assert english.title in content
    assert "original changed since" in content


@pytest.mark.django_db
def test_reviews_waiting_shows_submission_date_and_flags_old_ones(client, reviewer, mission_index):
    from wagtail.models import TaskState, Workflow

    draft = build_mission(
        mission_index,
        title="Misión en revisión",
        slug="en-revision",
        objectives=[StrategicObjectiveFactory()],
        publish=False,
    )
    Workflow.objects.get(name="Revisión por otra persona").start(draft, reviewer)
    url = reverse("site_report_reviews-waiting")
    content = text(client.get(url))
    assert "Misión en revisión" in content
    assert "waiting too long" not in content
    TaskState.objects.update(started_at=datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC))
    assert "waiting too long" in text(client.get(url))
