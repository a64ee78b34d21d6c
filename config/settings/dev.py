"""Local development: DEBUG on, a throwaway key, plain static files, e-mail to the console."""

import os

from .base import *  # noqa: F403
from .base import VAR_DIR, env_bool, env_list

VAR_DIR.mkdir(parents=True, exist_ok=True)  # the default SQLite database and media live here

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = os.environ.get("SECRET_KEY") or "dev-only-insecure-key-never-used-in-production"
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
