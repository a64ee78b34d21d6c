"""In-process CPU per request of given addresses, production settings, page cache off.

    .venv/bin/python scripts/page_cpu.py --prepare             # the demo in var/cpu/ (once)
    .venv/bin/python scripts/page_cpu.py [-n 30] /es/ /en/misiones/ ...
    BUMP=1 .venv/bin/python scripts/page_cpu.py /es/           # each request the first after a change
    PROFILE=1 SORT=tottime .venv/bin/python scripts/page_cpu.py /es/   # cProfile instead

Each address is requested three times with Django's test client (kept parts filled), then
``-n`` times, and the process CPU time of those requests is divided by their number: the figure
that moves least when other work shares the machine (wall time does not). ``BUMP=1`` bumps the
content generation before each measured request (``home.cache.bump()``, what every change
does), so every kept part is made again: the cost of the first visit after a change. The
figures are for comparing one change with another on the same machine in the same minute;
``make bench`` measures served pages (gunicorn) for the record. Queries: scripts/page_queries.py.
"""

import argparse
import io
import os
import secrets
import sys
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent


def environment():
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "testserver",
            "SECURE_SSL_REDIRECT": "false",
            "SECURE_COOKIES": "false",
            "SERVE_MEDIA": "true",
            "BASE_URL": "http://testserver",
            "LOG_LEVEL": "ERROR",
            "PAGE_CACHE": "false",
        }
    )
    os.environ.setdefault("PUENTE_VAR_DIR", str(BASE_DIR / "var" / "cpu"))
    for name in ("DATABASE_URL", "REDIS_URL"):  # never the dev database or a shared cache
        os.environ.pop(name, None)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--prepare", action="store_true", help="migrate and load the demo first")
    parser.add_argument("-n", type=int, default=30, help="measured requests per address")
    parser.add_argument("paths", nargs="*")
    args = parser.parse_args()
    environment()
    sys.path.insert(0, str(BASE_DIR))
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client

    from home.cache import bump

    if args.prepare:
        Path(os.environ["PUENTE_VAR_DIR"]).mkdir(parents=True, exist_ok=True)
        quiet = io.StringIO()
        call_command("migrate", interactive=False, verbosity=0, stdout=quiet)
        call_command("load_demo", "--no-admin", stdout=quiet)
        call_command("collectstatic", interactive=False, verbosity=0, stdout=quiet)
        call_command("update_index", verbosity=0, stdout=quiet)
        print("demo ready in", os.environ["PUENTE_VAR_DIR"])
    client = Client()

    def get(path):
        response = client.get(path)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        return response.status_code, len(body)

    if os.environ.get("PROFILE"):
        import cProfile
        import pstats

        for path in args.paths:
            for _ in range(3):
                get(path)
            profile = cProfile.Profile()
            profile.enable()
            for _ in range(args.n):
                get(path)
            profile.disable()
            stats = pstats.Stats(profile).sort_stats(os.environ.get("SORT", "cumulative"))
            stats.print_stats(int(os.environ.get("LINES", "45")))
        return
    print(f"{'CPU ms':>8} {'status':>6} {'bytes':>8}  address")
    for path in args.paths:
        for _ in range(3):
            get(path)
        spent = 0.0
        for _ in range(args.n):
            if os.environ.get("BUMP"):
                bump()
            started = time.process_time()
            status, size = get(path)
            spent += time.process_time() - started
        print(f"{spent * 1000 / args.n:8.1f} {status:6d} {size:8d}  {path}")


if __name__ == "__main__":
    main()
