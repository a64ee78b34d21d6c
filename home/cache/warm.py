"""Render the most read addresses again right after a change, in the background.

After an editor's change every kept response and part is stale (home/cache/__init__.py), and
the first visitor to each address pays for rendering it again: at thousands of missions,
hundreds of milliseconds for the missions index and seconds for its full open-data files.
With a task queue (TASKS_BACKEND=database and a ``manage.py db_worker``), each change queues
``warm_site``, which requests those addresses as an anonymous visitor would, through the whole
middleware stack, so what it renders is what the page cache, the kept parts and the kept
open-data files (home/opendata/kept.py) then serve.

The addresses (``addresses()``): every live, public page at the top of the tree (each
language's home and the sections under it, the index pages among them), in every language and
on every site, at the site's own address, and the full files of each dataset that asks for it
(``Dataset.warm_after_change``: the missions table's CSV, the costliest file that is kept).

Exact by construction: a task carries the generation its change made and renders only while
that generation is current. A later change queues a task of its own, so an older task stops at
its next address (what it rendered was keyed on its generation and is never served after the
change). PAGE_CACHE_WARM turns it on; it is on by default only with both the database queue
(with the immediate backend every editor's save would wait for the renders) and a shared cache
(Redis: a worker's local memory is its own, and the web processes would never see its renders).
"""

import logging
from urllib.parse import urlsplit

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django_tasks import task

from . import generation

logger = logging.getLogger(__name__)


def enabled():
    return getattr(settings, "PAGE_CACHE_WARM", False)


def _enqueue():
    current = generation()
    if current is not None:
        warm_site.enqueue(current)


def schedule(**kwargs):
    """Queue a warm-up once the current transaction commits (at once outside one): one per
    transaction, however many saves it makes. Connected to ``home.cache.bumped``."""
    if not enabled():
        return
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        _enqueue()
    elif not any(callback is _enqueue for _s, callback, _r in connection.run_on_commit):
        transaction.on_commit(_enqueue, robust=True)


def addresses():
    """(scheme, host, path) of each address to warm, top pages first, in tree order."""
    from wagtail.models import Page

    from home.opendata.dataset import datasets

    from ..pages import TOP_DEPTH

    pages = Page.objects.live().public().filter(depth__gt=1, depth__lte=TOP_DEPTH)
    found = [page.get_full_url() for page in pages.order_by("path")]
    for dataset in datasets():
        if not dataset.warm_after_change:
            continue
        model = apps.get_model(dataset.index_page)
        for index in model.objects.live().public().order_by("path"):
            base = index.get_full_url()
            if base is None:
                continue
            found += [f"{base}data/{name}" for name in dataset.warm_after_change]
    result = []
    for url in found:
        if url:  # None: a page outside every site
            parts = urlsplit(url)
            result.append((parts.scheme, parts.netloc, parts.path))
    return result


@task()
def warm_site(made_at):
    """Request every address of ``addresses()`` while the content generation is ``made_at``;
    the number of addresses that answered 200 (any other answer is logged)."""
    from django.test import Client

    done = 0
    for scheme, host, path in addresses():
        if generation() != made_at:
            break  # a later change has queued a warm-up of its own
        client = Client(raise_request_exception=False, HTTP_HOST=host)
        response = client.get(path, secure=scheme == "https")
        if response.streaming:  # read to the end (a file is kept only then); the client
            for _chunk in response.streaming_content:  # closes the response, as a WSGI
                pass  # server does, without closing this process's database connection
        if response.status_code == 200:
            done += 1
        else:
            logger.warning("page cache warm-up: %s%s answered %s", host, path, response.status_code)
    return done
