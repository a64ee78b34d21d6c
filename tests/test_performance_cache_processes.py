"""The page cache across processes: a bump made by another process (a real one, started here)
invalidates this process's cached pages on its very next request, with Redis (two separate
cache clients, one per process) and with the local-memory cache (the generation file)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.cache import cache
from django.test import Client, override_settings
from django_redis.cache import RedisCache

from home.cache import GENERATION_KEY, ROWS_KEY, generation, rows_generation
from home.models import HomePage

from .servers import redis_server  # noqa: F401  (a fixture)

pytestmark = pytest.mark.django_db
BASE_DIR = Path(__file__).resolve().parent.parent
PREFIX = "puente-test-pages"
OPTIONS = {"SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 0.5, "IGNORE_EXCEPTIONS": True}


def bump_in_another_process(**env):
    """Run home.cache.bump() in a new Python process with its own settings and cache client."""
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
        "DATABASE_URL": "sqlite://:memory:",
        **env,
    }
    code = "import django; django.setup(); from home.cache import bump; bump()"
    subprocess.run(
        [sys.executable, "-c", code], cwd=BASE_DIR, env=environment, check=True, timeout=120
    )


def intro_changed_without_signals(home, text):
    HomePage.objects.filter(pk=home.pk).update(intro=text)  # no signal in this process


def served(path):
    response = Client().get(path)
    assert response.status_code == 200
    return response


def primed(path):
    served(path)  # the first request creates the site's settings rows: a save, so a bump
    served(path)
    assert served(path)["X-Page-Cache"] == "hit"


@pytest.fixture
def redis_pages(redis_server):  # noqa: F811
    if redis_server.process is None:
        redis_server.start()
    caches = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": redis_server.url,
            "KEY_PREFIX": PREFIX,
            "OPTIONS": OPTIONS,
        }
    }
    with override_settings(CACHES=caches, PAGE_CACHE_GENERATION="cache"):
        cache.clear()
        yield redis_server
        cache.clear()


def test_a_bump_in_another_process_reaches_this_one_through_redis(home, redis_pages):
    primed(home.url)
    other_client = RedisCache(redis_pages.url, {"KEY_PREFIX": PREFIX, "OPTIONS": OPTIONS})
    assert other_client.get(GENERATION_KEY) == generation()  # one number for both clients

    intro_changed_without_signals(home, "Cambiado en otra máquina.")
    assert "Cambiado en otra máquina." not in served(home.url).content.decode()  # still cached
    bump_in_another_process(REDIS_URL=redis_pages.url, CACHE_KEY_PREFIX=PREFIX)
    response = served(home.url)
    assert response["X-Page-Cache"] == "miss"
    assert "Cambiado en otra máquina." in response.content.decode()
    assert other_client.get(GENERATION_KEY) == generation()


def test_the_rows_generation_is_shared_through_redis_too(redis_pages):
    """The open-data files' kept rows (home/opendata/chunks.py) are exact across machines."""
    other_client = RedisCache(redis_pages.url, {"KEY_PREFIX": PREFIX, "OPTIONS": OPTIONS})
    before = rows_generation()
    assert other_client.get(ROWS_KEY) == before
    bump_in_another_process(REDIS_URL=redis_pages.url, CACHE_KEY_PREFIX=PREFIX)
    assert rows_generation() != before
    assert other_client.get(ROWS_KEY) == rows_generation()


def test_a_bump_in_another_process_reaches_this_one_through_the_file(home, tmp_path, settings):
    stamp = tmp_path / "page-cache-generation"
    settings.PAGE_CACHE_GENERATION = "file"
    settings.PAGE_CACHE_GENERATION_FILE = str(stamp)
    primed(home.url)
    before = generation()
    assert stamp.read_text() == str(before)

    intro_changed_without_signals(home, "Cambiado por otro proceso.")
    rows_before = rows_generation()
    assert (tmp_path / "page-cache-generation.rows").read_text() == str(rows_before)
    bump_in_another_process(PAGE_CACHE_GENERATION_FILE=str(stamp))  # local memory: "file"
    assert generation() != before
    assert rows_generation() != rows_before
    response = served(home.url)
    assert response["X-Page-Cache"] == "miss"
    assert "Cambiado por otro proceso." in response.content.decode()
