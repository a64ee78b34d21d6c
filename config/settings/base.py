"""Settings shared by every environment: secure by default, configured by environment variables.

Each variable is listed, with its default, in the README's table.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from search.config import search_backends

BASE_DIR = Path(__file__).resolve().parent.parent.parent
SITE_DIR = BASE_DIR / "site"
VAR_DIR = Path(os.environ.get("PUENTE_VAR_DIR", BASE_DIR / "var"))


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "home",
    "directory",
    "missions",
    "practices",
    "partners",
    "standards",
    "returns",
    "portal",
    "search",
    "editors",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.settings",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.typed_table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "editors.apps.UsersConfig",  # wagtail.users, with group names in the admin's language
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_countries",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [SITE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# A reused connection is checked before each request (CONN_HEALTH_CHECKS): after a database
# restart or failover the next request reconnects instead of failing on the dead connection.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=env_bool("DATABASE_CONN_HEALTH_CHECKS", True),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: Spanish is the default; every URL carries its language prefix (/es/, /en/).
LANGUAGE_CODE = "es"
LANGUAGES = [("es", "Español"), ("en", "English")]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
LOCALE_PATHS = [SITE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = os.environ.get("TIME_ZONE", "America/Santiago")

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "static"))
STATICFILES_DIRS = [SITE_DIR / "static"]
MEDIA_URL = os.environ.get("MEDIA_URL", "/media/")
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
# Let Django serve uploaded media itself (a single machine without a front web server).
SERVE_MEDIA = env_bool("SERVE_MEDIA", False)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
if os.environ.get("MEDIA_STORAGE", "local") == "s3":
    # Uploads (images, renditions, documents, practice PDFs) in an S3-compatible bucket
    # (django-storages), shared by every instance behind the load balancer.
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ.get("AWS_STORAGE_BUCKET_NAME", ""),
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "access_key": os.environ.get("AWS_ACCESS_KEY_ID") or None,
            "secret_key": os.environ.get("AWS_SECRET_ACCESS_KEY") or None,
            "custom_domain": os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
            "location": os.environ.get("AWS_LOCATION", ""),
            # Image URLs stay stable (cacheable pages) unless the bucket is private.
            "querystring_auth": env_bool("AWS_QUERYSTRING_AUTH", False),
            "file_overwrite": False,
            "default_acl": None,
        },
    }
    # Documents go through Wagtail's view, so that privacy settings are always enforced.
    WAGTAILDOCS_SERVE_METHOD = "serve_view"

if os.environ.get("REDIS_URL"):
    from redis.backoff import NoBackoff
    from redis.retry import Retry

    # django-redis, so that a Redis outage is a cache miss (logged), never an error page: the
    # site then serves uncached. Short timeouts: a hung Redis must not hang the requests.
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "puente"),
            "OPTIONS": {
                "SOCKET_CONNECT_TIMEOUT": float(os.environ.get("REDIS_TIMEOUT", "0.5")),
                "SOCKET_TIMEOUT": float(os.environ.get("REDIS_TIMEOUT", "0.5")),
                "IGNORE_EXCEPTIONS": True,
                # No retries with backoff per call: under load, an outage must cost one
                # refused connection per cache call (make loadtest: with redis-py's default
                # retries, pages took over 15 s while Redis was down).
                "CONNECTION_POOL_KWARGS": {"retry": Retry(NoBackoff(), 0)},
            },
        }
    }
    DJANGO_REDIS_IGNORE_EXCEPTIONS = True
    # One traceback per cache call would flood the logs; /readyz reports the outage.
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = False
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            # Room for the cached pages of one process (home/cache/): about 35 KB each.
            "OPTIONS": {"MAX_ENTRIES": int(os.environ.get("PAGE_CACHE_MAX_ENTRIES", "1000"))},
        }
    }

# The anonymous page cache (home/cache/, README "Performance and caching"): PAGE_CACHE=false
# turns it off; entries are dropped after PAGE_CACHE_SECONDS whatever happens (the content
# generation, not this timeout, is what keeps them exact) and bodies over PAGE_CACHE_MAX_MB
# are not kept.
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE", True)
# Where the content generation lives: "cache" (shared caches: Redis) or "file" (local memory:
# a file that every process of the machine reads); empty picks by the cache backend.
PAGE_CACHE_GENERATION = os.environ.get("PAGE_CACHE_GENERATION", "")
PAGE_CACHE_GENERATION_FILE = os.environ.get("PAGE_CACHE_GENERATION_FILE", "")
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", str(24 * 60 * 60)))
PAGE_CACHE_MAX_BYTES = int(float(os.environ.get("PAGE_CACHE_MAX_MB", "5")) * 1024 * 1024)
# The missions table's CSV rows are kept in chunks (home/opendata/chunks.py) up to this much per
# file: with the local-memory cache each process holds its own, so the default is the cache's
# limit for one body there, and more room in Redis.
OPEN_DATA_CHUNKS_MAX_BYTES = int(
    float(os.environ.get("OPEN_DATA_CHUNKS_MAX_MB", "64" if os.environ.get("REDIS_URL") else "5"))
    * 1024
    * 1024
)
# A full open-data file larger than that is kept in the default storage (home/opendata/kept.py)
# up to this size; 0 keeps none there.
OPEN_DATA_STORED_MAX_BYTES = int(
    float(os.environ.get("OPEN_DATA_STORED_MAX_MB", "500")) * 1024 * 1024
)

EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "webmaster@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Search: the database backend, or OpenSearch at SEARCH_URL with the database as its fallback.
WAGTAILSEARCH_BACKENDS = search_backends(
    os.environ.get("SEARCH_URL"),
    prefix=os.environ.get("SEARCH_INDEX_PREFIX", "puente_"),
    timeout=float(os.environ.get("SEARCH_TIMEOUT", "0.5")),
)
SEARCH_BREAKER_SECONDS = int(os.environ.get("SEARCH_BREAKER_SECONDS", "30"))

WAGTAIL_SITE_NAME = "Puente"
WAGTAILADMIN_BASE_URL = os.environ.get("BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "txt", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = None

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "SAMEORIGIN"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# Logs on standard error, one JSON object a line (LOG_FORMAT=json, the production default) or
# plain text, each with the request's id (X-Request-ID) as request_id. With LOG_LEVEL=INFO
# every request is logged too (operations.middleware.RequestLogMiddleware).
LOG_FORMAT = os.environ.get("LOG_FORMAT", "text")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "request_id": {
            "()": "django_guid.log_filters.CorrelationId",
            "correlation_id_field": "request_id",
        }
    },
    "formatters": {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s %(request_id)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
            "timestamp": False,
        },
        "text": {"format": "%(asctime)s %(levelname)s [%(request_id)s] %(name)s: %(message)s"},
    },
    # The level is on the handler too: Django's own loggers propagate here whatever root's level.
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "level": os.environ.get("LOG_LEVEL", "WARNING"),
            "filters": ["request_id"],
            "formatter": "json" if LOG_FORMAT == "json" else "text",
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

SITE_SAMPLE_NOTICE = _("Sample data for a fictional municipality.")

# Review workflow (editors/): approval publishes what was approved; reviewers have no other
# way to publish. A waiting review is flagged after Site settings' "review_flag_days".
WAGTAIL_FINISH_WORKFLOW_ACTION = "editors.workflow.publish_approved"
WAGTAIL_WORKFLOW_CANCEL_ON_PUBLISH = True

# Spreadsheet import of missions (editors/importer): the largest workbook accepted.
MISSION_IMPORT_MAX_BYTES = int(os.environ.get("MISSION_IMPORT_MAX_MB", "5")) * 1024 * 1024

# Background tasks (django-tasks): the import's checking and saving, Wagtail's own tasks. They
# run inside the request unless TASKS_BACKEND=database, which queues them in the database
# (django-tasks-db) for a `manage.py db_worker` process. Its table always exists, so switching
# needs no migration.
INSTALLED_APPS += ["django_tasks", "django_tasks_db"]
TASKS_BACKENDS = {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
}
_tasks_backend = os.environ.get("TASKS_BACKEND", "immediate")
if _tasks_backend not in TASKS_BACKENDS:
    raise ImproperlyConfigured(
        f"TASKS_BACKEND={_tasks_backend!r}: use one of {', '.join(TASKS_BACKENDS)}."
    )
TASKS = {"default": {"BACKEND": TASKS_BACKENDS[_tasks_backend]}}
# After each change, render the most read addresses again in the background (home/cache/warm.py)
# so that their first visitor is served from the cache. On by default with both a task queue
# (with the immediate backend every editor's save would wait for the renders) and a shared
# cache (a worker's local memory is its own: the web processes would never see its renders).
PAGE_CACHE_WARM = env_bool(
    "PAGE_CACHE_WARM", _tasks_backend == "database" and bool(os.environ.get("REDIS_URL"))
)

# Security headers, login protection, request ids and health (config/settings/security.py and
# the operations app). Added here, at the end, so the lists above stay easy to read.
from .security import *  # noqa: E402, F403

INSTALLED_APPS += ["operations", "csp", "axes", "django_guid"]
# The page cache (home/cache/) sits just inside the request id and the request log, so a cached
# response keeps every header the middleware below it set and costs none of their work.
MIDDLEWARE = [
    "django_guid.middleware.guid_middleware",
    "operations.middleware.RequestLogMiddleware",
    "home.cache.middleware.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "operations.middleware.ContentSecurityPolicyMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "operations.middleware.CrossOriginResourcePolicyMiddleware",
    "operations.middleware.DocumentHeadersMiddleware",
    *(name for name in MIDDLEWARE if name != "django.middleware.security.SecurityMiddleware"),
    "axes.middleware.AxesMiddleware",
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
DJANGO_GUID = {
    "GUID_HEADER_NAME": "X-Request-ID",
    "VALIDATE_GUID": True,  # an incoming id that is not a UUID is replaced
    "RETURN_HEADER": True,
    "EXPOSE_HEADER": True,
    "INTEGRATIONS": [],
    "UUID_LENGTH": 32,
}
