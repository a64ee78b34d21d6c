"""A mission translated into English through wagtail-localize: text translated, figures
synchronised, and every shared snippet swapped for its English version."""

import datetime
from decimal import Decimal

import pytest

from missions.models import MissionCorrection, MissionPage

from .missions_factories import (
    MissionIndexPageFactory,
    OrganizationFactory,
    PersonFactory,
    StrategicObjectiveFactory,
    build_mission,
    cost_line,
    result,
)


@pytest.fixture
def snippets(locales, translate):
    """Spanish snippets and their English translations (made first, as an editor would)."""
    spanish = {
        "person": PersonFactory(name="Ana Pérez", position="Alcaldesa", unit="Alcaldía"),
        "host": OrganizationFactory(name="Municipalidad de Rosario", description=""),
        "objective": StrategicObjectiveFactory(title="Economía circular", code="2.3"),
    }
    english = {name: translate(snippet) for name, snippet in spanish.items()}
    return spanish, english


@pytest.fixture
def spanish_mission(english_home, home, translate, snippets):
    index = MissionIndexPageFactory(parent=home)
    index.save_revision().publish()
    translate(index)
    spanish, _english = snippets
    mission = build_mission(
        index,
        title="Misión a Rosario",
        slug="mision-a-rosario",
        purpose="Firmar un convenio de reciclaje.",
        objectives=[spanish["objective"]],
        destinations=[("Rosario", "AR")],
        delegation=[(spanish["person"], "Jefa de delegación")],
        agenda=[(datetime.date(2026, 3, 3), spanish["host"], "Visita a la planta de reciclaje")],
        cost_lines=[
            cost_line(
                description="Pasaje aéreo",
                amount=Decimal("1000"),
                currency="USD",
                exchange_rate=Decimal("900"),
            ),
            cost_line(
                category="lodging",
                description="Hotel",
                amount=Decimal("300000"),
                payer="host",
                paying_organization=spanish["host"],
            ),
        ],
        results=[
            result(
                description="Convenio firmado",
                status="achieved",
                achieved_date=datetime.date(2026, 3, 5),
                value_clp=Decimal("2500000"),
                follow_ups=[
                    {
                        "date": datetime.date(2026, 3, 5),
                        "note": "Firmado por ambas alcaldías.",
                        "new_status": "achieved",
                    }
                ],
            )
        ],
    )
    first = mission.results.get()
    first.organizations = [spanish["host"]]
    first.save()
    MissionCorrection.objects.create(
        page=mission, date=datetime.date(2026, 3, 20), note="Se corrigió el hotel."
    )
    return MissionPage.objects.get(pk=mission.pk)


def test_translation_translates_text_and_synchronises_figures(
    spanish_mission, translate, snippets, locales
):
    _spanish, english = snippets
    page = translate(spanish_mission)

    assert page.locale == locales["en"]
    assert page.live
    assert page.title == "EN Misión a Rosario"
    assert page.purpose == "EN Firmar un convenio de reciclaje."
    assert (page.start_date, page.end_date, page.days_abroad) == (
        spanish_mission.start_date,
        spanish_mission.end_date,
        5,
    )

    assert [(d.city, d.country.code) for d in page.destinations.all()] == [("EN Rosario", "AR")]
    lines = list(page.cost_lines.all())
    assert [
        (line.description, line.amount, line.currency, line.exchange_rate, line.payer)
        for line in lines
    ] == [
        ("EN Pasaje aéreo", Decimal("1000.00"), "USD", Decimal("900.000000"), "municipality"),
        ("EN Hotel", Decimal("300000.00"), "CLP", Decimal("1.000000"), "host"),
    ]
    assert lines[1].paying_organization == english["host"]

    member = page.delegation.get()
    assert (member.person, member.role) == (english["person"], "EN Jefa de delegación")
    meeting = page.agenda.get()
    assert (meeting.organization, meeting.subject) == (
        english["host"],
        "EN Visita a la planta de reciclaje",
    )
    assert list(page.objectives.all()) == [english["objective"]]

    outcome = page.results.get()
    assert (outcome.description, outcome.status, outcome.value_clp) == (
        "EN Convenio firmado",
        "achieved",
        Decimal("2500000.00"),
    )
    assert list(outcome.organizations.all()) == [english["host"]]
    follow_up = outcome.follow_ups.get()
    assert (follow_up.note, follow_up.new_status) == ("EN Firmado por ambas alcaldías.", "achieved")
    assert follow_up.locale == locales["en"]

    correction = page.corrections.get()
    assert (correction.date, correction.note) == (
        datetime.date(2026, 3, 20),
        "EN Se corrigió el hotel.",
    )

    # Both languages report the same figures.
    spanish_figures = MissionPage.objects.with_totals().get(pk=spanish_mission.pk)
    english_figures = MissionPage.objects.with_totals().get(pk=page.pk)
    for name in ("total_cost_clp", "municipal_cost_clp", "value_obtained_clp", "results_achieved"):
        assert getattr(english_figures, name) == getattr(spanish_figures, name)
    assert english_figures.total_cost_clp == Decimal("1200000.00")

    # The Spanish rows still point at the Spanish snippets.
    assert spanish_mission.delegation.get().person == _spanish["person"]
    assert list(spanish_mission.objectives.all()) == [_spanish["objective"]]


def test_a_new_figure_reaches_the_english_page_when_resynchronised(spanish_mission, translate):
    english = translate(spanish_mission)
    source = MissionPage.objects.get(pk=spanish_mission.pk)
    line = source.cost_lines.get(currency="USD")
    line.amount = Decimal("1100")
    line.save()
    source.correction_note = "El pasaje costó USD 1.100."
    source.save_revision().publish()
    assert source.corrections.count() == 2

    english = translate(MissionPage.objects.get(pk=spanish_mission.pk))
    assert english.cost_lines.get(currency="USD").amount == Decimal("1100.00")
    assert [c.note for c in english.corrections.all()] == [
        "EN Se corrigió el hotel.",
        "EN El pasaje costó USD 1.100.",
    ]
    assert english.correction_note == ""
