"""Synthetic organisations and agreements for load tests (partners/bench.py): ``seed(count)``
adds organisations named "Organización sintética N" until there are ``count`` of them, makes
every tenth one the counterpart of seeded missions' meetings, and signs one agreement for
every ten organisations. Idempotent: a second run adds nothing."""

import datetime
import itertools

from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale

from directory.models import Organization
from home.cache import bump
from missions.models import AgendaItem

from .models import Agreement, AgreementParty

PREFIX = "Organización sintética"
KINDS = Organization.Kind.values
COUNTRIES = ["CL", "AR", "ES", "PE", "MX", "BR", "DE", "FR", "US", "JP"]


@transaction.atomic
def seed(count):
    spanish = Locale.objects.get(language_code="es")
    existing = Organization.objects.filter(name__startswith=PREFIX).count()
    new = [
        Organization(
            name=f"{PREFIX} {number}",
            slug=f"organizacion-sintetica-{number}",
            kind=KINDS[number % len(KINDS)],
            country=COUNTRIES[number % len(COUNTRIES)],
            works_with_countries=[COUNTRIES[(number + 3) % len(COUNTRIES)]],
            international_work="Cooperación sintética para pruebas de carga.",
            locale=spanish,
        )
        for number in range(existing + 1, count + 1)
    ]
    if not new:
        return 0
    Organization.objects.bulk_create(new, batch_size=500)
    created = list(
        Organization.objects.filter(slug__in=[organisation.slug for organisation in new]).order_by(
            "pk"
        )
    )
    first_agreement = Agreement.objects.filter(title__startswith="Convenio sintético").count()
    counterparts = created[::10]
    meetings = list(
        AgendaItem.objects.filter(organization__isnull=True, locale=spanish).order_by("pk")[
            : len(counterparts) * 5
        ]
    )
    for meeting, organisation in zip(meetings, itertools.cycle(counterparts), strict=False):
        meeting.organization = organisation
    AgendaItem.objects.bulk_update(meetings, ["organization"], batch_size=500)
    today = timezone.localdate()
    agreements = Agreement.objects.bulk_create(
        [
            Agreement(
                title=f"Convenio sintético {first_agreement + number}",
                slug=f"convenio-sintetico-{first_agreement + number}",
                kind="cooperation",
                signed_date=today - datetime.timedelta(days=number % 700),
                expiry_date=today + datetime.timedelta(days=(number * 7) % 900 - 100),
                locale=spanish,
            )
            for number in range(len(created) // 10)
        ],
        batch_size=500,
    )
    AgreementParty.objects.bulk_create(
        [
            AgreementParty(agreement=agreement, organization=organisation, locale=spanish)
            for agreement, number in zip(agreements, range(0, len(created), 10), strict=False)
            for organisation in created[number : number + 2]
        ],
        batch_size=500,
    )
    bump()  # bulk-written: no signal told the page cache
    return len(new)
