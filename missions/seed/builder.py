"""One seeded mission at a time: its page, placed by path arithmetic, and its rows in memory."""

import datetime
from decimal import Decimal

from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model

from directory.models import Organization, Person, StrategicObjective

from ..models import (
    AgendaItem,
    CostLine,
    DelegationMember,
    MissionDestination,
    MissionPage,
    MissionResult,
    MissionType,
    ResultFollowUp,
)
from .vocabulary import CITIES, CURRENCY, FIRST_YEAR, PAYERS, RATES, STATUSES

SLUG_PREFIX = "seed-mission-"


def snippets(locale, text):
    """A few people, objectives and organizations in the index's language, made once."""

    def ensure(model, field, label, count, **extra):
        found = list(model.objects.filter(locale=locale)[:count])
        for n in range(len(found) + 1, count + 1):
            found.append(model.objects.create(locale=locale, **{field: label.format(n=n)}, **extra))
        return found

    people = ensure(Person, "name", text["person"], 12, position=text["position"])
    objectives = ensure(StrategicObjective, "title", text["objective"], 6, code="9.9")
    organizations = ensure(
        Organization, "name", text["organization"], 10, kind=Organization.Kind.CITY, country="AR"
    )
    return people, objectives, organizations


def _money(rng, low, high):
    return Decimal(rng.randrange(low, high)) * 1000


class Builder:
    """Builds one mission's page and rows; rows wait for their page's id."""

    def __init__(self, index, rng, text, snippets, today):
        self.index = index
        self.locale = index.locale
        self.rng = rng
        self.text = text
        self.people, self.objectives, self.organizations = snippets
        self.today = today

    def page(self, number, path):
        rng, text = self.rng, self.text
        year = rng.randrange(FIRST_YEAR, self.today.year + 1)
        start = datetime.date(year, 1, 1) + datetime.timedelta(days=rng.randrange(0, 360))
        start = min(start, self.today - datetime.timedelta(days=rng.randrange(0, 20)))
        end = start + datetime.timedelta(days=rng.randrange(0, 9))
        places = rng.sample(CITIES, rng.choice([1, 1, 1, 2]))
        kind = rng.choice(MissionType.values)
        published = timezone.make_aware(
            datetime.datetime.combine(
                min(start + datetime.timedelta(days=rng.randrange(1, 20)), self.today),
                datetime.time(10, rng.randrange(60)),
            )
        )
        slug = f"{SLUG_PREFIX}{number}"
        page = MissionPage(
            title=text["title"].format(
                kind=text["kinds"][kind], city=places[0][0], year=start.year
            ),
            slug=slug,
            locale=self.locale,
            path=path,
            depth=self.index.depth + 1,
            numchild=0,
            url_path=f"{self.index.url_path}{slug}/",
            live=True,
            has_unpublished_changes=False,
            first_published_at=published,
            last_published_at=published,
            start_date=start,
            end_date=end,
            mission_type=kind,
            purpose=text["purpose"].format(city=places[0][0]),
            authorization_act_type="mayoral_decree",
            authorization_number=f"{number}/{start.year}",
            authorization_date=start - datetime.timedelta(days=10),
        )
        reported = end + datetime.timedelta(days=rng.randrange(5, 45))
        if rng.random() < 0.7 and reported <= self.today:
            page.report_date = reported
            page.report_document_id = self.report_document_id
        if rng.random() < 0.01:
            page.withdrawn = True
            page.withdrawal_reason = text["withdrawn"]
            page.withdrawn_at = published.date()
        page._cached_parent_obj = self.index
        page._seed = {"places": places}
        return page

    def rows(self, page):
        """(destinations, delegation, agenda, cost lines, [(result, follow-ups)], objectives)."""
        rng, text, locale = self.rng, self.text, self.locale
        places = page._seed["places"]
        destinations = [
            MissionDestination(page=page, locale=locale, sort_order=n, city=city, country=country)
            for n, (city, country) in enumerate(places)
        ]
        delegation = [
            DelegationMember(page=page, locale=locale, sort_order=n, person=person, role=role)
            for n, (person, role) in enumerate(
                zip(rng.sample(self.people, rng.randrange(1, 4)), text["role"], strict=False)
            )
        ]
        agenda = [
            AgendaItem(
                page=page,
                locale=locale,
                sort_order=n,
                date=page.start_date,
                organization=rng.choice(self.organizations),
                subject=text["subject"].format(topic=rng.choice(text["topics"])),
            )
            for n in range(rng.randrange(1, 4))
        ]
        currency = CURRENCY.get(places[0][1], "USD")
        low, high = RATES[currency]
        rate = low + Decimal(rng.randrange(0, int((high - low) * 100))) / 100
        lines = [("airfare", Decimal(rng.randrange(600, 2400)), currency, rate)]
        lines.append(("lodging", Decimal(rng.randrange(300, 1500)), currency, rate))
        lines.append(("per_diem", _money(rng, 100, 900), "CLP", Decimal(1)))
        if rng.random() < 0.4:
            lines.append(("registration", Decimal(rng.randrange(100, 600)), currency, rate))
        cost_lines = []
        for n, (category, amount, line_currency, line_rate) in enumerate(lines):
            payer = rng.choice(PAYERS)
            cost_lines.append(
                CostLine(
                    page=page,
                    locale=locale,
                    sort_order=n,
                    category=category,
                    description=text["line"][category],
                    amount=amount,
                    currency=line_currency,
                    exchange_rate=line_rate,
                    payer=payer,
                    paying_organization=(
                        rng.choice(self.organizations) if payer != "municipality" else None
                    ),
                )
            )
        results = []
        for n in range(rng.choice([0, 1, 1, 2, 3])):
            status = rng.choice(STATUSES)
            kind = rng.choice(["agreement", "funding", "practice_transfer", "investment_lead"])
            achieved = page.end_date + datetime.timedelta(days=rng.randrange(10, 200))
            result = MissionResult(
                page=page,
                locale=locale,
                sort_order=n,
                kind=kind,
                description=text["result"].format(topic=rng.choice(text["topics"])),
                status=status,
                value_clp=_money(rng, 1000, 90000) if kind == "funding" else None,
                expected_date=page.end_date + datetime.timedelta(days=180),
                achieved_date=achieved if status == "achieved" else None,
            )
            follow_ups = (
                [
                    ResultFollowUp(
                        locale=locale,
                        sort_order=0,
                        date=page.end_date + datetime.timedelta(days=30),
                        note=text["follow_up"],
                    )
                ]
                if rng.random() < 0.5
                else []
            )
            results.append((result, follow_ups))
        objectives = rng.sample(self.objectives, rng.choice([1, 1, 2]))
        return destinations, delegation, agenda, cost_lines, results, objectives


def report_document():
    model = get_document_model()
    document = model.objects.filter(title="Informe de viaje (datos de prueba)").first()
    if document is None:
        document = model(title="Informe de viaje (datos de prueba)")
        document.file.save("informe-de-prueba.txt", ContentFile(b"Informe de prueba."), save=True)
    return document


def save_rows(built):
    destinations, delegation, agenda, lines, results, follow_ups, objectives = (
        [] for _ in range(7)
    )
    through = MissionPage.objectives.through
    for page, rows in built:
        places, members, meetings, costs, outcomes, goals = rows
        destinations += places
        delegation += members
        agenda += meetings
        lines += costs
        results += [result for result, _notes in outcomes]
        objectives += [through(missionpage=page, strategicobjective=goal) for goal in goals]
    MissionDestination.objects.bulk_create(destinations)
    DelegationMember.objects.bulk_create(delegation)
    AgendaItem.objects.bulk_create(agenda)
    CostLine.objects.bulk_create(lines)
    MissionResult.objects.bulk_create(results)
    for _page, rows in built:
        for result, notes in rows[4]:
            for note in notes:
                note.result = result
                follow_ups.append(note)
    ResultFollowUp.objects.bulk_create(follow_ups)
    through.objects.bulk_create(objectives)
