"""The ways around a published mission's protection, found by probing the admin, are closed."""

import datetime
import html

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import PageViewRestriction

from missions.models import MissionPage

from .missions_factories import StrategicObjectiveFactory, build_mission


def document(title):
    return get_document_model().objects.create(
        title=title, file=ContentFile(b"%PDF-1.4 informe", name=f"{title}.pdf")
    )


@pytest.fixture
def mission(mission_index):
    report = document("informe-rosario")
    act = document("decreto-rosario")
    return build_mission(
        mission_index,
        title="Misión a Rosario",
        slug="rosario",
        objectives=[StrategicObjectiveFactory()],
        start_date=datetime.date(2026, 3, 2),
        end_date=datetime.date(2026, 3, 6),
        report_document=report,
        report_date=datetime.date(2026, 3, 20),
        authorization_document=act,
    )


def privacy_url(page):
    return reverse("wagtailadmin_pages:set_privacy", args=(page.pk,))


def text(response):
    return html.unescape(response.content.decode())


@pytest.mark.django_db
@pytest.mark.parametrize("where", ["mission", "index"])
def test_a_live_mission_cannot_be_made_private(admin_client, mission, where):
    page = mission if where == "mission" else mission.get_parent()
    shown = admin_client.get(privacy_url(page))
    assert "privacy cannot be set here" in text(shown)
    response = admin_client.post(
        privacy_url(page), {"restriction_type": "password", "password": "secreto"}
    )
    assert "privacy cannot be set here" in text(response)
    assert not PageViewRestriction.objects.exists()
    assert admin_client.get(mission.url).status_code == 200
    assert admin_client.get(mission.get_parent().url + "data/missions.csv").status_code == 200


@pytest.mark.django_db
def test_a_draft_mission_may_still_be_made_private(admin_client, mission_index):
    draft = build_mission(mission_index, title="Borrador", slug="borrador", publish=False)
    response = admin_client.post(
        privacy_url(draft), {"restriction_type": "password", "password": "secreto"}
    )
    assert response.status_code == 200
    assert PageViewRestriction.objects.filter(page=draft).exists()


@pytest.mark.django_db
@pytest.mark.parametrize("field", ["report_document", "authorization_document"])
def test_a_document_a_mission_cites_cannot_be_deleted(admin_client, mission, field):
    cited = getattr(mission, field)
    url = reverse("wagtaildocs:delete", args=(cited.pk,))
    assert "references to this document prevent it from being deleted" in text(
        admin_client.get(url)
    )
    admin_client.post(url)
    bulk = reverse("wagtail_bulk_action", args=("wagtaildocs", "document", "delete"))
    admin_client.post(f"{bulk}?id={cited.pk}")
    assert get_document_model().objects.filter(pk=cited.pk).exists()
    page = MissionPage.objects.get(pk=mission.pk)
    assert getattr(page, field) == cited
    assert "overdue" not in text(admin_client.get(mission.url)).lower()


@pytest.mark.django_db
def test_a_document_no_mission_cites_can_be_deleted(admin_client, mission):
    spare = document("otro")
    assert admin_client.post(reverse("wagtaildocs:delete", args=(spare.pk,))).status_code == 302
    assert not get_document_model().objects.filter(pk=spare.pk).exists()


@pytest.mark.django_db
def test_there_is_no_django_admin(admin_client):
    for path in ("/django-admin/", "/django-admin/auth/user/"):
        assert admin_client.get(path, follow=True).status_code == 404
