"""SQL queries and in-process time per public page type, on the configured database.

    DATABASE_URL=sqlite:////tmp/q.sqlite3 .venv/bin/python scripts/page_queries.py [label=/path ...]

Load the demo first (``manage.py load_demo``). For each page type (the first live page of
each type in Spanish, plus the open-data files, the feed, the sitemap and the first record of
each record index) it prints the queries of the first request with the cache empty (which
includes Wagtail's per-process cache of the sites' root paths), of the second and third
requests, the most repeated query shape (a high number hints at a query per row), and the
median test-client time. ``ONLY=home,mission`` limits the pages; ``DUMP=1`` writes each
page's SQL of the first request to ``var/page_queries/<label>.sql``. ``AFTER_CHANGE=1``
measures instead the first request after an editor's change in a warm process (what the
tests' budget of 15 is about): the address is requested once, then the content generation is
bumped and the shared values dropped (``home.cache.bump()``, ``shared.forget()``), as a save
does, while Wagtail's per-process cache of the sites' root paths stays. ``WARM=1`` (with
``AFTER_CHANGE=1``) then runs the warm-up a worker would (``home.cache.warm.warm_site``) and
prints its CPU before the first request, which is then what a visitor gets once the worker has
run (``X-Page-Cache`` says whether the page cache answered). Requests are made to the default
site's own address (host and port), as the warm-up makes them.
"""

import os
import re
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

BASE = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

import django  # noqa: E402

django.setup()

from django.core.cache import cache  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from wagtail.models import Page  # noqa: E402

from home.cache import bump, generation, shared  # noqa: E402
from home.cache.warm import warm_site  # noqa: E402

PAGE_TYPES = {
    "home": "HomePage",
    "content": "ContentPage",
    "missions": "MissionIndexPage",
    "mission": "MissionPage",
    "practices": "PracticeIndexPage",
    "practice": "PracticePage",
    "standards": "StandardIndexPage",
    "standard": "StandardPage",
    "directory": "DirectoryIndexPage",
    "agreements": "AgreementIndexPage",
    "objectives": "ObjectiveIndexPage",
    "portal": "OpenDataPortalPage",
}
RECORDS = {"organisation": "directory", "agreement": "agreements", "objective": "objectives"}


def host():
    from urllib.parse import urlsplit

    from wagtail.models import Site

    site = Site.objects.filter(is_default_site=True).first()
    return urlsplit(site.root_url).netloc if site else "127.0.0.1"


HOST = host()


def get(client, url):
    response = client.get(url, HTTP_HOST=HOST)
    if response.streaming:
        b"".join(response.streaming_content)
    return response


def page_urls():
    first = {}
    for page in Page.objects.live().filter(locale__language_code="es").specific().order_by("path"):
        first.setdefault(type(page).__name__, page.url)
    urls = {label: first.get(name) for label, name in PAGE_TYPES.items()}
    missions = urls["missions"]
    urls["missions-filtered"] = f"{missions}?year=2025"
    urls["csv"] = f"{missions}data/missions.csv"
    urls["json"] = f"{missions}data/missions.json"
    urls["feed"] = f"{missions}feed/"
    urls["missions-months"] = f"{missions}?year=2024"  # a year of the no-trips month grid
    urls["carbon-methodology"] = f"{missions}carbon-methodology/"
    standards = urls["standards"]
    if standards:
        urls["standards-filtered"] = f"{standards}?state=met"
        for name in ("standards.csv", "standards.json", "measurements.csv", "measurements.json"):
            urls[name.replace(".", "-")] = f"{standards}data/{name}"
    objectives = urls["objectives"]
    if objectives:
        urls["needs"] = f"{objectives}needs/"
        urls["objectives-year"] = f"{objectives}?year=2025"
        for name in ("objectives.csv", "project-needs.json", "travel-legs.csv"):
            urls[name.replace(".", "-")] = f"{objectives}data/{name}"
    urls["sitemap"] = "/sitemap.xml"
    urls["sitemap-missions"] = "/sitemap-pages-missions.xml"
    urls["sitemap-organisations"] = "/sitemap-directory-organization.xml"
    client = Client()
    for label, index in RECORDS.items():
        base = urls[index]
        html = get(client, base).content.decode() if base else ""
        links = sorted(set(re.findall(rf'href="({re.escape(base or "-")}[\w-]+/)"', html)))
        urls[label] = links[0] if links else None
    return urls


def main(extra):
    urls = page_urls()
    urls.update(item.split("=", 1) for item in extra)
    only = set(filter(None, os.environ.get("ONLY", "").split(",")))
    dump = BASE / "var" / "page_queries"
    after_change = bool(os.environ.get("AFTER_CHANGE"))
    warm = after_change and bool(os.environ.get("WARM"))
    for label, url in urls.items():
        if (only and label not in only) or not url:
            continue
        cache.clear()
        if after_change:
            get(Client(), url)
            bump()
            shared.forget()
        warmed = ""
        if warm:
            start = time.process_time()
            rendered = warm_site.call(generation())
            warmed = f" warm-up {rendered} addresses {time.process_time() - start:.2f} s CPU"
        counts = []
        for attempt in range(3):
            start = time.process_time()
            with CaptureQueriesContext(connection) as captured:
                response = get(Client(), url)
            counts.append(len(captured.captured_queries))
            if attempt == 0:
                first_ms = (time.process_time() - start) * 1000
                served = response.get("X-Page-Cache", "-")
                sql = [query["sql"] for query in captured.captured_queries]
                shapes = Counter(re.sub(r"\d+|'[^']*'", "?", text) for text in sql)
                repeat = shapes.most_common(1)[0][1] if shapes else 0
                if os.environ.get("DUMP"):
                    dump.mkdir(parents=True, exist_ok=True)
                    (dump / f"{label}.sql").write_text("\n".join(sql) + "\n")
        client, times = Client(), []
        for _ in range(int(os.environ.get("N", "7"))):
            start = time.perf_counter()
            get(client, url)
            times.append((time.perf_counter() - start) * 1000)
        print(
            f"{label:18} {response.status_code} queries 1st/2nd/3rd {counts} "
            f"max repeat {repeat} 1st {first_ms:.0f} ms CPU ({served}) "
            f"in-proc {statistics.median(times):.1f} ms  {url}{warmed}",
            flush=True,
        )


if __name__ == "__main__":
    main(sys.argv[1:])
