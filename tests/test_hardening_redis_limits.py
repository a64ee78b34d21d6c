"""The password-reset limit counts in the shared Redis (a real redis-server), so every instance
behind the load balancer counts together: the counters are Redis keys, the limit holds, and a
request through another connection pool (another instance) sees the same count."""

import pytest
import redis
from django.core import mail
from django.core.cache import caches
from django.test import override_settings

from .servers import redis_server  # noqa: F401  (a fixture)
from .test_hardening_login import editor  # noqa: F401  (a fixture)
from .test_hardening_redis import redis_cache, with_redis  # noqa: F401  (fixtures)

pytestmark = pytest.mark.django_db


def reset(client, address, email="editora@example.org"):
    return client.post("/admin/password_reset/", {"email": email}, REMOTE_ADDR=address)


def test_the_password_reset_limit_is_counted_in_redis(client, editor, with_redis, settings):  # noqa: F811
    settings.PASSWORD_RESET_RATE = "2/h"
    assert reset(client, "10.7.0.1").status_code == 302
    keys = redis.Redis.from_url(with_redis.url).keys("puente-test:*")
    assert keys, "the rate-limit counters are not in Redis"
    # Another instance: its own connection pool to the same Redis.
    caches["default"].close()
    with override_settings(CACHES=redis_cache(with_redis.url)):
        assert reset(client, "10.7.0.2").status_code == 302
        refused = reset(client, "10.7.0.3")
    assert refused.status_code == 429
    assert "Demasiadas solicitudes" in refused.content.decode()
    assert len(mail.outbox) == 2
