"""Pages that many parts of one request look up: read once per request.

The home page's figures, its latest missions and the links between sections each need "the
missions index in this language" (or the practices', the standards'…). ``index_page`` reads it
once per request and hands the same page to every caller. The memo lives only while Django
serves a request (from ``request_started`` to ``request_finished``, per thread), so a page
published between two requests is seen by the next one, and code outside a request (a
command, a test calling a function directly) always reads the database.
"""

import threading

from django.core.signals import request_finished, request_started

_state = threading.local()


def _start(**kwargs):
    _state.pages = {}


def _finish(**kwargs):
    _state.pages = None


request_started.connect(_start, dispatch_uid="home_pages_memo_start")
request_finished.connect(_finish, dispatch_uid="home_pages_memo_finish")


def index_page(model, locale):
    """The first live ``model`` page (in tree order) in ``locale`` (a Locale or its id), or None."""
    locale_id = getattr(locale, "pk", locale)
    memo = getattr(_state, "pages", None)
    key = (model._meta.label_lower, locale_id)
    if memo is not None and key in memo:
        return memo[key]
    page = model.objects.live().filter(locale_id=locale_id).order_by("path").first()
    if memo is not None:
        memo[key] = page
    return page
