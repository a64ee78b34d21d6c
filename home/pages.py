"""What many parts of one request look up: read once per request.

The home page's figures, its latest missions and the links between sections each need "the
missions index in this language" (or the practices', the standards'…), and every
``public()`` page list needs the site's view restrictions. ``index_page`` and
``view_restrictions`` read them once per request and hand the same result to every caller.
The memo lives only while Django serves a request (from ``request_started`` to
``request_finished``, per thread), so a change made between two requests is seen by the next
one, and code outside a request (a command, a test calling a function directly) always reads
the database. A view restriction saved or deleted during a request empties the memo.

What every page reads and only an editor's change alters (``per_request(..., shared=True)``:
the view restrictions, the index pages, the menu, a page's translations, the site settings)
is also kept from one request to the next for as long as the content generation is unchanged
(home/cache/shared.py): exact, as every change bumps the generation.
"""

import threading

from django.core.signals import request_finished, request_started
from django.db.models.signals import post_delete, post_save

from .cache.shared import across_requests

_state = threading.local()


def _start(**kwargs):
    _state.memo = {}


def _finish(**kwargs):
    _state.memo = None


def _forget_restrictions(**kwargs):
    memo = getattr(_state, "memo", None)
    if memo is not None:
        memo.pop("view_restrictions", None)


request_started.connect(_start, dispatch_uid="home_pages_memo_start")
request_finished.connect(_finish, dispatch_uid="home_pages_memo_finish")


def per_request(key, compute, shared=False):
    """``compute()``, once per request for ``key`` (every time outside a request).

    ``shared``: also kept from one request to the next while the content is unchanged
    (home/cache/shared.py), for what every page reads and only an editor's change alters.
    """
    memo = getattr(_state, "memo", None)
    if memo is None:
        return compute()
    if key not in memo:
        memo[key] = across_requests(key, compute) if shared else compute()
    return memo[key]


def index_page(model, locale):
    """The first live ``model`` page (in tree order) in ``locale`` (a Locale or its id), or None."""
    locale_id = getattr(locale, "pk", locale)
    return per_request(
        ("index_page", model._meta.label_lower, locale_id),
        lambda: model.objects.live().filter(locale_id=locale_id).order_by("path").first(),
        shared=True,
    )


def default_locale():
    """Wagtail's ``Locale.get_default()`` (the site's source language), kept while the content
    is unchanged instead of a query per call."""
    from wagtail.models import Locale

    return per_request("default_locale", Locale.get_default, shared=True)


def view_restrictions():
    """Every page view restriction, with its page."""
    from wagtail.models import PageViewRestriction

    return per_request(
        "view_restrictions",
        lambda: list(PageViewRestriction.objects.select_related("page")),
        shared=True,
    )


def connect():
    from wagtail.models import PageViewRestriction

    for signal in (post_save, post_delete):
        signal.connect(
            _forget_restrictions, sender=PageViewRestriction, dispatch_uid="home_pages_memo_pvr"
        )
