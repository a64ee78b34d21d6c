"""Benchmark hooks for scripts/bench.py: the missions index (plain and filtered), one mission,
and the full CSV export, over 5,000 seeded missions (``--count`` to change), plus the
export's peak memory measured in-process with tracemalloc."""

import time
import tracemalloc

from django.db.models import Count

from .models import MissionIndexPage, MissionPage
from .seed import index_for, seed

DEFAULT_COUNT = 5000
HOST = "127.0.0.1"


def _index():
    index = index_for("es")
    if index is None:
        from home.models import HomePage

        home = HomePage.objects.live().get(locale__language_code="es")
        index = MissionIndexPage(title="Misiones", slug="misiones", show_in_menus=True)
        home.add_child(instance=index)
        index.save_revision().publish()
    return index


def prepare(count=0, stdout=None):
    index = _index()
    created = seed(index, count or DEFAULT_COUNT)
    if stdout is not None:
        stdout.write(f"missions: {created} seeded missions created\n")


def _busiest_year(index):
    row = (
        MissionPage.objects.child_of(index)
        .live()
        .values("start_date__year")
        .annotate(n=Count("pk"))
        .order_by("-n")
        .first()
    )
    return row["start_date__year"]


def bench_urls():
    index = _index()
    mission = MissionPage.objects.child_of(index).live().order_by("path").first()
    return [
        ("missions-index-es", index.url),
        (
            "missions-index-es-filtered",
            f"{index.url}?year={_busiest_year(index)}&paid_by=host&sort=cost_desc",
        ),
        ("mission-detail-es", mission.url),
        ("missions-csv-es-full", f"{index.url}data/missions.csv"),
    ]


def _peak(path):
    """(rows, bytes, seconds, peak MiB) of one streamed download, read chunk by chunk."""
    from django.test import Client

    client = Client(HTTP_HOST=HOST)
    tracemalloc.start()
    started = time.perf_counter()
    response = client.get(path)
    size = lines = 0
    for chunk in response.streaming_content:
        size += len(chunk)
        lines += chunk.count(b"\n")
    elapsed = time.perf_counter() - started
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return lines - 1, size, elapsed, peak / 2**20


def measurements():
    index = _index()
    figures = []
    for name in ("missions.csv", "cost-lines.csv", "results.csv"):
        rows, size, seconds, peak = _peak(f"{index.url}data/{name}")
        figures.append(
            (
                f"missions export {name}",
                f"{rows} rows, {size / 2**20:.1f} MiB in {seconds:.1f}s; "
                f"peak Python memory {peak:.1f} MiB (tracemalloc)",
            )
        )
    rows, size, seconds, peak = _peak(f"{index.url}data/missions.csv?year={_busiest_year(index)}")
    figures.append(
        (
            "missions export missions.csv, one year (for comparison)",
            f"{rows} rows, {size / 2**20:.1f} MiB; peak Python memory {peak:.1f} MiB",
        )
    )
    return figures
