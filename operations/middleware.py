"""Headers django-csp and Django do not set by themselves, chosen by path.

- The Content-Security-Policy is django-csp's; the Wagtail admin's pages get the admin policy
  (settings.ADMIN_POLICY) instead of the public one, through django-csp's own ``replace``.
- Documents (Wagtail's serve view): no ``Content-Encoding: None`` (Wagtail's sendfile writes the
  guessed encoding even when there is none) and no empty ``ETag`` (a document without a hash).
- Cross-Origin-Resource-Policy: ``same-origin`` everywhere except open-data files and feeds,
  which other sites may load (they already send ``Access-Control-Allow-Origin: *``).
"""

import logging
import re
import time

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and request.path_info.startswith(settings.CSP_ADMIN_PATHS):
            replace = dict(settings.ADMIN_POLICY)
            replace.update(parts.replace or {})
            return PolicyParts(parts.config, parts.update, replace, parts.nonce)
        return parts


class CrossOriginResourcePolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.shared = re.compile(
            "|".join(re.escape(part) for part in settings.CORP_CROSS_ORIGIN_PATHS)
        )

    def __call__(self, request):
        response = self.get_response(request)
        if "Cross-Origin-Resource-Policy" not in response:
            shared = (
                self.shared.search(request.path_info)
                or response.get("Access-Control-Allow-Origin") == "*"
            )
            response["Cross-Origin-Resource-Policy"] = "cross-origin" if shared else "same-origin"
        return response


class DocumentHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.get("Content-Encoding") == "None":
            del response["Content-Encoding"]
        if response.get("ETag", "").strip('"W/ ') == "":
            response.headers.pop("ETag", None)
        return response


request_log = logging.getLogger("operations.requests")


class RequestLogMiddleware:
    """One INFO line per request: method, path, status, milliseconds (and the request id)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.monotonic()
        response = self.get_response(request)
        if request_log.isEnabledFor(logging.INFO):
            request_log.info(
                "%s %s %s",
                request.method,
                request.path,
                response.status_code,
                extra={
                    "method": request.method,
                    "path": request.path,
                    "status": response.status_code,
                    "ms": round((time.monotonic() - started) * 1000, 1),
                },
            )
        return response


def client_ip(request):
    """The client's address behind TRUSTED_PROXY_COUNT proxies (for django-ratelimit), the
    same one django-axes uses."""
    from axes.helpers import get_client_ip_address

    return get_client_ip_address(request)
