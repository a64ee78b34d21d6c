"""Stream an open-data file through the site's WSGI application and report MB/s and memory.

    DATABASE_URL=sqlite:////tmp/scale.sqlite3 PAGE_CACHE=false \\
        .venv/bin/python scripts/csv_stream.py [--seed N] [--runs 3] [URL]

Use a scratch database (a copy of one with the demo loaded): ``--seed N`` first seeds synthetic
missions with ``manage.py seed_missions --count N`` (N seeded missions in all). Each run requests URL (default the
Spanish ``missions.csv``) through ``config.wsgi.application`` as a WSGI server would, reads
the whole body and prints its size, the seconds, MB/s (10^6 bytes), the process's CPU
seconds and MB per CPU second (the figure to trust on a busy machine), the SQL queries, and the
process's peak resident memory before and after (``ru_maxrss``): flat memory means the peak
does not grow with the number of rows. The first run includes the process's warm-up
(templates, Wagtail's caches); the later ones are the steady figure. With the page cache on or
off a full file is kept after its first download (home/opendata/kept.py: in the cache, or in
the storage when larger than PAGE_CACHE_MAX_MB) and a later run reads the kept copy;
``--cold`` bumps the content generation before each run (what an editor's save does), so each
run is the first request after a change that may touch every row (a person renamed);
``--after-publish`` publishes one mission before each run (a new revision of a different mission
each time, as an editor does), so each run is the first request after that publication, and
the rows of the other missions come from the chunks kept (home/opendata/chunks.py). Another process that saves content meanwhile (a seed
command) bumps it too: give this one its own PAGE_CACHE_GENERATION_FILE. ``--profile`` prints cProfile's top
functions of the last run (by own CPU time; that run's figures carry the
profiler's overhead).
"""

import argparse
import cProfile
import io
import os
import pstats
import resource
import sys
import time
from pathlib import Path

BASE = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.core.wsgi import get_wsgi_application  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from home.cache import bump, shared  # noqa: E402


def peak_mib():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def stream(application, url):
    path, _, query = url.partition("?")
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "80",
        "HTTP_HOST": "127.0.0.1",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(),
        "wsgi.errors": sys.stderr,
        "wsgi.version": (1, 0),
        "wsgi.multithread": False,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
    }
    status = []
    body = application(environ, lambda s, headers, exc_info=None: status.append(s))
    size = 0
    try:
        for chunk in body:
            size += len(chunk)
    finally:
        if hasattr(body, "close"):
            body.close()
    return status[0], size


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("url", nargs="?", default="/es/misiones/data/missions.csv")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--cold", action="store_true", help="bump the generation before each run")
    parser.add_argument(
        "--after-publish", action="store_true", help="publish one mission before each run"
    )
    parser.add_argument("--profile", action="store_true", help="cProfile the last run")
    args = parser.parse_args()
    if args.seed:
        call_command("seed_missions", count=args.seed)
    from missions.models import MissionPage

    print(f"missions in the database: {MissionPage.objects.count()}")
    application = get_wsgi_application()
    profiler = None
    for run in range(1, args.runs + 1):
        if args.cold:
            bump()
            shared.forget()
        if args.after_publish:
            mission = MissionPage.objects.live().order_by("-pk")[run * 37]
            mission.save_revision().publish()
        if args.profile and run == args.runs:
            profiler = cProfile.Profile(time.process_time)
        before = peak_mib()
        reset_queries()
        with CaptureQueriesContext(connection) as queries:
            start, cpu = time.perf_counter(), time.process_time()
            if profiler:
                profiler.enable()
            status, size = stream(application, args.url)
            if profiler:
                profiler.disable()
            seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
        print(
            f"run {run}: {status}, {size / 1e6:.2f} MB in {seconds:.2f} s = "
            f"{size / 1e6 / seconds:.2f} MB/s ({cpu:.2f} s CPU: {size / 1e6 / cpu:.2f} MB per "
            f"CPU second), {len(queries)} queries, "
            f"peak RSS {before:.0f} -> {peak_mib():.0f} MiB",
            flush=True,
        )
    if profiler:
        pstats.Stats(profiler).sort_stats("tottime").print_stats(30)


if __name__ == "__main__":
    main()
