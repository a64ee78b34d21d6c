"""Editors create missions in the real Wagtail admin: every bad input is refused, clearly,
and nothing is saved."""

import datetime
import html
from decimal import Decimal

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from missions.models import CostLine, MissionPage, MissionResult, ResultFollowUp

from .missions_factories import (
    OrganizationFactory,
    PersonFactory,
    StrategicObjectiveFactory,
)


@pytest.fixture
def objective(locales):
    return StrategicObjectiveFactory(title="Economía circular")


def add_url(index):
    return reverse("wagtailadmin_pages:add", args=("missions", "missionpage", index.pk))


def cost(**fields):
    return {
        "category": "airfare",
        "description": "Pasaje Santiago–Rosario",
        "amount": "1200.00",
        "currency": "USD",
        "exchange_rate": "950.5",
        "payer": "municipality",
        "paying_organization": "",
        **fields,
    }


def outcome(follow_ups=(), **fields):
    return {
        "kind": "agreement",
        "description": "Convenio de cooperación en reciclaje",
        "value_clp": "",
        "status": "committed",
        "expected_date": "",
        "achieved_date": "",
        "evidence_document": "",
        "evidence_url": "",
        "practice": "",
        "follow_ups": inline_formset(list(follow_ups)),
        **fields,
    }


def mission_post(objectives=(), action="action-publish", **overrides):
    """POST data for the mission form, as the admin would send it."""
    fields = {
        "title": "Misión a Rosario",
        "slug": "mision-a-rosario",
        "start_date": "2026-03-02",
        "end_date": "2026-03-06",
        "mission_type": "bilateral",
        "purpose": "Firmar un convenio de reciclaje con Rosario.",
        "no_municipal_cost": "",
        "authorization_act_type": "mayoral_decree",
        "authorization_number": "1234/2026",
        "authorization_date": "2026-02-20",
        "authorization_document": "",
        "report_document": "",
        "report_date": "",
        "withdrawn": "",
        "withdrawal_reason": "",
        "correction_note": "",
        "destinations": [{"city": "Rosario", "country": "AR"}],
        "delegation": [],
        "agenda": [],
        "cost_lines": [cost()],
        "results": [],
        "travel_legs": [],
    }
    fields.update(overrides)
    for relation in (
        "destinations",
        "delegation",
        "agenda",
        "cost_lines",
        "results",
        "travel_legs",
    ):
        fields[relation] = inline_formset(fields[relation])
    data = nested_form_data(fields)
    data["objectives"] = [str(objective.pk) for objective in objectives]
    if action:
        data[action] = action
    return data


def errors_shown(response):
    assert response.status_code == 200, "the form should be shown again with its errors"
    return html.unescape(response.content.decode())


def test_a_complete_mission_is_published(admin_client, mission_index, objective):
    person = PersonFactory(name="Ana Pérez")
    counterpart = OrganizationFactory(name="Municipalidad de Rosario")
    data = mission_post(
        [objective],
        delegation=[{"person": str(person.pk), "role": "Jefa de delegación"}],
        agenda=[
            {"date": "2026-03-03", "organization": str(counterpart.pk), "subject": "Reciclaje"}
        ],
        cost_lines=[
            cost(),
            cost(
                category="per_diem",
                amount="250000",
                currency="clp",
                exchange_rate="",
                payer="municipality",
            ),
        ],
        results=[
            outcome(
                status="achieved",
                achieved_date="2026-03-05",
                value_clp="15000000",
                follow_ups=[
                    {
                        "date": "2026-03-05",
                        "note": "Convenio firmado en Rosario.",
                        "new_status": "achieved",
                    }
                ],
            )
        ],
    )
    data["results-0-organizations"] = [str(counterpart.pk)]
    response = admin_client.post(add_url(mission_index), data)
    assert response.status_code == 302, errors_shown(response)[:3000]

    mission = MissionPage.objects.get(slug="mision-a-rosario")
    assert mission.live
    assert mission.days_abroad == 5
    assert list(mission.objectives.all()) == [objective]
    assert [str(d) for d in mission.destinations.all()] == ["Rosario, Argentina"]
    assert mission.delegation.get().person == person
    assert mission.agenda.get().organization == counterpart
    lines = list(mission.cost_lines.all())
    assert [(line.currency, line.exchange_rate) for line in lines] == [
        ("USD", Decimal("950.500000")),
        ("CLP", Decimal("1.000000")),
    ]
    # The nested inline panel (results → follow-up notes) saves through the admin form.
    result = mission.results.get()
    assert list(result.organizations.all()) == [counterpart]
    assert result.follow_ups.get().note == "Convenio firmado en Rosario."
    assert result.follow_ups.get().locale_id == mission.locale_id
    figures = MissionPage.objects.with_totals().get(pk=mission.pk)
    assert figures.total_cost_clp == Decimal("1390600.00")  # 1 200 × 950.5 + 250 000


def test_a_draft_may_be_incomplete(admin_client, mission_index):
    response = admin_client.post(
        add_url(mission_index),
        mission_post([], action=None, destinations=[], cost_lines=[]),
    )
    assert response.status_code == 302
    mission = MissionPage.objects.get()
    assert not mission.live


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        (
            {"start_date": "2026-03-06", "end_date": "2026-03-02"},
            "The end date cannot be before the start date.",
        ),
        ({"cost_lines": [cost(amount="-10")]}, "The amount cannot be negative."),
        (
            {"cost_lines": [cost(currency="XYZ")]},
            "“XYZ” is not an ISO 4217 currency code (for example CLP, USD or EUR).",
        ),
        (
            {"cost_lines": [cost(exchange_rate="")]},
            "Give the exchange rate: how many Chilean pesos one USD was worth when it was paid.",
        ),
        (
            {"cost_lines": [cost(exchange_rate="0")]},
            "The exchange rate must be greater than zero.",
        ),
        (
            {"cost_lines": [cost(exchange_rate="-3")]},
            "The exchange rate must be greater than zero.",
        ),
        (
            {"destinations": [{"city": "Atlantis", "country": "QQ"}]},
            "“QQ” is not an ISO 3166 country code: choose the country from the list.",
        ),
        (
            {"results": [outcome(status="achieved")]},
            "An achieved result needs the date it was achieved.",
        ),
        (
            {"results": [outcome(value_clp="-1")]},
            "The amount cannot be negative.",
        ),
        (
            {"withdrawn": "on"},
            "Give the public reason for withdrawing this mission.",
        ),
        (
            {"no_municipal_cost": "on"},
            "You stated that the mission cost the municipality nothing, but a cost line is paid "
            "by the municipality.",
        ),
        (
            {
                "results": [
                    outcome(
                        follow_ups=[
                            {"date": "2026-05-01", "note": "Firmado.", "new_status": "achieved"}
                        ]
                    )
                ]
            },
            "The latest follow-up note says this result moved to “Achieved”",
        ),
    ],
    ids=[
        "end-before-start",
        "negative-amount",
        "unknown-currency",
        "missing-rate",
        "zero-rate",
        "negative-rate",
        "unknown-country",
        "achieved-without-date",
        "negative-result-value",
        "withdrawn-without-reason",
        "no-cost-contradicted",
        "follow-up-status-mismatch",
    ],
)
@pytest.mark.parametrize("action", ["action-publish", None], ids=["publish", "draft"])
def test_bad_input_is_refused_and_nothing_saved(
    admin_client, mission_index, objective, overrides, message, action
):
    response = admin_client.post(
        add_url(mission_index), mission_post([objective], action=action, **overrides)
    )
    content = errors_shown(response)
    assert message in content
    assert "The page could not be created due to validation errors." in content
    assert not MissionPage.objects.exists()
    assert not CostLine.objects.exists()
    assert not MissionResult.objects.exists()
    assert not ResultFollowUp.objects.exists()


@pytest.mark.parametrize(
    ("overrides", "objectives", "message"),
    [
        ({}, False, "Choose at least one strategic objective that this mission serves."),
        (
            {"destinations": []},
            True,
            "Add at least one destination (city and country) before publishing.",
        ),
        (
            {"cost_lines": []},
            True,
            "Add the mission's cost lines, or tick “No cost to the municipality” (Costs tab), "
            "before publishing.",
        ),
    ],
    ids=["no-objective", "no-destination", "no-cost-and-no-statement"],
)
def test_publishing_needs_objective_destination_and_costs(
    admin_client, mission_index, objective, overrides, objectives, message
):
    response = admin_client.post(
        add_url(mission_index), mission_post([objective] if objectives else [], **overrides)
    )
    content = errors_shown(response)
    assert message in content
    assert not MissionPage.objects.exists()


def test_the_no_cost_statement_replaces_cost_lines(admin_client, mission_index, objective):
    response = admin_client.post(
        add_url(mission_index), mission_post([objective], cost_lines=[], no_municipal_cost="on")
    )
    assert response.status_code == 302
    mission = MissionPage.objects.get()
    assert mission.live and mission.no_municipal_cost


def test_submitting_for_moderation_applies_the_publishing_rules(
    admin_client, mission_index, objective
):
    response = admin_client.post(
        add_url(mission_index), mission_post([objective], action="action-submit", destinations=[])
    )
    assert "Add at least one destination" in errors_shown(response)
    assert not MissionPage.objects.exists()


def test_a_mission_cannot_be_set_to_expire(admin_client, mission_index, objective):
    data = mission_post([objective])
    data["expire_at"] = (datetime.datetime.now() + datetime.timedelta(days=30)).strftime(
        "%Y-%m-%d %H:%M"
    )
    content = errors_shown(admin_client.post(add_url(mission_index), data))
    assert "A mission cannot expire" in content
    assert not MissionPage.objects.exists()


def test_the_form_offers_only_snippets_in_the_page_language(
    admin_client, mission_index, objective, locales
):
    StrategicObjectiveFactory(
        title="Circular economy", locale=locales["en"], translation_key=objective.translation_key
    )
    spanish = OrganizationFactory(name="Red de Ciudades Costeras")
    OrganizationFactory(
        name="Coastal Cities Network", locale=locales["en"], translation_key=spanish.translation_key
    )
    content = admin_client.get(add_url(mission_index)).content.decode()
    assert "Economía circular" in content
    assert "Red de Ciudades Costeras" in content  # the result template's organization list
    assert "Circular economy" not in content
    assert "Coastal Cities Network" not in content


def test_rows_point_at_snippets_in_the_page_language(admin_client, mission_index, locales):
    """An editor who picks the English version of a snippet gets the Spanish one saved."""
    spanish = PersonFactory(name="Ana Pérez", position="Alcaldesa")
    english = PersonFactory(
        name="Ana Pérez",
        position="Mayor",
        locale=locales["en"],
        translation_key=spanish.translation_key,
    )
    data = mission_post(
        [], action=None, delegation=[{"person": str(english.pk), "role": "Jefa de delegación"}]
    )
    assert admin_client.post(add_url(mission_index), data).status_code == 302
    assert MissionPage.objects.get().delegation.get().person == spanish
