"""What every page's layout reads, kept across requests for as long as the content is unchanged.

The site settings and identity, the menu, a page's live translations (for the language
switcher, hreflang and the translation notice) and the site's view restrictions are the same
on every request until an editor changes something; reading them again on each request cost
four to six queries per page. ``across_requests(key, compute)`` keeps ``compute()``'s value in
the process and hands it back while:

- the content generation (home/cache/__init__.py) is the one it was computed at: every save,
  publish, move or delete bumps it, in every process and on every machine, so a value is never
  served after a change; it is read *before* computing, so a value computed while a change was
  being committed is labelled with the old generation and dropped on the next request;
- the configured cache has not been cleared since (a marker key in the cache): an operator's
  flush, or a test's ``cache.clear()`` after rolling its rows back, drops every value too.

When the generation cannot be read (Redis down) nothing is kept and every call computes.

The values are shared by every request of the process: callers treat them as read-only (the
site settings are copied per request, see ``SiteSettings.for_request``). The memo holds at
most ``MAX_ENTRIES`` values (one per page for the translations); past that it starts again.
"""

import threading

from . import _cache, _fresh, generation_and

MARKER_KEY = "site:shared-values"
MAX_ENTRIES = 4096

_lock = threading.Lock()
_state = {"token": None, "values": {}}


def _token():
    """(generation, marker) now, or None when the generation cannot be read."""
    try:
        current, marker = generation_and(MARKER_KEY)
        if current is None:
            return None
        if marker is None:
            _cache().add(MARKER_KEY, _fresh(), timeout=None)
            marker = _cache().get(MARKER_KEY)
            if marker is None:
                return None
    except Exception:  # the cache is unreachable: compute, keep nothing
        return None
    return current, marker


def across_requests(key, compute):
    """``compute()``, computed once per content generation for ``key`` (a hashable)."""
    token = _token()
    if token is None:
        return compute()
    with _lock:
        if _state["token"] != token:
            _state["token"], _state["values"] = token, {}
        values = _state["values"]
        if key in values:
            return values[key]
    value = compute()
    with _lock:
        if _state["token"] == token:
            if len(_state["values"]) >= MAX_ENTRIES:
                _state["values"] = {}
            _state["values"][key] = value
    return value


def forget():
    """Drop every kept value (the next call of each key computes)."""
    with _lock:
        _state["token"], _state["values"] = None, {}
