"""Real servers for the scale-out tests, started on free loopback ports and stopped at the end:
Redis (Debian's ``redis-server``), an S3-compatible API (``moto_server``, moto[server]) and a
server that accepts connections and never answers (a hung search engine).

Import the fixtures into a test module (``from .servers import redis_server, s3_server``).
``RedisServer.stop()``/``start()`` let a test take Redis away mid-test and bring it back.
``scripts/loadtest.py`` starts and stops its Redis and its hung engine with the same classes.
``run_worker()`` runs the queued background tasks in a real ``manage.py db_worker`` process.
"""

import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_port(port, timeout=20.0, process=None):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"nothing listens on 127.0.0.1:{port} after {timeout} s")


class RedisServer:
    def __init__(self):
        self.binary = shutil.which("redis-server") or "/usr/bin/redis-server"
        self.port = free_port()
        self.directory = tempfile.mkdtemp(prefix="puente-redis-")
        self.process = None

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self):
        self.process = subprocess.Popen(
            [
                self.binary,
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                self.directory,
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_for_port(self.port, process=self.process)

    def stop(self, kill=False):
        """Stop Redis; ``kill`` (SIGKILL) is an outage, not a shutdown."""
        if self.process and self.process.poll() is None:
            self.process.kill() if kill else self.process.terminate()
            self.process.wait(timeout=10)
        self.process = None

    def cleanup(self):
        self.stop()
        shutil.rmtree(self.directory, ignore_errors=True)


@pytest.fixture(scope="session")
def redis_server():
    if not Path(shutil.which("redis-server") or "/usr/bin/redis-server").exists():
        pytest.fail("redis-server not found: install Debian's redis-server (make system-deps).")
    server = RedisServer()
    server.start()
    yield server
    server.cleanup()


class S3Server:
    def __init__(self):
        self.port = free_port()
        self.process = None
        self.bucket = "puente-media"

    @property
    def endpoint(self):
        return f"http://127.0.0.1:{self.port}"

    def start(self):
        moto = Path(sys.executable).with_name("moto_server")
        self.process = subprocess.Popen(
            [str(moto), "-H", "127.0.0.1", "-p", str(self.port)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_for_port(self.port, timeout=60, process=self.process)

    def client(self):
        import boto3

        return boto3.client(
            "s3",
            endpoint_url=self.endpoint,
            aws_access_key_id="testing",
            aws_secret_access_key="testing",
            region_name="us-east-1",
        )

    def storage_options(self):
        return {
            "bucket_name": self.bucket,
            "endpoint_url": self.endpoint,
            "region_name": "us-east-1",
            "access_key": "testing",
            "secret_key": "testing",
            "querystring_auth": False,
            "file_overwrite": False,
            "default_acl": None,
        }

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)


@pytest.fixture(scope="session")
def s3_server():
    server = S3Server()
    server.start()
    server.client().create_bucket(Bucket=server.bucket)
    yield server
    server.stop()


class HungServer:
    """Accepts connections on 127.0.0.1 (``port``, or a free one) and never answers; keeps
    them, to count them."""

    def __init__(self, port=0):
        self.sock = socket.socket()
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", port))
        self.sock.listen(128)
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        self.connections = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while True:
            try:
                connection, _address = self.sock.accept()
            except OSError:
                return
            self.connections.append(connection)

    def close(self):
        for connection in self.connections:
            connection.close()
        self.sock.close()


def _worker(database_url, env):
    """Run every queued task in a real worker process, then let it exit."""
    from django.conf import settings

    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
        "DATABASE_URL": database_url,
        "TASKS_BACKEND": "database",
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "DEBUG": "false",
        **env,
    }
    finished = subprocess.run(
        [sys.executable, "manage.py", "db_worker", "--batch", "--no-startup-delay", "--no-reload"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert finished.returncode == 0, finished.stderr[-3000:]
    return finished


def run_worker(tmp_path, **env):
    """Run the queued tasks in a real ``db_worker`` process (``env``: more of its environment
    variables) on the test database: PostgreSQL's directly; SQLite's in-memory test database is
    copied to a file for it and copied back afterwards."""
    from django.db import connection

    if connection.vendor == "postgresql":
        # The suite's own address (CI's names a socket folder as its host), with the test
        # database's name in place of the configured one.
        base, _slash, _name = os.environ["DATABASE_URL"].partition("?")[0].rpartition("/")
        return _worker(f"{base}/{connection.settings_dict['NAME']}", env)
    connection.ensure_connection()
    path = tmp_path / "worker.sqlite3"
    with sqlite3.connect(path) as copy:
        connection.connection.backup(copy)
    finished = _worker(f"sqlite:///{path}", env)
    with sqlite3.connect(path) as copy:
        copy.backup(connection.connection)
    return finished
