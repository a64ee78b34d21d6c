"""Serve the site as production would and measure it: `make bench` (BENCH_ARGS="--quick").

Three gunicorns run side by side, each with 2 sync workers on a free port of 127.0.0.1: the
site with its page cache off ("cold"), the site with it on ("warm"), both with
config.settings.production (DEBUG off, a generated SECRET_KEY) on a separate database under
var/bench/ (migrated, demo loaded, static files collected); and bare Django returning a
constant 35 KB page (scripts/bench_bare.py), the yardstick. For each URL the script sends
requests from a few threads for a bounded time and number of requests, cold, then warm (after
priming the cache), and prints per page: the server CPU milliseconds per request (user+system
time of the gunicorn workers, read from /proc before and after: the stable figure on a busy
machine), that as a multiple of the bare page's, requests per second, p50/p95 latency, response
size and the SQL queries the page makes (counted in-process with Django's test client, cache
off and on). The bare page is measured at the start and at the end; its mean is the divisor.
Gunicorn is stopped when the script ends, whatever happens. A benchmark, not a test: nothing
here fails on a slow figure.

Apps add their pages and figures with an optional ``<app>/bench.py`` that may define:

``prepare(count=…, stdout=…)``
    make the data the app's pages need (idempotent); ``count`` is --count, a size hint.
``bench_urls()``
    the paths to measure: each a path, ``(name, path)`` or ``(name, path, {"once": True})``.
    "once" (or a name ending in ``-first``) measures a single cold request, e.g. a file
    rendered on first download, and is requested before the rest of that app's URLs.
``measurements()``
    extra figures printed after the table, as ``[(label, value)]`` or a dict, e.g. an
    export's peak memory.
"""

import argparse
import contextlib
import importlib
import inspect
import io
import json
import os
import secrets
import statistics
import sys
import time
from pathlib import Path

from bench_client import fetch, load, percentile  # noqa: E402
from bench_gunicorn import BASE_DIR, HOST, free_port, gunicorn, workers_cpu  # noqa: F401, E402

BENCH_VAR = BASE_DIR / "var" / "bench"


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="1 second and 50 requests per URL")
    parser.add_argument("--seconds", type=float, default=None, help="time per URL (default 5)")
    parser.add_argument("--requests", type=int, default=None, help="cap per URL (default 1000)")
    parser.add_argument("--concurrency", type=int, default=4, help="client threads (default 4)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (default 2)")
    parser.add_argument("--count", type=int, default=0, help="size hint for the apps' prepare()")
    parser.add_argument("--fresh", action="store_true", help="rebuild var/bench from scratch")
    parser.add_argument("--json", type=Path, default=None, help="also write the results here")
    parser.add_argument(
        "--after-change",
        type=int,
        default=0,
        metavar="N",
        help="also measure each page N times, one request at a time, each right after a bump "
        "of the content generation (an editor's change): what the first visitor after a "
        "change pays, with the page cache off (default 0: not measured)",
    )
    parser.add_argument(
        "--only",
        default="",
        help="comma-separated sections to measure: app labels (standards, partners, returns, "
        "...: that app's pages and figures), 'core' (the pages scripts/bench.py lists) or URL "
        "name prefixes (search, api); default all. Every app's data is prepared either way",
    )
    args = parser.parse_args()
    if args.seconds is None:
        args.seconds = 1.0 if args.quick else 5.0
    if args.requests is None:
        args.requests = 50 if args.quick else 1000
    return args


def bench_environment():
    env = {
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": HOST,
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_COOKIES": "false",
        "PUENTE_VAR_DIR": str(BENCH_VAR),
        "SERVE_MEDIA": "true",
        "BASE_URL": f"http://{HOST}",
        "LOG_LEVEL": "ERROR",
    }
    env["DATABASE_URL"] = os.environ.get("BENCH_DATABASE_URL", "")
    if not env["DATABASE_URL"]:
        env.pop("DATABASE_URL")
        os.environ.pop("DATABASE_URL", None)  # never benchmark against the dev database
    os.environ.update(env)
    return env


def setup_django(args):
    """Prepare the bench database in-process: migrate, demo, static files, search index."""
    if args.fresh and BENCH_VAR.exists():
        import shutil

        shutil.rmtree(BENCH_VAR)
    BENCH_VAR.mkdir(parents=True, exist_ok=True)
    sys.path.insert(0, str(BASE_DIR))
    import django

    django.setup()
    from django.core.management import call_command

    quiet = io.StringIO()
    started = time.monotonic()
    call_command("migrate", interactive=False, verbosity=0, stdout=quiet)
    call_command("load_demo", "--no-admin", stdout=quiet)
    call_command("collectstatic", interactive=False, verbosity=0, stdout=quiet)
    call_command("update_index", verbosity=0, stdout=quiet)
    hooks = app_hooks()
    for module in hooks:
        call_hook(module, "prepare", count=args.count, stdout=quiet)
    print(f"bench database ready in {time.monotonic() - started:.1f}s ({BENCH_VAR})")
    return hooks


def app_hooks():
    """Each local app's bench module, in INSTALLED_APPS order."""
    from django.apps import apps

    modules = []
    for config in apps.get_app_configs():
        if not Path(config.path).is_relative_to(BASE_DIR):
            continue
        if (Path(config.path) / "bench.py").exists():
            modules.append(importlib.import_module(f"{config.name}.bench"))
    return modules


def call_hook(module, name, **available):
    """Call module.name with whichever of the available keyword arguments it accepts."""
    function = getattr(module, name, None)
    if function is None:
        return None
    parameters = inspect.signature(function).parameters
    return function(**{key: value for key, value in available.items() if key in parameters})


def core_urls():
    from home.models import ContentPage, HomePage

    urls = []
    for home in HomePage.objects.live().order_by("locale__language_code").reverse():
        urls.append((f"home-{home.locale.language_code}", home.url))
    for page in [
        ContentPage.objects.live().filter(locale__language_code=code).order_by("path").first()
        for code in ("es", "en")
    ]:
        if page:
            urls.append((f"content-{page.locale.language_code}", page.url))
    urls += [
        ("search-es", "/es/buscar/?q=oficina"),
        ("not-found-en", "/en/no-such-page/"),
        ("sitemap", "/sitemap.xml"),
        ("sitemap-missions", "/sitemap-pages-missions.xml"),
        ("robots", "/robots.txt"),
    ]
    urls += shared_urls()
    from django.contrib.staticfiles.storage import staticfiles_storage

    urls.append(("static-css", staticfiles_storage.url("css/site.css")))
    return urls


def shared_urls():
    """Page types no app's bench hook lists: the missions feed, the agreements list, the API."""
    from missions.models import MissionIndexPage
    from partners.models import AgreementIndexPage

    urls = []
    missions = MissionIndexPage.objects.live().filter(locale__language_code="es").first()
    if missions:
        urls.append(("missions-feed-es", missions.url + "feed/"))
    agreements = AgreementIndexPage.objects.live().filter(locale__language_code="es").first()
    if agreements:
        urls.append(("agreements-es", agreements.url))
    urls += [("api-missions", "/api/v1/missions/"), ("api-organisations", "/api/v1/organisations/")]
    return urls


def normalise(entry):
    if isinstance(entry, str):
        return {"name": entry, "path": entry, "once": False}
    name, path, *rest = entry
    options = rest[0] if rest else {}
    return {"name": name, "path": path, "once": options.get("once", name.endswith("-first"))}


def section(module):
    """The section name of an app's bench module: its app label (``partners.bench`` → partners)."""
    return module.__name__.rsplit(".", 1)[0]


def all_urls(hooks, only=""):
    """(urls, the hooks whose URLs were selected: only their measurements() are run).

    ``only`` (``--only``): comma-separated app labels, ``core``, or URL name prefixes; an item
    that selects nothing is refused, so a typo never measures an empty set."""
    items = {item.strip() for item in only.split(",") if item.strip()}
    used = set()

    def selected(name, label):
        if not items:
            return True
        hits = {item for item in items if item == label or name.startswith(item)}
        used.update(hits)
        return bool(hits)

    urls = [entry for entry in map(normalise, core_urls()) if selected(entry["name"], "core")]
    measured = []
    for module in hooks:
        entries = [normalise(entry) for entry in call_hook(module, "bench_urls")]
        entries = [entry for entry in entries if selected(entry["name"], section(module))]
        if entries or not items:
            measured.append(module)
        # Cold, single requests go first, before the warm runs prime the same paths.
        urls += sorted(entries, key=lambda entry: not entry["once"])
    if items - used:
        sections = ", ".join(["core"] + [section(module) for module in hooks])
        raise SystemExit(
            f"--only: {', '.join(sorted(items - used))} selects no URL (sections: {sections}, "
            "or a prefix of a URL name)"
        )
    return urls, measured


def count_queries(path, page_cache):
    """(queries, status) of a second request, in-process (the first primes caches), with the
    page cache on or off."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, override_settings

    client = Client(HTTP_HOST=HOST)
    with override_settings(PAGE_CACHE_ENABLED=page_cache):
        client.get(path)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
    return len(queries), response.status_code


def measure(server, url, args, page_cache=False):
    port, master = server
    if url["once"]:
        before = workers_cpu(master)
        elapsed, status, size = fetch(port, url["path"])
        latencies, statuses, sizes, wall = [elapsed], {status: 1}, [size], elapsed
        queries = None
    else:
        if page_cache:
            # Prime the page cache of both workers (with local memory each has its own): requests
            # from several threads at once, so that a busy worker leaves some to the other. Six
            # one after the other often all went to the same worker, and the other's first
            # request (a full render in a fresh process) was counted in the warm figure.
            load(port, url["path"], 2, 40, max(2, args.concurrency))
        else:  # warm up this worker's caches
            fetch(port, url["path"])
        before = workers_cpu(master)
        latencies, statuses, sizes, wall = load(
            port, url["path"], args.seconds, args.requests, args.concurrency
        )
        queries = None if url.get("bare") else count_queries(url["path"], page_cache)[0]
    cpu = workers_cpu(master) - before
    return {
        **url,
        "cpu_ms": cpu * 1000 / len(latencies),
        "requests": len(latencies),
        "status": ",".join(str(code) for code in sorted(statuses)),
        "rps": len(latencies) / wall if wall else 0.0,
        "p50_ms": statistics.median(latencies) * 1000,
        "p95_ms": percentile(latencies, 0.95) * 1000,
        "bytes": int(statistics.median(sizes)),
        "queries": queries,
    }


def measure_after_change(server, url, repeats):
    """``repeats`` single requests, each the first after ``home.cache.bump()`` (the bench process
    shares the servers' generation file under var/bench): the first visitor after a change.
    Workers' CPU is read around each request; /proc counts in clock ticks (10 ms), so the mean
    of several is the figure."""
    from home.cache import bump

    port, master = server
    fetch(port, url["path"])  # both workers have loaded their templates and routes
    fetch(port, url["path"])
    latencies, statuses, sizes, cpu = [], {}, [], 0.0
    for _ in range(repeats):
        bump()
        before = workers_cpu(master)
        elapsed, status, size = fetch(port, url["path"])
        cpu += workers_cpu(master) - before
        latencies.append(elapsed)
        statuses[status] = statuses.get(status, 0) + 1
        sizes.append(size)
    return {
        **url,
        "cpu_ms": cpu * 1000 / repeats,
        "requests": repeats,
        "status": ",".join(str(code) for code in sorted(statuses)),
        "rps": repeats / sum(latencies),
        "p50_ms": statistics.median(latencies) * 1000,
        "p95_ms": percentile(latencies, 0.95) * 1000,
        "bytes": int(statistics.median(sizes)),
        "queries": None,
    }


def print_table(title, results, bare_ms):
    print(f"\n{title}")
    header = (
        f"{'name':<28} {'status':>6} {'reqs':>5} {'CPU ms':>7} {'x bare':>7} {'req/s':>7} "
        f"{'p50 ms':>7} {'p95 ms':>7} {'bytes':>8} {'SQL':>4}  path"
    )
    print(header)
    print("-" * len(header))
    for row in results:
        queries = "-" if row["queries"] is None else str(row["queries"])
        note = "  (single cold request)" if row["once"] else ""
        multiple = row["cpu_ms"] / bare_ms if bare_ms else 0.0
        print(
            f"{row['name']:<28} {row['status']:>6} {row['requests']:>5} {row['cpu_ms']:>7.2f} "
            f"{multiple:>7.1f} {row['rps']:>7.1f} {row['p50_ms']:>7.1f} {row['p95_ms']:>7.1f} "
            f"{row['bytes']:>8} {queries:>4}  {row['path']}{note}"
        )


def bare_server(workers):
    """The bare Django page's gunicorn (no settings module, no database: its own tiny app)."""
    env = {key: value for key, value in os.environ.items() if key != "DJANGO_SETTINGS_MODULE"}
    return gunicorn(env, workers, app="bench_bare:application", cwd=BASE_DIR / "scripts")


def main():
    args = parse_args()
    started = time.monotonic()
    bench_environment()
    hooks = setup_django(args)
    urls, hooks = all_urls(hooks, args.only)
    print(
        f"gunicorn {args.workers} workers, {args.concurrency} client threads, "
        f"up to {args.seconds:g}s / {args.requests} requests per URL, gzip accepted; "
        f"database {os.environ.get('DATABASE_URL', 'SQLite ' + str(BENCH_VAR / 'db.sqlite3'))}"
    )
    bare_url = {"name": "bare-django-35kb", "path": "/page", "once": False, "bare": True}
    cold, warm, bares, changed = [], [], [], []
    with contextlib.ExitStack() as servers:
        bare = servers.enter_context(bare_server(args.workers))
        cold_site = servers.enter_context(
            gunicorn({**os.environ, "PAGE_CACHE": "false"}, args.workers)
        )
        warm_site = servers.enter_context(
            gunicorn({**os.environ, "PAGE_CACHE": "true"}, args.workers)
        )
        bares.append(measure(bare, bare_url, args))
        for url in urls:
            cold.append(measure(cold_site, url, args, page_cache=False))
            if not url["once"]:
                warm.append(measure(warm_site, url, args, page_cache=True))
        if args.after_change:
            for url in urls:
                if not url["once"]:
                    changed.append(measure_after_change(cold_site, url, args.after_change))
        bares.append(measure(bare, bare_url, args))
    bare_ms = statistics.mean(row["cpu_ms"] for row in bares)
    print_table("bare Django, constant 35 KB page (start and end of the run)", bares, bare_ms)
    print_table("cold: page cache off", cold, bare_ms)
    print_table("warm: page cache on, primed", warm, bare_ms)
    if changed:
        print_table(
            f"after a change: page cache off, each of {args.after_change} requests the first "
            "after a bump (one at a time, so req/s is 1 / latency)",
            changed,
            bare_ms,
        )
    results = {"bare": bares, "cold": cold, "warm": warm, "bare_cpu_ms": bare_ms}
    if changed:
        results["after_change"] = changed
    extra = []
    for module in hooks:
        figures = call_hook(module, "measurements") or []
        extra += list(figures.items()) if isinstance(figures, dict) else list(figures)
    if extra:
        print()
        for label, value in extra:
            print(f"{label}: {value}")
    print(f"\nwhole run: {time.monotonic() - started:.0f}s")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({"results": results, "extra": extra}, indent=2))


if __name__ == "__main__":
    main()
