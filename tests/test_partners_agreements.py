"""Agreements and memberships: the status computed from the dates, and every bad input the
admin must refuse with a clear message (and save nothing)."""

import datetime
import html

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from directory.models import Organization
from missions.models import MissionResult
from partners.models import Agreement, AgreementStatus, Membership

from .missions_factories import MissionPageFactory, OrganizationFactory

TODAY = datetime.date(2026, 6, 15)


def agreement(**dates):
    return Agreement(title="Convenio", kind="cooperation", **dates)


def days(n):
    return TODAY + datetime.timedelta(days=n)


@pytest.mark.parametrize(
    ("fields", "status"),
    [
        ({}, AgreementStatus.NEGOTIATION),
        ({"signed_date": days(5)}, AgreementStatus.NEGOTIATION),
        ({"signed_date": days(-10)}, AgreementStatus.IN_FORCE),
        ({"signed_date": days(-10), "effective_date": days(20)}, AgreementStatus.SIGNED),
        ({"signed_date": days(-400), "expiry_date": days(-1)}, AgreementStatus.EXPIRED),
        ({"signed_date": days(-400), "expiry_date": TODAY}, AgreementStatus.IN_FORCE),
        (
            {"signed_date": days(-40), "interruption": "suspended", "interrupted_on": days(-3)},
            AgreementStatus.SUSPENDED,
        ),
        (
            {"signed_date": days(-40), "interruption": "terminated", "interrupted_on": days(-3)},
            AgreementStatus.TERMINATED,
        ),
    ],
)
def test_status_comes_from_the_dates(fields, status):
    assert agreement(**fields).status_on(TODAY) == status


def test_the_database_computes_the_same_status(db, locales):
    cases = {
        "negotiation": {},
        "signed": {"signed_date": days(-10), "effective_date": days(20)},
        "in_force": {"signed_date": days(-10)},
        "expired": {"signed_date": days(-400), "expiry_date": days(-1)},
        "suspended": {
            "signed_date": days(-40),
            "interruption": "suspended",
            "interrupted_on": days(-3),
        },
    }
    for slug, fields in cases.items():
        Agreement.objects.create(title=slug, slug=slug, kind="mou", locale=locales["es"], **fields)
    computed = dict(Agreement.objects.with_status(TODAY).values_list("slug", "computed_status"))
    assert computed == {slug: slug for slug in cases}
    for row in Agreement.objects.all():
        assert row.status_on(TODAY) == row.slug


def test_expiring_within_90_days_is_marked(db, locales):
    soon = agreement(signed_date=days(-300), expiry_date=days(89))
    later = agreement(signed_date=days(-300), expiry_date=days(91))
    assert soon.expires_soon(TODAY) and soon.days_left(TODAY) == 89
    assert not later.expires_soon(TODAY)
    assert not agreement(signed_date=days(-300), expiry_date=days(-2)).expires_soon(TODAY)


# Through the admin ------------------------------------------------------------------------


@pytest.fixture
def organisations(locales):
    return [
        OrganizationFactory(name="Municipalidad de Puente Alto del Mar", kind="city", country="CL"),
        OrganizationFactory(name="Ayuntamiento de Villaribera", kind="city", country="ES"),
    ]


ADD_AGREEMENT = "wagtailsnippets_partners_agreement:add"


def agreement_post(parties, **fields):
    data = {
        "title": "Convenio de compostaje",
        "slug": "",
        "kind": "cooperation",
        "signed_date": "2026-03-01",
        "effective_date": "",
        "expiry_date": "2028-03-01",
        "interruption": "",
        "interrupted_on": "",
        "scope": "Compostaje domiciliario.",
        "commitments": "",
        "document": "",
        "mission": "",
        "parties": inline_formset(
            [
                {
                    "organization": str(organisation.pk),
                    "role": "signatory",
                    "signatory_name": "",
                    "signatory_position": "",
                    "signed_date": "",
                }
                for organisation in parties
            ],
            min=2,
        ),
        "amendments": inline_formset([]),
        "locale": "es",
    }
    results = fields.pop("results", [])
    data.update(fields)
    data = nested_form_data(data)
    data["results"] = results  # a multiple choice: one value per result, not a formset
    return data


def errors_shown(response):
    assert response.status_code == 200, "the form should be shown again with its errors"
    return html.unescape(response.content.decode())


def test_a_complete_agreement_is_saved(admin_client, organisations):
    response = admin_client.post(reverse(ADD_AGREEMENT), agreement_post(organisations))
    assert response.status_code == 302, response.content.decode()[:3000]
    saved = Agreement.objects.get()
    assert saved.slug == "convenio-de-compostaje"
    assert [party.organization for party in saved.parties.all()] == organisations


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"expiry_date": "2026-02-01"}, "An agreement cannot expire before it is signed."),
        (
            {"effective_date": "2026-02-01"},
            "An agreement cannot come into force before it is signed.",
        ),
        (
            {"interruption": "terminated"},
            "Give the date it was suspended or terminated.",
        ),
    ],
)
def test_bad_dates_are_refused(admin_client, organisations, change, message):
    content = errors_shown(
        admin_client.post(reverse(ADD_AGREEMENT), agreement_post(organisations, **change))
    )
    assert message in content
    assert not Agreement.objects.exists()


def test_fewer_than_two_parties_are_refused(admin_client, organisations):
    content = errors_shown(
        admin_client.post(reverse(ADD_AGREEMENT), agreement_post(organisations[:1]))
    )
    assert "An agreement needs at least two parties." in content or "at least 2" in content
    assert not Agreement.objects.exists()


def test_a_party_twice_is_refused_in_either_language(admin_client, organisations, translate):
    english = translate(organisations[0], {organisations[0].name: "Municipality of Puente Alto"})
    twice = [organisations[0], organisations[1], english]
    content = errors_shown(admin_client.post(reverse(ADD_AGREEMENT), agreement_post(twice)))
    assert "Municipality of Puente Alto is already a party to this agreement." in content
    assert not Agreement.objects.exists()


def test_a_result_of_a_withdrawn_mission_is_refused(admin_client, organisations, mission_index):
    mission = MissionPageFactory(parent=mission_index, title="Visita a Villaribera")
    mission.save_revision().publish()
    mission.results = [MissionResult(kind="agreement", description="Convenio")]
    mission.withdrawn, mission.withdrawal_reason = True, "Registro duplicado."
    mission.save_revision().publish()
    result = MissionResult.objects.get(page=mission)
    content = errors_shown(
        admin_client.post(
            reverse(ADD_AGREEMENT), agreement_post(organisations, results=[str(result.pk)])
        )
    )
    assert "“Visita a Villaribera” was withdrawn: its results cannot be linked" in content
    assert not Agreement.objects.exists()


def test_the_expiring_report_lists_agreements_in_force_expiring_soon(admin_client, locales):
    today = datetime.date.today()
    for slug, expiry in (("pronto", 30), ("lejos", 200), ("vencido", -5)):
        Agreement.objects.create(
            title=f"Convenio {slug}",
            slug=slug,
            kind="mou",
            locale=locales["es"],
            signed_date=today - datetime.timedelta(days=400),
            expiry_date=today + datetime.timedelta(days=expiry),
        )
    response = admin_client.get(reverse("partners_expiring_agreements"))
    content = response.content.decode()
    assert response.status_code == 200
    assert "Convenio pronto" in content
    assert "Convenio lejos" not in content and "Convenio vencido" not in content
    menu = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Agreements expiring" in menu


# Organisations and memberships ------------------------------------------------------------


def test_organisation_dates_parent_and_identifiers_are_checked(db, locales):
    university = OrganizationFactory(name="Universidad", kind="university", country="CL")
    faculty = OrganizationFactory(
        name="Facultad", kind="university", country="CL", parent=university
    )
    university.parent = faculty
    university.founding_date, university.dissolution_date = days(0), days(-1)
    with translation.override("en"):
        with pytest.raises(ValidationError) as error:
            university.full_clean()
        messages = {
            field: [str(m) for m in errors] for field, errors in error.value.message_dict.items()
        }
    assert messages["parent"] == [
        "An organisation cannot be part of itself, directly or through its parents."
    ]
    assert messages["dissolution_date"] == [
        "An organisation cannot be dissolved before it was founded."
    ]


@pytest.mark.parametrize(
    ("scheme", "value", "message"),
    [
        ("CL-RUT", "76.123.456-1", "This RUT's check digit is wrong"),
        ("CL-RUT", "76123456", "Write the RUT as digits, a hyphen and the check digit"),
        ("IATI", "41114", "An IATI organisation identifier is the registration agency's code"),
    ],
)
def test_bad_identifiers_are_refused_in_the_admin(admin_client, locales, scheme, value, message):
    data = nested_form_data(
        {
            "name": "Fundación Mar Limpio",
            "slug": "",
            "acronym": "",
            "kind": "civil_society",
            "country": "CL",
            "city": "",
            "parent": "",
            "website": "",
            "description": "",
            "international_work": "",
            "works_with_countries": [],
            "founding_date": "",
            "dissolution_date": "",
            "contact_email": "",
            "contact_phone": "",
            "other_names": inline_formset([]),
            "identifiers": inline_formset([{"scheme": scheme, "identifier": value}]),
            "locale": "es",
        }
    )
    response = admin_client.post(reverse("wagtailsnippets_directory_organization:add"), data)
    assert message in errors_shown(response)
    assert not Organization.objects.filter(name="Fundación Mar Limpio").exists()


def test_membership_of_itself_or_ending_before_it_starts_is_refused(admin_client, organisations):
    network = organisations[1]
    data = {
        "member": str(network.pk),
        "organization": str(network.pk),
        "role": "member",
        "start_date": "2026-05-01",
        "end_date": "2026-04-01",
        "source_url": "",
    }
    content = errors_shown(
        admin_client.post(reverse("wagtailsnippets_partners_membership:add"), data)
    )
    assert "An organisation cannot be a member of itself." in content
    assert "A membership cannot end before it starts." in content
    assert not Membership.objects.exists()
