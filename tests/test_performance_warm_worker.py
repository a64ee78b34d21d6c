"""The warm-up after a change as production runs it (home/cache/warm.py): queued in the
database, run by a real ``manage.py db_worker`` process, into a real Redis that the site's
processes share; the first visitor after the change is served from that cache.

Its own module: a test on a committed database cannot share a module's rolled-back rows.
"""

import pytest
from django.test import Client
from django_tasks_db.models import DBTaskResult

from home.cache.warm import addresses

from .partners_factories import build_partner_site
from .servers import redis_server, run_worker  # noqa: F401  (redis_server: a fixture)
from .test_hardening_redis import redis_cache
from .test_performance_warm import CSV_ES, DIRECTORY_EN, MISSIONS_ES, WARM_TASK, retitle, visit


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_real_worker_warms_the_shared_cache_the_site_reads(
    settings,
    redis_server,  # noqa: F811
    tmp_path,
    django_capture_on_commit_callbacks,
):
    if redis_server.process is None:
        redis_server.start()
    prefix = f"puente-warm-{tmp_path.name}"
    settings.CACHES = redis_cache(redis_server.url)
    settings.CACHES["default"]["KEY_PREFIX"] = prefix
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.PAGE_CACHE_WARM = True
    data = build_partner_site()
    for path in ("/es/", "/en/"):
        Client().get(path)
    DBTaskResult.objects.all().delete()

    # Saved and published outside a transaction: each save queues a warm-up, and only the
    # newest, for the generation the last save made, renders.
    retitle(data["mission"], "Hermanamiento visto por el trabajador")
    queued = DBTaskResult.objects.filter(task_path=WARM_TASK)
    assert queued.count() >= 1 and not queued.exclude(status="READY").exists()
    run_worker(
        tmp_path, REDIS_URL=redis_server.url, CACHE_KEY_PREFIX=prefix, ALLOWED_HOSTS="testserver"
    )

    done = list(queued.order_by("enqueued_at").values_list("status", "return_value"))
    assert {status for status, _rendered in done} == {"SUCCESSFUL"}
    rendered = [count for _status, count in done]
    assert rendered[-1] == len(addresses()) and not any(rendered[:-1])
    for path in (MISSIONS_ES, CSV_ES, DIRECTORY_EN):
        served, text = visit(path)
        assert served == "hit", path
    assert "Hermanamiento visto por el trabajador" in visit(MISSIONS_ES)[1]
