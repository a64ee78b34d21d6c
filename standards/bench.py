"""Benchmark hooks for scripts/bench.py: the standards index (plain and filtered), one
standard's page and the two open-data tables, with 50 seeded monthly standards × 36 periods
besides the demo's (``--count`` does not change it: the standards are few)."""

from home.models import HomePage

from .models import StandardIndexPage, StandardPage
from .seed import seed

COUNT, PERIODS = 50, 36


def _index():
    index = StandardIndexPage.objects.live().filter(locale__language_code="es").first()
    if index is None:
        home = HomePage.objects.live().get(locale__language_code="es")
        index = StandardIndexPage(title="Estándares de servicio", slug="estandares")
        home.add_child(instance=index)
        index.save_revision().publish()
    return index


def prepare(count=0, stdout=None):
    index = _index()
    made = seed(index, COUNT, PERIODS)
    if stdout is not None:
        stdout.write(f"standards: {made} seeded standards created\n")


def bench_urls():
    index = _index()
    standard = StandardPage.objects.child_of(index).live().filter(slug__startswith="seed-").first()
    return [
        ("standards-index-es", index.url),
        ("standards-index-es-filtered", f"{index.url}?state=not_met&channel=online"),
        ("standard-detail-es", standard.url),
        ("standards-csv-es", f"{index.url}data/standards.csv"),
        ("measurements-csv-es", f"{index.url}data/measurements.csv"),
    ]
