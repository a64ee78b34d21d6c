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
- ``search refused`` / ``search hung``: the search engine (osmem-server, an
  OpenSearch-compatible server started here; the index built with ``update_index``) is
  stopped, so connections are refused; then a server that accepts and never answers takes its
  port. (Its return is tested in tests/test_search_opensearch.py: after the breaker's window
  the engine is tried again.) Searches must degrade to the database's
  answer with the page's notice (checked), the other pages stay unaffected (their p99 is
  given apart), and nothing fails.

Loopback only; every phase is bounded; the servers it starts are stopped whatever happens.
It measures and reports; it exits non-zero only when a phase that must have no error had some.
"""

import argparse
import http.client
import itertools
import os
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
import bench  # noqa: E402  (the bench's environment, database, gunicorn and URL list)
from osmem_server import OsmemServer  # noqa: E402

from tests.servers import HungServer, RedisServer  # noqa: E402  (the tests' real servers)

HOST = bench.HOST
SEARCHES = ["/es/buscar/?q=oficina", "/en/search/?q=mission", "/es/buscar/?q=agua&page=2"]
# Each search of the load carries a parameter the search page ignores (``lt=<n>``), unique per
# request: the page cache keys on the whole address, so every search reaches the engine (or its
# fault) instead of a cached answer from before the fault.
_searches = itertools.count()


def fresh(path):
    """``path``, made unique when it is a search."""
    return f"{path}&lt={next(_searches)}" if path in SEARCHES else path


# What the search page says when it answers from the database (Spanish and English).
SEARCH_NOTICES = ("El motor de búsqueda no responde", "The search engine is not answering")
# Seconds the search breaker leaves a failed engine alone: short, so that each fault phase
# tries the dead or hung engine again and again, as a long outage would.
BREAKER_SECONDS = 5


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


def fetch(port, path, timeout, encoding="gzip"):
    """(seconds, status or error name, body) of one GET on a new connection."""
    started = time.perf_counter()
    body = b""
    try:
        connection = http.client.HTTPConnection(HOST, port, timeout=timeout)
        connection.request("GET", path, headers={"Host": HOST, "Accept-Encoding": encoding})
        response = connection.getresponse()
        body = response.read()
        status = response.status
        connection.close()
    except (OSError, http.client.HTTPException) as error:
        status = type(error).__name__
    return time.perf_counter() - started, status, body


def run_phase(port, paths, args, during=None, seconds=None):
    """Load for ``seconds`` (args.seconds); ``during(elapsed)`` is called once a second from a
    side thread. Returns [(start offset, seconds, status, path)] and the wall time."""
    seconds = args.seconds if seconds is None else seconds
    results = []
    lock = threading.Lock()
    budget = [args.requests]
    cycle = itertools.cycle(paths)
    started = time.perf_counter()
    deadline = started + seconds

    def worker():
        while time.perf_counter() < deadline:
            with lock:
                if budget[0] <= 0:
                    return
                budget[0] -= 1
                path = next(cycle)
            offset = time.perf_counter() - started
            elapsed, status, _body = fetch(port, fresh(path), args.timeout)
            with lock:
                results.append((offset, elapsed, status, path))

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
        thread.join(seconds + args.timeout + 30)
    return results, time.perf_counter() - started


def is_error(status):
    return not isinstance(status, int) or status >= 500


def p99(latencies):
    return bench.percentile(latencies, 0.99) * 1000 if latencies else 0.0


def summarise(name, results, wall, expect_errors=False):
    latencies = [elapsed for _offset, elapsed, _status, _path in results]
    errors = [(offset, status) for offset, _elapsed, status, _path in results if is_error(status)]
    statuses = {}
    for _offset, _elapsed, status, _path in results:
        statuses[status] = statuses.get(status, 0) + 1
    window = ""
    if errors:
        first, last = min(offset for offset, _ in errors), max(offset for offset, _ in errors)
        kinds = sorted({str(status) for _offset, status in errors})
        window = f"errors {first:.1f}-{last:.1f}s ({', '.join(kinds)})"
    searches = [elapsed for _o, elapsed, _s, path in results if path in SEARCHES]
    pages = [elapsed for _o, elapsed, _s, path in results if path not in SEARCHES]
    return {
        "phase": name,
        "requests": len(results),
        "rps": len(results) / wall if wall else 0.0,
        "errors": len(errors),
        "p50": statistics.median(latencies) * 1000 if latencies else 0.0,
        "p95": bench.percentile(latencies, 0.95) * 1000 if latencies else 0.0,
        "p99": p99(latencies),
        "p99_pages": p99(pages),
        "p99_search": p99(searches),
        "statuses": ",".join(f"{k}:{v}" for k, v in sorted(statuses.items(), key=str)),
        "note": window,
        "expect_errors": expect_errors,
    }


def print_table(rows):
    header = (
        f"{'phase':<18} {'reqs':>6} {'req/s':>6} {'errors':>6} {'p50 ms':>7} {'p95 ms':>7} "
        f"{'p99 ms':>7} {'p99 pages':>9} {'p99 search':>10}  statuses / notes"
    )
    print(header)
    print("-" * len(header))
    for row in rows:
        if row.get("skipped"):
            dashes = " ".join(f"{'-':>{width}}" for width in (6, 6, 6, 7, 7, 7, 9, 10))
            print(f"{row['phase']:<18} {dashes}  {row['skipped']}")
            continue
        print(
            f"{row['phase']:<18} {row['requests']:>6} {row['rps']:>6.1f} {row['errors']:>6} "
            f"{row['p50']:>7.1f} {row['p95']:>7.1f} {row['p99']:>7.1f} {row['p99_pages']:>9.1f} "
            f"{row['p99_search']:>10.1f}  {row['statuses']} {row['note']}"
        )


def mix(urls):
    """Public pages, searches and exports, interleaved."""
    paths = [url["path"] for url in urls if not url["once"] and "not-found" not in url["name"]]
    paths += SEARCHES
    return paths


def search_notice(port, args):
    """Whether the search pages say they answer without the engine (None: a page failed)."""
    shown = []
    for path in SEARCHES[:2]:
        _elapsed, status, body = fetch(port, fresh(path), args.timeout, encoding="identity")
        if status != 200:
            return None
        shown.append(any(notice in body.decode() for notice in SEARCH_NOTICES))
    return all(shown)


def search_phase(name, port, paths, args, expect_notice):
    results, wall = run_phase(port, paths, args)
    row = summarise(name, results, wall)
    notice = search_notice(port, args)
    row["notice_ok"] = notice is expect_notice
    said = {True: "notice shown", False: "no notice", None: "search page failed"}[notice]
    row["note"] = f"{said}; " + (row["note"] or "no error")
    if not row["notice_ok"]:
        row["note"] += " (EXPECTED " + ("a notice" if expect_notice else "no notice") + ")"
    return row


def index_search(env):
    """Build the engine's indexes from the bench database (manage.py update_index), with time
    for the bulk requests that a page's search does not have."""
    started = time.monotonic()
    subprocess.run(
        [sys.executable, "manage.py", "update_index"],
        cwd=bench.BASE_DIR,
        env={**os.environ, **env, "SEARCH_TIMEOUT": "120"},
        check=True,
        capture_output=True,
    )
    print(f"search engine indexed in {time.monotonic() - started:.1f}s ({env['SEARCH_URL']})")


def main():
    args = parse_args()
    env = bench.bench_environment()
    redis = RedisServer()
    redis.start()
    engine = OsmemServer.start(japanese=False)
    engine_address = engine.url.removeprefix("http://")
    env["REDIS_URL"] = redis.url
    os.environ.update(env)
    # The site's search settings; the bench database is prepared without the engine, then
    # indexed into it (update_index).
    env.update(
        SEARCH_URL=engine.url,
        SEARCH_INDEX_PREFIX="loadtest_",
        SEARCH_BREAKER_SECONDS=str(BREAKER_SECONDS),
        SEARCH_TIMEOUT=os.environ.get("SEARCH_TIMEOUT", "0.5"),  # what the site waits
    )
    rows = []
    hung = None
    try:
        hooks = bench.setup_django(args)
        index_search(env)
        paths = mix(bench.all_urls(hooks)[0])
        print(
            f"gunicorn {args.workers} workers on {HOST}, {args.connections} connections, "
            f"{args.seconds:g}s per phase, {len(paths)} URLs in the mix"
        )
        with bench.gunicorn(env, args.workers) as (port, _master):
            warm = []
            for path in paths:  # warm up every worker's caches (a first render may be slow)
                elapsed, status, _body = fetch(port, path, max(args.timeout, 120))
                if status != 200:  # no phase means anything if the site does not answer
                    raise SystemExit(f"the site answered {status} for {path} before the load")
                warm.append((elapsed, path))
            slowest = ", ".join(
                f"{path} {elapsed * 1000:.0f} ms" for elapsed, path in sorted(warm)[-3:]
            )
            print(f"warm-up: {len(warm)} URLs, the slowest {slowest}")
            rows.append(search_phase("baseline", port, paths, args, expect_notice=False))

            redis.stop(kill=True)
            results, wall = run_phase(port, paths, args)
            rows.append(summarise("redis stopped", results, wall))
            redis.start()
            results, wall = run_phase(port, paths, args, seconds=min(args.seconds, 10))
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
                recovered = all(not is_error(r[2]) for r in tail) and tail
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

            engine.close()  # nothing listens: connections refused
            rows.append(search_phase("search refused", port, paths, args, expect_notice=True))
            hung = HungServer(int(engine_address.rsplit(":", 1)[1]))
            rows.append(search_phase("search hung", port, paths, args, expect_notice=True))
    finally:
        if hung:
            hung.close()
        engine.close()
        redis.cleanup()
        print()
        print_table(rows)  # whatever was measured, also when a phase could not run
    failed = [
        row["phase"]
        for row in rows
        if not row.get("skipped")
        and (
            (row["errors"] and not row["expect_errors"])
            or row.get("recovered") is False
            or row.get("notice_ok") is False
        )
    ]
    if failed:
        print(f"\nerrors where none are allowed: {', '.join(failed)}")
        sys.exit(1)


if __name__ == "__main__":
    main()
