"""Factories for mission records and the directory snippets they point at."""

import datetime
from decimal import Decimal

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from directory.models import Organization, Person, StrategicObjective
from missions.models import (
    AgendaItem,
    CostLine,
    DelegationMember,
    MissionDestination,
    MissionIndexPage,
    MissionPage,
    MissionResult,
    ResultFollowUp,
)

from .factories import spanish


class PersonFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Persona {n}")
    position = "Encargada de relaciones internacionales"
    unit = "Oficina de Relaciones Internacionales"
    locale = factory.LazyFunction(spanish)

    class Meta:
        model = Person


class OrganizationFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Organización {n}")
    kind = Organization.Kind.CITY
    country = "AR"
    locale = factory.LazyFunction(spanish)

    class Meta:
        model = Organization


class StrategicObjectiveFactory(DjangoModelFactory):
    code = factory.Sequence(lambda n: f"{n}.1")
    title = factory.Sequence(lambda n: f"Objetivo {n}")
    locale = factory.LazyFunction(spanish)

    class Meta:
        model = StrategicObjective


class MissionIndexPageFactory(wagtail_factories.PageFactory):
    title = "Misiones"
    slug = "misiones"
    intro = "Viajes oficiales, sus costos y sus resultados."

    class Meta:
        model = MissionIndexPage


class MissionPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Misión {n}")
    slug = factory.Sequence(lambda n: f"mision-{n}")
    start_date = datetime.date(2026, 3, 2)
    end_date = datetime.date(2026, 3, 6)
    mission_type = "conference"
    purpose = "Presentar el programa de reciclaje de la ciudad."

    class Meta:
        model = MissionPage


def cost_line(**fields):
    values = {
        "category": "airfare",
        "description": "Pasaje",
        "amount": Decimal("100000"),
        "currency": "CLP",
        "payer": "municipality",
        **fields,
    }
    return CostLine(**values)


def result(follow_ups=(), **fields):
    values = {
        "kind": "agreement",
        "description": "Convenio firmado",
        "status": "committed",
        **fields,
    }
    item = MissionResult(**values)
    item.follow_ups = [ResultFollowUp(**data) for data in follow_ups]
    return item


def build_mission(
    index,
    *,
    objectives=(),
    destinations=(("Buenos Aires", "AR"),),
    cost_lines=(),
    results=(),
    delegation=(),
    agenda=(),
    publish=True,
    **fields,
):
    """A mission under ``index`` with its rows, saved through a revision (and published)."""
    page = MissionPageFactory.build(**fields)
    page.destinations = [
        MissionDestination(city=city, country=country) for city, country in destinations
    ]
    page.cost_lines = list(cost_lines)
    page.results = list(results)
    page.delegation = [DelegationMember(person=person, role=role) for person, role in delegation]
    page.agenda = [
        AgendaItem(date=date, organization=organization, subject=subject)
        for date, organization, subject in agenda
    ]
    page.objectives = list(objectives)
    index.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
    return MissionPage.objects.get(pk=page.pk)


def publish_valparaiso(mission_index, **fields):
    """A new mission, "Valparaíso", published under ``mission_index`` (``fields`` override)."""
    return build_mission(
        mission_index,
        **{
            "title": "Valparaíso",
            "slug": "valparaiso",
            "start_date": datetime.date(2025, 7, 1),
            "end_date": datetime.date(2025, 7, 2),
            "cost_lines": [cost_line(amount=Decimal("450000"))],
            **fields,
        },
    )
