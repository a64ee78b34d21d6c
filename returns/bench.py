"""Benchmark hooks for scripts/bench.py: the objectives overview, one objective's page, the
needs list, over the demo's objectives page and projects plus the missions (and objectives) the
missions bench seeded."""

from directory.models import StrategicObjective

from .models import ObjectiveIndexPage


def _index():
    return ObjectiveIndexPage.objects.live().filter(locale__language_code="es").first()


def prepare(count=0, stdout=None):
    if stdout is not None and _index() is None:
        stdout.write("returns: no objectives page (load the demo first)\n")


def bench_urls():
    index = _index()
    if index is None:
        return []
    objective = StrategicObjective.objects.filter(locale=index.locale).order_by("code").first()
    urls = [
        ("objectives-overview-es", index.url),
        ("objectives-needs-es", index.url + "needs/"),
    ]
    if objective is not None:
        urls.append(("objective-page-es", index.record_url(objective)))
    return urls
