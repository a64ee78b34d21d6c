"""Benchmark hooks for scripts/bench.py: the objectives overview, one objective's page, the
needs list, the objectives table, the missions index's month grid (last year) and the carbon
methodology, over the demo's objectives page and projects plus the missions (and objectives)
the missions bench seeded (none with ``--only standards,returns``: the demo's missions)."""

from django.utils import timezone

from directory.models import StrategicObjective
from missions.models import MissionIndexPage

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
    urls.append(("objectives-csv-es", index.url + "data/objectives.csv"))
    missions = MissionIndexPage.objects.live().filter(locale=index.locale).first()
    if missions is not None:
        year = timezone.localdate().year - 1
        urls.append(("missions-months-es", f"{missions.url}?year={year}"))
        urls.append(("carbon-methodology-es", missions.url + "carbon-methodology/"))
    return urls
