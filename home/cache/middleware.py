"""The anonymous page cache: a public response is rendered once per content generation.

Anonymous GET and HEAD requests for public addresses (pages, lists with their query strings,
feeds, sitemaps, open-data files, API lists, PDFs) are answered from the configured cache when
an entry exists for the same scheme, host, path and query string, language and local date, and
was stored at the current content generation (home/cache/__init__.py). Anything published
bumps the generation, so no entry made before the change is ever served after it.

Never cached: the admin, documents, static and media files, health checks; requests with a
session or messages cookie (logged-in users, previews, flashed messages) or an Authorization
header; POSTs; responses other than 200, responses that set a cookie (a CSRF token was used),
that say ``private``/``no-store``, vary on everything, are encoded, or exceed
PAGE_CACHE_MAX_BYTES.

Browsers get ``Cache-Control: no-cache`` with an ETag (unless the view chose its own policy):
they revalidate on every visit, and an unchanged page costs a 304 from the cache. So a visitor
never sees an old page after a change, in the browser either.
"""

import hashlib

from django.conf import settings
from django.http import HttpResponse, StreamingHttpResponse
from django.utils import timezone, translation
from django.utils.cache import get_conditional_response
from django.utils.http import parse_http_date_safe

from . import _cache, generation_and

STATUS_HEADER = "X-Page-Cache"
# Set per request by middleware outside this one, or never to be replayed to another visitor.
PERSONAL_HEADERS = {"set-cookie", "x-request-id"}
EXCLUDED_PREFIXES = ("/admin/", "/django-admin/", "/documents/", "/i18n/", "/healthz", "/readyz")


def enabled():
    return getattr(settings, "PAGE_CACHE_ENABLED", True)


def _excluded_prefixes():
    return EXCLUDED_PREFIXES + tuple(
        prefix for prefix in (settings.STATIC_URL, settings.MEDIA_URL) if prefix
    )


def cache_key(request):
    """The entry's key for this request, or None when the request must not use the cache."""
    if request.method not in ("GET", "HEAD") or not enabled():
        return None
    path = request.path_info
    if path.startswith(_excluded_prefixes()):
        return None
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or "messages" in cookies:
        return None
    if "HTTP_AUTHORIZATION" in request.META:
        return None
    try:
        host = request.get_host()
    except Exception:  # DisallowedHost: Django answers it, uncached
        return None
    language = translation.get_language_from_path(path) or translation.get_language_from_request(
        request
    )
    address = (
        f"{request.scheme}://{host}{request.get_full_path()}|{language}|{timezone.localdate()}"
    )
    return "page:" + hashlib.sha256(address.encode()).hexdigest()


def storable(request, response):
    if request.method != "GET" or response.status_code != 200:
        return False
    if response.cookies or getattr(request, "is_preview", False):
        return False
    if "Content-Encoding" in response:
        return False
    control = response.get("Cache-Control", "").lower()
    if "private" in control or "no-store" in control:
        return False
    if response.get("Vary", "").strip() == "*":
        return False
    user = getattr(request, "user", None)
    return not (user is not None and user.is_authenticated)


def _conditional(request, response):
    return get_conditional_response(
        request,
        etag=response.get("ETag"),
        last_modified=parse_http_date_safe(response.get("Last-Modified", "")),
        response=response,
    )


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = cache_key(request)
        if key is None:
            return self.get_response(request)
        cache = _cache()
        current, entry = generation_and(key)
        if current is None:  # the cache is down: serve uncached
            return self.get_response(request)
        if entry is not None and entry[0] == current:
            return _conditional(request, self.replay(entry))
        response = self.get_response(request)
        if not storable(request, response):
            return response
        if "Cache-Control" not in response:
            response["Cache-Control"] = "no-cache"
        response[STATUS_HEADER] = "miss"
        headers = [
            (name, value)
            for name, value in response.items()
            if name.lower() not in PERSONAL_HEADERS and name != STATUS_HEADER
        ]
        limit = getattr(settings, "PAGE_CACHE_MAX_BYTES", 5 * 1024 * 1024)
        timeout = getattr(settings, "PAGE_CACHE_SECONDS", 24 * 60 * 60)

        streaming = response.streaming

        def store(body):
            cache.set(key, (current, streaming, headers, body), timeout)

        if streaming:
            response.streaming_content = _tee(response.streaming_content, limit, store)
            return response
        body = response.content
        if len(body) > limit:
            return response
        if "ETag" not in response:
            digest = hashlib.md5(body, usedforsecurity=False).hexdigest()
            response["ETag"] = f'"{digest}"'
            headers.append(("ETag", response["ETag"]))
        store(body)
        return _conditional(request, response)

    @staticmethod
    def replay(entry):
        """The stored response, streamed again if it was streamed (a file, a CSV)."""
        _generation, streaming, headers, body = entry
        response = StreamingHttpResponse([body]) if streaming else HttpResponse(body)
        for name, value in headers:
            response[name] = value
        response["Content-Length"] = str(len(body))
        response[STATUS_HEADER] = "hit"
        return response


def _tee(content, limit, store):
    """Pass a streamed body through, keeping a copy to store once it has been sent whole."""
    chunks, size = [], 0
    for chunk in content:
        if chunks is not None:
            size += len(chunk)
            if size > limit:
                chunks = None
            else:
                chunks.append(chunk)
        yield chunk
    if chunks is not None:
        store(b"".join(chunks))
