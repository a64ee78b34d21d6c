"""The client side of scripts/bench.py: anonymous GETs on new connections, a bounded load from
a few threads, and the percentile of the latencies. Standard library only."""

import http.client
import threading
import time

from bench_gunicorn import HOST


def fetch(port, path):
    """(seconds, status, body size) of one GET on a new connection (no cookies: anonymous)."""
    started = time.perf_counter()
    connection = http.client.HTTPConnection(HOST, port, timeout=60)
    try:
        connection.request("GET", path, headers={"Host": HOST, "Accept-Encoding": "gzip"})
        response = connection.getresponse()
        body = response.read()
        return time.perf_counter() - started, response.status, len(body)
    finally:
        connection.close()


def load(port, path, seconds, max_requests, concurrency):
    """Requests from ``concurrency`` threads until the time or the request budget runs out."""
    latencies, statuses, sizes = [], {}, []
    lock = threading.Lock()
    budget = [max_requests]
    deadline = time.perf_counter() + seconds

    def worker():
        while time.perf_counter() < deadline:
            with lock:
                if budget[0] <= 0:
                    return
                budget[0] -= 1
            elapsed, status, size = fetch(port, path)
            with lock:
                latencies.append(elapsed)
                statuses[status] = statuses.get(status, 0) + 1
                sizes.append(size)

    started = time.perf_counter()
    threads = [threading.Thread(target=worker, daemon=True) for _ in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    return latencies, statuses, sizes, wall


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]
