"""Redis (a real redis-server) as the shared cache: pages and figures are cached in it; when it
stops mid-test the site keeps answering, uncached, and /readyz says so; when it comes back the
cache works again by itself."""

import json

import pytest
from django.core.cache import cache
from django.test import override_settings

from .missions_index_factories import build_catalogue
from .servers import redis_server  # noqa: F401  (a fixture)

pytestmark = pytest.mark.django_db


def redis_cache(url):
    return {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": url,
            "KEY_PREFIX": "puente-test",
            "OPTIONS": {
                "SOCKET_CONNECT_TIMEOUT": 0.5,
                "SOCKET_TIMEOUT": 0.5,
                "IGNORE_EXCEPTIONS": True,
            },
        }
    }


@pytest.fixture
def with_redis(redis_server, settings):  # noqa: F811
    if redis_server.process is None:
        redis_server.start()
    with override_settings(
        CACHES=redis_cache(redis_server.url), DJANGO_REDIS_IGNORE_EXCEPTIONS=True
    ):
        cache.clear()
        yield redis_server
    if redis_server.process is None:
        redis_server.start()


def test_the_missions_index_is_cached_in_redis(client, mission_index, with_redis):
    import redis

    build_catalogue(mission_index)
    assert client.get(mission_index.url).status_code == 200
    keys = redis.Redis.from_url(with_redis.url).keys("puente-test:*missions-index:*")
    assert keys, "the index's figures were not stored in Redis"
    readiness = json.loads(client.get("/readyz").content)
    assert readiness["checks"]["cache"] == {
        "status": "ok",
        "ms": readiness["checks"]["cache"]["ms"],
        "detail": "RedisCache",
    }


def test_a_redis_outage_mid_test_serves_uncached_and_recovers(
    client, mission_index, home, with_redis
):
    build_catalogue(mission_index)
    before = client.get(mission_index.url)
    assert before.status_code == 200

    with_redis.stop()
    for url in (
        home.url,
        mission_index.url,
        f"{mission_index.url}data/missions.csv",
        "/es/buscar/?q=a",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
    during = client.get(mission_index.url)
    assert during.content == before.content  # the same page, computed without the cache
    readiness = client.get("/readyz")
    assert readiness.status_code == 200  # the database answers: still ready
    assert json.loads(readiness.content)["checks"]["cache"]["status"] == "unavailable"
    # Sign-in throttling and the password-reset limit do not fail either.
    assert client.post("/admin/login/", {"username": "x", "password": "y"}).status_code == 200
    assert client.post("/admin/password_reset/", {"email": "x@example.org"}).status_code == 302

    with_redis.start()
    assert client.get(mission_index.url).status_code == 200
    assert json.loads(client.get("/readyz").content)["checks"]["cache"]["status"] == "ok"
