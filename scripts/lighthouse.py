"""Lighthouse performance scores, mobile preset: `make lighthouse` (not part of `make test`).

Serves the bench database (scripts/bench.py: gunicorn, production settings, demo loaded,
static files collected) on 127.0.0.1 and runs Lighthouse (npm, package.json's devDependencies)
in Debian's Chromium (CHROME_PATH, default /usr/bin/chromium; headless, no sandbox, no GPU)
against the home, the missions index and a mission page in each language, then prints each
score with the figures behind it (First/Largest Contentful Paint, Total Blocking Time,
Cumulative Layout Shift, bytes transferred). Lighthouse's default mobile preset: a mid-range
phone, a slow 4G network and a 4× slower CPU, all simulated.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench  # noqa: E402

LIGHTHOUSE = bench.BASE_DIR / "node_modules" / ".bin" / "lighthouse"
CHROME_FLAGS = "--headless --no-sandbox --disable-gpu"  # headless=new: NO_NAVSTART here
TARGET = 95


def pages():
    from missions.models import MissionIndexPage, MissionPage

    found = []
    for language in ("es", "en"):
        index = MissionIndexPage.objects.live().filter(locale__language_code=language).first()
        mission = (
            MissionPage.objects.live().filter(locale__language_code=language).order_by("path")
        ).first()
        found += [(f"home-{language}", f"/{language}/")]
        if index:
            found.append((f"missions-index-{language}", index.url))
        if mission:
            found.append((f"mission-{language}", mission.url))
    return found


def audit(port, path, directory):
    report = Path(directory) / "report.json"
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    subprocess.run(
        [
            str(LIGHTHOUSE),
            f"http://{bench.HOST}:{port}{path}",
            "--only-categories=performance",
            "--output=json",
            f"--output-path={report}",
            f"--chrome-flags={CHROME_FLAGS}",
            "--quiet",
        ],
        check=True,
        env=env,
        timeout=300,
    )
    data = json.loads(report.read_text())
    audits = data["audits"]

    def value(name):
        return audits.get(name, {}).get("numericValue") or 0

    return {
        "score": round(data["categories"]["performance"]["score"] * 100),
        "fcp": value("first-contentful-paint"),
        "lcp": value("largest-contentful-paint"),
        "tbt": value("total-blocking-time"),
        "cls": value("cumulative-layout-shift"),
        "bytes": value("total-byte-weight"),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--fresh", action="store_true", help="rebuild var/bench from scratch")
    parser.add_argument("--count", type=int, default=0, help="size hint for prepare()")
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        sys.exit("Lighthouse is not installed: run `make install-test` (npm ci).")
    env = bench.bench_environment()
    bench.setup_django(args)
    targets = pages()
    rows = []
    with bench.gunicorn(env, 2) as (port, _master), tempfile.TemporaryDirectory() as directory:
        for name, path in targets:
            bench.fetch(port, path)  # warm the workers
            rows.append((name, path, audit(port, path, directory)))
    print(
        f"\n{'page':<20} {'score':>5} {'FCP ms':>7} {'LCP ms':>7} {'TBT ms':>7} {'CLS':>6} {'KB':>6}"
    )
    for name, _path, row in rows:
        print(
            f"{name:<20} {row['score']:>5} {row['fcp']:>7.0f} {row['lcp']:>7.0f} "
            f"{row['tbt']:>7.0f} {row['cls']:>6.3f} {row['bytes'] / 1024:>6.1f}"
        )
    low = [name for name, _path, row in rows if row["score"] < TARGET]
    if low:
        print(f"\nbelow {TARGET}: {', '.join(low)}")
        sys.exit(1)


if __name__ == "__main__":
    main()
