"""Production: everything from the environment; refuses to start without what it needs."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env_bool, env_list

for required in ("SECRET_KEY", "ALLOWED_HOSTS"):
    if not os.environ.get(required):
        raise ImproperlyConfigured(
            f"The {required} environment variable is required in production."
        )

SECRET_KEY = os.environ["SECRET_KEY"]
# Django's own deployment check only warns about a weak key; here it stops start-up.
if len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5 or SECRET_KEY.startswith("django-insecure-"):
    raise ImproperlyConfigured(
        "SECRET_KEY must be at least 50 characters with at least 5 different ones "
        "(e.g. python3 -c 'import secrets; print(secrets.token_urlsafe(50))')."
    )
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
DEBUG = False

# Only behind a proxy that sets X-Forwarded-Proto itself (and strips the client's): otherwise
# any client could claim its plain-HTTP request was HTTPS.
if env_bool("PROXY_SETS_X_FORWARDED_PROTO", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
LANGUAGE_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
if os.environ.get("LOG_FORMAT", "json") == "json":
    LOGGING["handlers"]["console"]["formatter"] = "json"  # noqa: F405

# Wagtail's preview panel shows the page in a same-origin frame, so X-Frame-Options stays
# SAMEORIGIN (base.py) rather than DENY; every other deployment check must pass.
SILENCED_SYSTEM_CHECKS = ["security.W019"]
