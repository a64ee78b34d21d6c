"""A mission goes live only when a reviewer other than its author approves it, in the admin."""

import html
import json

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import TaskState
from wagtail.test.utils.form_data import querydict_from_html
from wagtail.users.models import UserProfile

from missions.models import MissionPage

from .missions_factories import StrategicObjectiveFactory
from .test_missions_admin import add_url, mission_post

COMMENT = "Falta el decreto de autorización escaneado."


def user_in(django_user_model, username, group):
    user = django_user_model.objects.create_user(username, f"{username}@example.org", "x")
    user.groups.add(Group.objects.get(name=group))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


@pytest.fixture
def people(django_user_model):
    return {
        "editor": user_in(django_user_model, "editora", "Editores"),
        "reviewer": user_in(django_user_model, "revisor", "Revisores"),
        "second": user_in(django_user_model, "revisora", "Revisores"),
    }


def as_user(client, user):
    client.logout()
    client.force_login(user)
    return client


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=(page.pk,))


def edit_form(client, page):
    response = client.get(edit_url(page))
    assert response.status_code == 200
    return querydict_from_html(response.content.decode(), form_id="page-edit-form")


def action_url(page, action):
    state = TaskState.objects.get(workflow_state__object_id=str(page.pk), status="in_progress")
    return reverse("wagtailadmin_pages:workflow_action", args=(page.pk, action, state.pk))


def assert_refused(response, page):
    """Wagtail answers a refused action by sending the user back to the dashboard."""
    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_home")
    page.refresh_from_db()
    assert not page.live
    assert page.current_workflow_state.status == "in_progress"


def submit_new_mission(client, index):
    objective = StrategicObjectiveFactory(title="Economía circular")
    response = client.post(add_url(index), mission_post([objective], action="action-submit"))
    assert response.status_code == 302, html.unescape(response.content.decode())[:3000]
    return MissionPage.objects.get(slug="mision-a-rosario")


@pytest.mark.django_db
def test_submit_reject_with_comment_resubmit_and_approve_by_a_second_reviewer(
    client, mission_index, people
):
    page = submit_new_mission(as_user(client, people["editor"]), mission_index)
    assert not page.live
    assert page.current_workflow_task.specific.name == "Aprobación por Revisores"
    # The editor cannot approve: the task belongs to the reviewers.
    assert_refused(client.post(action_url(page, "approve")), page)

    as_user(client, people["reviewer"])
    xhr = {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"}
    refused = client.post(action_url(page, "reject"), {"comment": ""}, **xhr)
    assert "Say what the editor should change." in json.loads(refused.content)["html"]
    assert page.current_workflow_state.status == "in_progress"
    client.post(action_url(page, "reject"), {"comment": COMMENT})
    page.refresh_from_db()
    assert page.current_workflow_state.status == "needs_changes"
    assert not page.live

    as_user(client, people["editor"])
    history = client.get(reverse("wagtailadmin_pages:history", args=(page.pk,)))
    assert COMMENT in html.unescape(history.content.decode())
    data = edit_form(client, page)
    data["action-submit"] = "action-submit"
    assert client.post(edit_url(page), data).status_code == 302
    page.refresh_from_db()
    assert page.current_workflow_state.status == "in_progress"

    as_user(client, people["second"])
    assert client.post(action_url(page, "approve"), {"comment": ""}).status_code == 302
    page.refresh_from_db()
    assert page.live
    assert page.live_revision.user == people["editor"]


@pytest.mark.django_db
def test_a_reviewer_cannot_approve_their_own_changes(client, mission_index, people):
    page = submit_new_mission(as_user(client, people["editor"]), mission_index)
    as_user(client, people["reviewer"])
    data = edit_form(client, page)
    data["purpose"] = "Firmar un convenio de reciclaje y de compostaje con Rosario."
    assert client.post(edit_url(page), data).status_code == 302  # saves a draft while in review

    page.refresh_from_db()
    assert_refused(client.post(action_url(page, "approve"), {"comment": ""}), page)
    edit_page = html.unescape(client.get(edit_url(page)).content.decode())
    assert "Request changes" in edit_page
    assert 'name="action-workflow-action" value="approve"' not in edit_page
    page.refresh_from_db()
    assert not page.live

    as_user(client, people["second"])
    assert client.post(action_url(page, "approve"), {"comment": ""}).status_code == 302
    page.refresh_from_db()
    assert page.live


@pytest.mark.django_db
def test_nobody_but_administrators_may_publish_a_mission_directly(client, mission_index, people):
    objective = StrategicObjectiveFactory(title="Economía circular")
    as_user(client, people["reviewer"])
    client.post(add_url(mission_index), mission_post([objective], action="action-publish"))
    assert not MissionPage.objects.filter(live=True).exists()


@pytest.mark.django_db
def test_a_live_missions_changed_figures_cannot_be_submitted_without_a_correction_note(
    client, mission_index, people
):
    from decimal import Decimal

    from .missions_factories import build_mission, cost_line

    page = build_mission(
        mission_index,
        title="Misión a Lima",
        slug="lima",
        objectives=[StrategicObjectiveFactory()],
        cost_lines=[cost_line(amount=Decimal("1000"), currency="CLP")],
    )
    as_user(client, people["editor"])
    data = edit_form(client, page)
    data["cost_lines-0-amount"] = "1500.00"
    data["action-submit"] = "action-submit"
    response = client.post(edit_url(page), data)
    assert response.status_code == 200
    assert "Explain the change in the correction note" in html.unescape(response.content.decode())
    page.refresh_from_db()
    assert page.current_workflow_state is None

    data["correction_note"] = "El costo real fue de $1.500."
    assert client.post(edit_url(page), data).status_code == 302
    page.refresh_from_db()
    assert page.current_workflow_state.status == "in_progress"
