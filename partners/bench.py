"""Benchmark hooks for scripts/bench.py: the directory (plain and filtered), a busy and a
quiet organisation's page, the agreement with the most parties, and the organisations CSV, over 2,000 organisations (seeded on top
of the demo's) beside the missions bench's 5,000 missions."""

from django.db.models import Count

from directory.models import Organization

from .models import AgreementIndexPage, DirectoryIndexPage
from .seed import seed

DEFAULT_COUNT = 2000


def _index():
    return DirectoryIndexPage.objects.live().filter(locale__language_code="es").first()


def prepare(count=0, stdout=None):
    created = seed(DEFAULT_COUNT)
    if stdout is not None:
        stdout.write(f"partners: {created} seeded organisations created\n")


def bench_urls():
    index = _index()
    busiest = (
        Organization.objects.filter(locale=index.locale)
        .annotate(n=Count("mission_agenda_items"))
        .order_by("-n", "pk")
        .first()
    )
    quiet = Organization.objects.filter(
        locale=index.locale, slug__startswith="organizacion-sintetica-2"
    ).first()
    agreements = AgreementIndexPage.objects.live().filter(locale=index.locale).first()
    widest = (
        agreements.records().annotate(n=Count("parties")).order_by("-n", "pk").first()
        if agreements
        else None
    )
    return [
        ("directory-es", index.url),
        ("directory-es-filtered", f"{index.url}?kind=local&agreement=in_force&country=ES"),
        ("organisation-busiest-es", index.record_url(busiest)),
        ("organisation-quiet-es", index.record_url(quiet)),
        *([("agreement-es", agreements.record_url(widest))] if widest else []),
        ("organisations-csv-es", f"{index.url}data/organisations.csv"),
    ]
