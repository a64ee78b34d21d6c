"""PostgreSQL only (`.ci/run` runs the suite on it): `manage.py backup` and `restore` round-trip
through pg_dump/pg_restore (the demo restored into an empty database serves the same pages and
open-data files byte for byte), and a server that drops its connections (a restart, a
failover) costs no failed request: reused connections are checked first (CONN_HEALTH_CHECKS).

Each test works in databases of its own, created on the test server and dropped afterwards."""

import contextlib
import http.client
import json
import os
import secrets
import signal
import subprocess
import sys
import time
import urllib.parse

import pytest
from django.db import connection

from .servers import free_port, wait_for_port
from .test_hardening_backup import BASE_DIR, environment, fingerprint, manage, media

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="PostgreSQL only (DATABASE_URL=postgres://…)"
    ),
    pytest.mark.django_db,  # the suite's test database is set up (conftest's initial rows)
]


def admin():
    """A connection to the server's maintenance database, outside the tests' transactions."""
    import psycopg

    params = connection.get_connection_params()
    params["dbname"] = "postgres"
    return psycopg.connect(**params, autocommit=True)


def database_url(name):
    settings = connection.settings_dict
    user = urllib.parse.quote(settings["USER"] or "", safe="")
    password = urllib.parse.quote(str(settings["PASSWORD"] or ""), safe="")
    credentials = f"{user}:{password}@" if password else (f"{user}@" if user else "")
    host = urllib.parse.quote(settings["HOST"] or "", safe="")
    port = f":{settings['PORT']}" if settings["PORT"] else ""
    return f"postgres://{credentials}{host}{port}/{name}"


@contextlib.contextmanager
def scratch_database():
    name = f"puente_scratch_{os.getpid()}_{secrets.token_hex(4)}"
    with admin() as server:
        server.execute(f'CREATE DATABASE "{name}"')
    try:
        yield name
    finally:
        with admin() as server:
            server.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def drop_connections(name):
    """What a restart does to the site: every connection to the database is cut."""
    with admin() as server:
        rows = server.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = %s AND pid <> pg_backend_pid()",
            [name],
        ).fetchall()
    return len(rows)


def test_a_postgres_backup_restored_into_an_empty_database_is_the_same_site(tmp_path):
    with scratch_database() as source, scratch_database() as target:
        original, restored = tmp_path / "original", tmp_path / "restored"
        original.mkdir(), restored.mkdir()
        source_url, target_url = database_url(source), database_url(target)
        manage(original, "migrate", "--noinput", database_url=source_url)
        manage(original, "load_demo", "--no-admin", database_url=source_url)
        archive = tmp_path / "puente.tar.gz"
        result = manage(original, "backup", str(archive), database_url=source_url)
        assert "postgresql database" in result.stdout
        pages = fingerprint(original, source_url)
        assert len(pages) > 20 and all(status == 200 for status, _ in pages.values()), pages

        manage(restored, "migrate", "--noinput", database_url=target_url)
        dry = manage(restored, "restore", str(archive), "--dry-run", database_url=target_url)
        assert "Dry run: nothing was changed." in dry.stdout
        refused = manage(original, "restore", str(archive), check=False, database_url=source_url)
        assert "The database already has pages" in refused.stderr

        result = manage(restored, "restore", str(archive), database_url=target_url)
        assert "Restored." in result.stdout
        assert fingerprint(restored, target_url) == pages
        assert media(restored) == media(original) != {}


@contextlib.contextmanager
def gunicorn(database, **extra):
    port = free_port()
    env = {
        **environment(BASE_DIR / "var", database_url(database)),
        "DATABASE_CONN_MAX_AGE": "600",
        **extra,
    }
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "config.wsgi:application",
            f"--bind=127.0.0.1:{port}",
            "--workers=1",
            "--log-level=warning",
        ],
        cwd=BASE_DIR,
        env={**env, "DJANGO_SETTINGS_MODULE": "config.settings.dev"},
        start_new_session=True,
    )
    try:
        wait_for_port(port, timeout=60, process=process)
        yield port
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=20)


def ready(port):
    client = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    client.request("GET", "/readyz", headers={"Host": "testserver"})
    response = client.getresponse()
    body = json.loads(response.read())
    client.close()
    return response.status, body["checks"]["database"]["status"]


@pytest.mark.parametrize("checks", [True, False], ids=["health-checks", "no-health-checks"])
def test_the_site_reconnects_by_itself_after_the_database_drops_its_connections(checks):
    with (
        scratch_database() as name,
        gunicorn(name, DATABASE_CONN_HEALTH_CHECKS=str(checks).lower()) as port,
    ):
        assert ready(port) == (200, "ok")
        assert ready(port) == (200, "ok")  # the same, reused connection
        assert drop_connections(name) >= 1
        time.sleep(0.2)
        after = [ready(port) for _ in range(3)]
    if checks:
        # The setting's default: not one request fails after the restart.
        assert after == [(200, "ok")] * 3
    else:
        # Without the check, the first request after it is the one that finds out.
        assert after[0] == (503, "unavailable") and after[1:] == [(200, "ok")] * 2
