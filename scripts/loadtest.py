"""Load and fault test: `make loadtest` (LOADTEST_ARGS="--seconds 10" for a short run).

Gunicorn serves the bench database (scripts/bench.py: production settings, demo loaded) on a
free port of 127.0.0.1 with a Redis started here as its cache. Each phase sends a mix of public
pages, searches and open-data exports from ``--connections`` threads for ``--seconds`` (and at
most ``--requests`` requests), then the table gives requests, errors (5xx and failed
connections), p50/p95/p99 latency and, for a fault, when errors were seen and when it
recovered:

- ``baseline``: everything up;
- ``redis stopped``: Redis is killed at the start of the phase (the site must serve uncached,
  0 errors) and started again after it;
- ``postgres restart``: with ``BENCH_DATABASE_URL`` on PostgreSQL and ``LOADTEST_PG_RESTART``
  (a shell command restarting that server, e.g. ``pg_ctl -D … restart -m fast``), the command
  runs a third of the way into the phase: errors are expected only around the restart, and the
  site must recover by itself;
- search-engine faults (refusing connections, then hung): the place is ``SEARCH_FAULTS`` below,
  filled when the search issue's OpenSearch (osmem-server) lands.

Loopback only; every phase is bounded; the servers it starts are stopped whatever happens.
It measures and reports; it exits non-zero only when a phase that must have no error had some.
"""

import argparse
import contextlib
import http.client
import itertools
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench  # noqa: E402  (the bench's environment, database, gunicorn and URL list)

HOST = bench.HOST
SEARCHES = ["/es/buscar/?q=oficina", "/en/search/?q=mission", "/es/buscar/?q=agua&page=2"]
# Filled by the search issue: [(phase name, context manager factory that injects the fault)].
SEARCH_FAULTS = []


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=60.0, help="length of each phase")
    parser.add_argument("--connections", type=int, default=32, help="client threads")
    parser.add_argument("--requests", type=int, default=200_000, help="cap per phase")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument("--timeout", type=float, default=15.0, help="seconds per request")
    parser.add_argument("--fresh", action="store_true", help="rebuild var/bench from scratch")
    parser.add_argument("--count", type=int, default=0, help="size hint for prepare()")
    return parser.parse_args()


class Redis:
    def __init__(self):
        self.port = bench.free_port()
        self.directory = tempfile.mkdtemp(prefix="puente-loadtest-redis-")
        self.process = None

    def start(self):
        binary = shutil.which("redis-server") or "/usr/bin/redis-server"
        self.process = subprocess.Popen(
            [
                binary,
                "--port",
                str(self.port),
                "--bind",
                HOST,
                "--save",
                "",
                "--dir",
                self.directory,
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            with contextlib.suppress(OSError), socket.create_connection((HOST, self.port), 0.2):
                return
            time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)
        self.process = None

    def cleanup(self):
        self.stop()
        shutil.rmtree(self.directory, ignore_errors=True)


def fetch(port, path, timeout):
    """(seconds, status or error name) of one GET on a new connection."""
    started = time.perf_counter()
    try:
        connection = http.client.HTTPConnection(HOST, port, timeout=timeout)
        connection.request("GET", path, headers={"Host": HOST, "Accept-Encoding": "gzip"})
        response = connection.getresponse()
        response.read()
        status = response.status
        connection.close()
    except (OSError, http.client.HTTPException) as error:
        status = type(error).__name__
    return time.perf_counter() - started, status


def run_phase(port, paths, args, during=None):
    """Load for args.seconds; ``during(elapsed)`` is called once a second from a side thread."""
    results = []  # (start offset, seconds, status)
    lock = threading.Lock()
    budget = [args.requests]
    cycle = itertools.cycle(paths)
    started = time.perf_counter()
    deadline = started + args.seconds

    def worker():
        while time.perf_counter() < deadline:
            with lock:
                if budget[0] <= 0:
                    return
                budget[0] -= 1
                path = next(cycle)
            offset = time.perf_counter() - started
            elapsed, status = fetch(port, path, args.timeout)
            with lock:
                results.append((offset, elapsed, status))

    def ticker():
        second = 0
        while time.perf_counter() < deadline:
            during(second)
            second += 1
            time.sleep(max(0.0, started + second - time.perf_counter()))

    threads = [threading.Thread(target=worker, daemon=True) for _ in range(args.connections)]
    if during:
        threads.append(threading.Thread(target=ticker, daemon=True))
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(args.seconds + args.timeout + 30)
    return results, time.perf_counter() - started


def summarise(name, results, wall, expect_errors=False):
    latencies = [elapsed for _offset, elapsed, _status in results]
    errors = [
        (offset, status)
        for offset, _elapsed, status in results
        if not isinstance(status, int) or status >= 500
    ]
    statuses = {}
    for _offset, _elapsed, status in results:
        statuses[status] = statuses.get(status, 0) + 1
    window = ""
    if errors:
        first, last = min(offset for offset, _ in errors), max(offset for offset, _ in errors)
        kinds = sorted({str(status) for _offset, status in errors})
        window = f"errors {first:.1f}-{last:.1f}s ({', '.join(kinds)})"
    return {
        "phase": name,
        "requests": len(results),
        "rps": len(results) / wall if wall else 0.0,
        "errors": len(errors),
        "p50": statistics.median(latencies) * 1000 if latencies else 0.0,
        "p95": bench.percentile(latencies, 0.95) * 1000 if latencies else 0.0,
        "p99": bench.percentile(latencies, 0.99) * 1000 if latencies else 0.0,
        "statuses": ",".join(f"{k}:{v}" for k, v in sorted(statuses.items(), key=str)),
        "note": window,
        "expect_errors": expect_errors,
    }


def print_table(rows):
    header = (
        f"{'phase':<22} {'reqs':>7} {'req/s':>7} {'errors':>6} {'p50 ms':>8} {'p95 ms':>8} "
        f"{'p99 ms':>8}  statuses / notes"
    )
    print(header)
    print("-" * len(header))
    for row in rows:
        if row.get("skipped"):
            print(
                f"{row['phase']:<22} {'-':>7} {'-':>7} {'-':>6} {'-':>8} {'-':>8} {'-':>8}  {row['skipped']}"
            )
            continue
        print(
            f"{row['phase']:<22} {row['requests']:>7} {row['rps']:>7.1f} {row['errors']:>6} "
            f"{row['p50']:>8.1f} {row['p95']:>8.1f} {row['p99']:>8.1f}  {row['statuses']} {row['note']}"
        )


def mix(urls):
    """Public pages, searches and exports, interleaved."""
    paths = [url["path"] for url in urls if not url["once"] and "not-found" not in url["name"]]
    paths += SEARCHES
    return paths


def main():
    args = parse_args()
    env = bench.bench_environment()
    redis = Redis()
    redis.start()
    env["REDIS_URL"] = f"redis://{HOST}:{redis.port}/0"
    os.environ["REDIS_URL"] = env["REDIS_URL"]
    rows = []
    try:
        hooks = bench.setup_django(args)
        paths = mix(bench.all_urls(hooks))
        print(
            f"gunicorn {args.workers} workers on {HOST}, {args.connections} connections, "
            f"{args.seconds:g}s per phase, {len(paths)} URLs in the mix"
        )
        with bench.gunicorn(env, args.workers) as port:
            for path in paths:  # warm up every worker's caches
                fetch(port, path, args.timeout)
            results, wall = run_phase(port, paths, args)
            rows.append(summarise("baseline", results, wall))

            redis.stop()
            results, wall = run_phase(port, paths, args)
            rows.append(summarise("redis stopped", results, wall))
            redis.start()
            results, wall = run_phase(
                port, paths, argparse.Namespace(**{**vars(args), "seconds": min(args.seconds, 10)})
            )
            rows.append(summarise("redis back", results, wall))

            restart = os.environ.get("LOADTEST_PG_RESTART")
            if restart and "postgres" in os.environ.get("DATABASE_URL", ""):
                at = max(1, int(args.seconds / 3))

                def during(second):
                    if second == at:
                        subprocess.run(restart, shell=True, check=False, capture_output=True)

                results, wall = run_phase(port, paths, args, during=during)
                row = summarise("postgres restart", results, wall, expect_errors=True)
                row["note"] = f"restart at {at}s; " + (row["note"] or "no error")
                tail = [r for r in results if r[0] > args.seconds - 5]
                recovered = all(isinstance(s, int) and s < 500 for _o, _e, s in tail) and tail
                row["note"] += "; recovered" if recovered else "; NOT recovered in the last 5s"
                row["recovered"] = bool(recovered)
                rows.append(row)
            else:
                rows.append(
                    {
                        "phase": "postgres restart",
                        "skipped": "not run: set BENCH_DATABASE_URL=postgres://… and LOADTEST_PG_RESTART",
                    }
                )
            for name, fault in SEARCH_FAULTS:
                with fault():
                    results, wall = run_phase(port, paths, args)
                rows.append(summarise(name, results, wall))
            if not SEARCH_FAULTS:
                rows.append(
                    {
                        "phase": "search faults",
                        "skipped": "not run: comes with the search issue's OpenSearch (osmem-server)",
                    }
                )
    finally:
        redis.cleanup()
    print()
    print_table(rows)
    failed = [
        row["phase"]
        for row in rows
        if not row.get("skipped")
        and ((row["errors"] and not row["expect_errors"]) or row.get("recovered") is False)
    ]
    if failed:
        print(f"\nerrors where none are allowed: {', '.join(failed)}")
        sys.exit(1)


if __name__ == "__main__":
    main()
