"""A published mission is never silently changed, deleted or unpublished."""

import datetime
import html
from decimal import Decimal

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from wagtail.test.utils.form_data import querydict_from_html

from missions.models import MissionCorrection, MissionPage

from .missions_factories import (
    StrategicObjectiveFactory,
    build_mission,
    cost_line,
    result,
)


@pytest.fixture
def mission(mission_index):
    """A published mission: one USD airfare paid by the municipality, one committed result."""
    return build_mission(
        mission_index,
        title="Misión a Rosario",
        slug="rosario",
        objectives=[StrategicObjectiveFactory()],
        cost_lines=[
            cost_line(amount=Decimal("1000"), currency="USD", exchange_rate=Decimal("900"))
        ],
        results=[result(status="committed")],
    )


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=(page.pk,))


def edit_form(client, page):
    """The edit form's data exactly as the admin renders it for ``page``."""
    response = client.get(edit_url(page))
    assert response.status_code == 200
    return querydict_from_html(response.content.decode(), form_id="page-edit-form")


def publish(client, page, data):
    data = data.copy()
    data["action-publish"] = "action-publish"
    return client.post(edit_url(page), data)


def text(response):
    content = html.unescape(response.content.decode())
    if response.status_code == 200 and response.context and "form" in response.context:
        form = response.context["form"]
        errors = [form.errors] + [
            (name, formset.errors, formset.non_form_errors())
            for name, formset in form.formsets.items()
        ]
        content += f"\n<!-- form errors: {errors!r} -->"
    return content


def stored(page):
    return MissionPage.objects.get(pk=page.pk)


def test_changing_figures_of_a_live_mission_needs_a_correction_note(admin_client, mission):
    revisions = mission.revisions.count()
    data = edit_form(admin_client, mission)
    data["cost_lines-0-amount"] = "1200.00"
    response = publish(admin_client, mission, data)
    assert response.status_code == 200
    assert (
        "This mission is published and you changed its cost lines. Explain the change in the "
        "correction note: it will be published with today's date." in text(response)
    )
    assert stored(mission).cost_lines.get().amount == Decimal("1000.00")
    assert mission.revisions.count() == revisions
    assert not MissionCorrection.objects.exists()


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"end_date": "2026-03-01"}, "The end date cannot be before the start date."),
        ({"cost_lines-0-amount": "-5"}, "The amount cannot be negative."),
        ({"cost_lines-0-currency": "ABC"}, "“ABC” is not an ISO 4217 currency code"),
        ({"cost_lines-0-exchange_rate": ""}, "Give the exchange rate"),
        ({"destinations-0-country": "XX"}, "“XX” is not an ISO 3166 country code"),
        ({"results-0-status": "achieved"}, "An achieved result needs the date it was achieved."),
    ],
)
def test_bad_edits_of_a_live_mission_change_nothing(admin_client, mission, changes, message):
    revisions = mission.revisions.count()
    data = edit_form(admin_client, mission)
    data.update(changes)
    data["correction_note"] = "Corrección."
    response = publish(admin_client, mission, data)
    assert response.status_code == 200
    assert message in text(response)
    page = stored(mission)
    assert (page.start_date, page.end_date) == (
        datetime.date(2026, 3, 2),
        datetime.date(2026, 3, 6),
    )
    line = page.cost_lines.get()
    assert (line.amount, line.currency, line.exchange_rate) == (
        Decimal("1000.00"),
        "USD",
        Decimal("900.000000"),
    )
    assert page.results.get().status == "committed"
    assert page.destinations.get().country.code == "AR"
    assert mission.revisions.count() == revisions
    assert not MissionCorrection.objects.exists()


@pytest.mark.parametrize(
    ("field", "value", "part"),
    [
        ("start_date", "2026-03-01", "dates"),
        ("end_date", "2026-03-09", "dates"),
        ("destinations-0-country", "UY", "destinations"),
        ("cost_lines-0-currency", "EUR", "cost lines"),
        ("cost_lines-0-exchange_rate", "901", "cost lines"),
        ("cost_lines-0-payer", "host", "cost lines"),
        ("cost_lines-0-category", "lodging", "cost lines"),
        ("results-0-status", "in_progress", "results"),
        ("results-0-value_clp", "2000000", "results"),
    ],
)
def test_each_figure_counts(admin_client, mission, field, value, part):
    data = edit_form(admin_client, mission)
    data[field] = value
    response = publish(admin_client, mission, data)
    assert f"you changed its {part}." in text(response)


def test_removing_a_cost_line_counts(admin_client, mission):
    data = edit_form(admin_client, mission)
    data["cost_lines-0-DELETE"] = "1"
    assert "you changed its cost lines." in text(publish(admin_client, mission, data))
    assert stored(mission).cost_lines.count() == 1


def test_with_a_note_the_change_is_published_with_a_dated_correction(admin_client, mission):
    data = edit_form(admin_client, mission)
    data["cost_lines-0-amount"] = "1200.00"
    data["correction_note"] = "El pasaje costó USD 1.200, no USD 1.000."
    response = publish(admin_client, mission, data)
    assert response.status_code == 302

    page = stored(mission)
    assert page.cost_lines.get().amount == Decimal("1200.00")
    correction = MissionCorrection.objects.get()
    assert correction.page_id == page.pk
    assert correction.date == timezone.localdate()
    assert correction.note == "El pasaje costó USD 1.200, no USD 1.000."
    assert correction.locale_id == page.locale_id
    # The note is spent: the next edit starts empty and republishing logs nothing new.
    assert page.correction_note == ""
    assert edit_form(admin_client, page)["correction_note"].strip() == ""
    publish(admin_client, page, edit_form(admin_client, page))
    assert MissionCorrection.objects.count() == 1

    public = admin_client.get(page.url)
    assert public.status_code == 200
    assert "El pasaje costó USD 1.200, no USD 1.000." in text(public)
    assert correction.date.isoformat() in public.content.decode()


def test_corrections_survive_publishing_an_older_revision(admin_client, mission):
    older = mission.latest_revision
    data = edit_form(admin_client, mission)
    data["cost_lines-0-amount"] = "1200.00"
    data["correction_note"] = "Monto corregido."
    publish(admin_client, mission, data)
    older.publish()
    assert MissionCorrection.objects.filter(page=mission).count() == 1


def test_text_edits_need_no_note(admin_client, mission):
    data = edit_form(admin_client, mission)
    data["purpose"] = "Firmar un convenio de reciclaje y conocer su planta."
    data["cost_lines-0-description"] = "Pasaje aéreo"
    response = publish(admin_client, mission, data)
    assert response.status_code == 302
    assert stored(mission).purpose.endswith("conocer su planta.")
    assert not MissionCorrection.objects.exists()


def test_a_status_change_documented_by_a_follow_up_is_an_update(admin_client, mission):
    data = edit_form(admin_client, mission)
    data["results-0-status"] = "achieved"
    data["results-0-achieved_date"] = "2026-06-10"
    prefix = "results-0-follow_ups"
    data[f"{prefix}-TOTAL_FORMS"] = "1"
    data.update(
        {
            f"{prefix}-0-date": "2026-06-10",
            f"{prefix}-0-note": "El convenio se firmó en junio.",
            f"{prefix}-0-new_status": "achieved",
            f"{prefix}-0-ORDER": "1",
            f"{prefix}-0-DELETE": "",
            f"{prefix}-0-id": "",
        }
    )
    response = publish(admin_client, mission, data)
    assert response.status_code == 302, text(response)[-3000:]
    result = stored(mission).results.get()
    assert result.status == "achieved"
    assert result.follow_ups.get().note == "El convenio se firmó en junio."
    assert not MissionCorrection.objects.exists()


def test_drafts_may_change_figures_but_publishing_them_needs_the_note(admin_client, mission):
    data = edit_form(admin_client, mission)
    data["cost_lines-0-amount"] = "1500.00"
    assert admin_client.post(edit_url(mission), data).status_code == 302
    assert stored(mission).cost_lines.get().amount == Decimal("1000.00")  # live unchanged

    draft = edit_form(admin_client, mission)
    assert draft["cost_lines-0-amount"] == "1500.00"
    response = publish(admin_client, mission, draft)
    assert "you changed its cost lines." in text(response)


def test_the_note_travels_with_the_draft_to_whoever_publishes_it(admin_client, mission):
    """Moderation: the editor's note is kept in the revision; approval publishes it."""
    data = edit_form(admin_client, mission)
    data["cost_lines-0-amount"] = "1500.00"
    data["correction_note"] = "Se agregó el exceso de equipaje."
    data["action-submit"] = "action-submit"
    assert admin_client.post(edit_url(mission), data).status_code == 302
    assert not MissionCorrection.objects.exists()

    stored(mission).get_latest_revision().publish()  # what the reviewer's approval does
    correction = MissionCorrection.objects.get()
    assert correction.note == "Se agregó el exceso de equipaje."
    assert stored(mission).cost_lines.get().amount == Decimal("1500.00")


def message_texts(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_a_published_mission_cannot_be_deleted(admin_client, mission):
    url = reverse("wagtailadmin_pages:delete", args=(mission.pk,))
    for response in (admin_client.get(url), admin_client.post(url)):
        assert response.status_code == 302
        assert response.url == edit_url(mission)
        assert any(
            "“Misión a Rosario” has been published, so it cannot be deleted." in message
            and "withdraw it" in message
            for message in message_texts(response)
        )
    assert MissionPage.objects.filter(pk=mission.pk, live=True).exists()


def test_a_never_published_draft_can_be_deleted(admin_client, mission_index):
    draft = build_mission(mission_index, title="Borrador", slug="borrador", publish=False)
    response = admin_client.post(reverse("wagtailadmin_pages:delete", args=(draft.pk,)))
    assert response.status_code == 302
    assert not MissionPage.objects.filter(pk=draft.pk).exists()


def test_the_index_above_published_missions_cannot_be_deleted(admin_client, mission):
    index = mission.get_parent()
    response = admin_client.post(reverse("wagtailadmin_pages:delete", args=(index.pk,)))
    assert response.status_code == 302
    assert any("contains published missions" in message for message in message_texts(response))
    assert MissionPage.objects.filter(pk=mission.pk).exists()


def test_a_published_mission_cannot_be_unpublished(admin_client, mission):
    response = admin_client.post(reverse("wagtailadmin_pages:unpublish", args=(mission.pk,)))
    assert response.status_code == 302
    assert any("cannot be unpublished" in message for message in message_texts(response))
    assert stored(mission).live


@pytest.mark.parametrize("action", ["delete", "unpublish"])
def test_bulk_actions_cannot_remove_published_missions(admin_client, mission, action):
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", action))
    url += "?" + urlencode({"id": [mission.pk], "next": reverse("wagtailadmin_home")}, doseq=True)
    response = admin_client.post(url)
    assert response.status_code == 302
    assert any("cannot be deleted or unpublished" in message for message in message_texts(response))
    assert MissionPage.objects.filter(pk=mission.pk, live=True).exists()


def test_withdrawal_keeps_the_mission_public_and_in_the_data(admin_client, mission):
    data = edit_form(admin_client, mission)
    data["withdrawn"] = "on"
    data["withdrawal_reason"] = "El viaje se canceló; los pasajes fueron reembolsados."
    response = publish(admin_client, mission, data)
    assert response.status_code == 302, text(response)[-3000:]

    page = stored(mission)
    assert page.live and page.withdrawn
    assert page.withdrawn_at == timezone.localdate()
    public = admin_client.get(page.url)
    assert public.status_code == 200
    content = text(public)
    assert "Withdrawn" in content or "Retirada" in content
    assert "El viaje se canceló; los pasajes fueron reembolsados." in content

    assert MissionPage.objects.withdrawn().filter(pk=page.pk).exists()
    assert not MissionPage.objects.not_withdrawn().filter(pk=page.pk).exists()
    figures = MissionPage.objects.with_totals().get(pk=page.pk)
    assert figures.total_cost_clp == Decimal("900000.00")


def test_withdrawing_then_reinstating_asks_for_a_note(admin_client, mission):
    page = stored(mission)
    page.withdrawn, page.withdrawal_reason = True, "Error de registro."
    page.save_revision().publish()
    data = edit_form(admin_client, page)
    data.pop("withdrawn", None)
    response = publish(admin_client, page, data)
    assert "you changed its withdrawal." in text(response)


def test_the_admin_listing_filters_overdue_reports(admin_client, mission, mission_index):
    recent = build_mission(
        mission_index,
        title="Reciente",
        slug="reciente",
        start_date=timezone.localdate(),
        end_date=timezone.localdate(),
    )
    url = reverse("missions:index")
    response = admin_client.get(url, {"report": "overdue"})
    assert response.status_code == 200
    content = text(response)
    assert "Misión a Rosario" in content
    assert recent.title not in content
    assert "Reciente" in text(admin_client.get(url, {"report": "not_due"}))


def test_days_abroad_follows_the_dates(mission):
    page = stored(mission)
    page.end_date = datetime.date(2026, 3, 12)
    page.save_revision().publish()
    assert stored(mission).days_abroad == 11


def test_a_copy_is_a_new_record(mission):
    page = stored(mission)
    page.withdrawn, page.withdrawal_reason = True, "Duplicada."
    page.correction_note = "Fecha corregida."
    page.save_revision().publish()
    assert page.corrections.count() == 1
    copy = page.copy(to=page.get_parent(), update_attrs={"slug": "rosario-2"}, keep_live=False)
    copy = MissionPage.objects.get(pk=copy.pk)
    assert not copy.withdrawn and copy.withdrawn_at is None and copy.withdrawal_reason == ""
    assert copy.correction_note == ""
    assert not copy.corrections.exists()
    assert copy.cost_lines.get().amount == Decimal("1000.00")


def test_bulk_publishing_a_draft_with_new_figures_needs_the_note(admin_client, mission):
    data = edit_form(admin_client, mission)
    data["cost_lines-0-amount"] = "1500.00"
    admin_client.post(edit_url(mission), data)  # a draft, no note
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish"))
    url += "?" + urlencode({"id": [mission.pk], "next": reverse("wagtailadmin_home")}, doseq=True)
    response = admin_client.post(url)
    assert response.status_code == 302
    assert any("without a correction note" in message for message in message_texts(response))
    assert stored(mission).cost_lines.get().amount == Decimal("1000.00")

    data = edit_form(admin_client, mission)
    data["correction_note"] = "Exceso de equipaje."
    admin_client.post(edit_url(mission), data)  # the note saved with the draft
    admin_client.post(url)
    assert stored(mission).cost_lines.get().amount == Decimal("1500.00")
    assert MissionCorrection.objects.get().note == "Exceso de equipaje."
