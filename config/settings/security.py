"""Security headers and login protection, shared by every environment (imported by base.py).

- Content-Security-Policy (django-csp): the public site loads its own styles and images only,
  and no script at all except the editors' user bar from our static files; the Wagtail admin
  gets the strictest policy it works with (operations/middleware.py picks it by path).
- Permissions-Policy (django-permissions-policy): every powerful feature off.
- Cross-Origin-Resource-Policy (operations/middleware.py): same-origin, except the open data.
- Login protection (django-axes) and password-reset throttling (django-ratelimit).
"""

import os
from datetime import timedelta
from urllib.parse import urlsplit

from csp.constants import NONE, SELF


def _origin(url):
    parts = urlsplit(url or "")
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else None


# Where uploaded images and documents are served from when it is not this site (S3, a CDN).
MEDIA_ORIGINS = [
    origin
    for origin in (
        _origin(os.environ.get("MEDIA_URL", "")),
        _origin(os.environ.get("AWS_S3_ENDPOINT_URL", ""))
        if os.environ.get("MEDIA_STORAGE") == "s3"
        else None,
    )
    if origin
]

PUBLIC_POLICY = {
    "default-src": [SELF],
    "script-src": [SELF],
    "style-src": [SELF],
    "img-src": [SELF, "data:", *MEDIA_ORIGINS],
    "media-src": [SELF, *MEDIA_ORIGINS],
    "font-src": [SELF],
    "connect-src": [SELF],
    "object-src": [NONE],
    "base-uri": [SELF],
    "form-action": [SELF],
    # The admin's preview shows the site in a same-origin frame, as X-Frame-Options SAMEORIGIN.
    "frame-ancestors": [SELF],
    "frame-src": [SELF],
    "worker-src": [SELF],
    "manifest-src": [SELF],
}

# The Wagtail admin, measured in Chromium (tests/test_hardening_csp_browser.py). Wagtail 8
# still writes inline scripts (the date and time widgets' initDateChooser(…), inline panels,
# multiple-chooser panels, and chooser modals whose HTML carries scripts, run by vendor.js),
# whose text varies by field, so neither nonces nor hashes can cover them: script-src needs
# 'unsafe-inline' (never 'unsafe-eval'; no other origin), and style-src too for its style
# attributes. Everything else is as strict as the public policy.
ADMIN_POLICY = {
    **PUBLIC_POLICY,
    "script-src": [SELF, "'unsafe-inline'"],
    "style-src": [SELF, "'unsafe-inline'"],
    "img-src": [SELF, "data:", "blob:", *MEDIA_ORIGINS],
    "connect-src": [SELF, *MEDIA_ORIGINS],
}

CONTENT_SECURITY_POLICY = {"DIRECTIVES": PUBLIC_POLICY}
CSP_ADMIN_PATHS = ("/admin/", "/django-admin/")

PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "encrypted-media",
        "fullscreen",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "picture-in-picture",
        "publickey-credentials-get",
        "screen-wake-lock",
        "sync-xhr",
        "usb",
        "xr-spatial-tracking",
    )
}

# Open-data files and feeds are meant to be used from other sites.
CORP_CROSS_ORIGIN_PATHS = (r"/data/", r"/feed/", r"/data-dictionary/")

SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
LANGUAGE_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"

# django-axes: after AXES_FAILURE_LIMIT wrong passwords for one username, or from one address,
# further attempts are refused for AXES_COOLOFF_MINUTES, even with the right password.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "30")))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "operations.lockouts.lockout_response"
AXES_USERNAME_FORM_FIELD = "username"
# Behind a load balancer the client's address is in X-Forwarded-For, set by the trusted proxies.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
if TRUSTED_PROXY_COUNT:
    AXES_IPWARE_PROXY_COUNT = TRUSTED_PROXY_COUNT
    AXES_IPWARE_META_PRECEDENCE_ORDER = ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR")
else:
    AXES_IPWARE_META_PRECEDENCE_ORDER = ("REMOTE_ADDR",)

# The password-reset form sends e-mail: at most this many requests per address and per e-mail.
PASSWORD_RESET_RATE = os.environ.get("PASSWORD_RESET_RATE", "5/h")
# With the cache (Redis) down the form still works, unthrottled, rather than refusing everyone.
RATELIMIT_FAIL_OPEN = True
RATELIMIT_IP_META_KEY = "operations.middleware.client_ip" if TRUSTED_PROXY_COUNT else "REMOTE_ADDR"

# No Gravatar: the admin would load avatars from another site.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# Uploaded documents must be what their extension says (operations/documents.py).
WAGTAILDOCS_DOCUMENT_FORM_BASE = "operations.documents.DocumentForm"
WAGTAIL_ENABLE_UPDATE_CHECK = False  # the admin would call releases.wagtail.org (and CSP blocks it)
