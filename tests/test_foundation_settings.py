"""Settings are secure by default and production refuses to start half-configured."""

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

from django.conf import settings

BASE_DIR = Path(settings.BASE_DIR)


def _run(args, tmp_path, **env):
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"SECRET_KEY", "ALLOWED_HOSTS", "DEBUG", "DATABASE_URL"}
        and key != "DJANGO_ALLOW_ASYNC_UNSAFE"  # set for the tests, never in deployment
    }
    environment.update(
        {
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "PUENTE_VAR_DIR": str(tmp_path),
            **env,
        }
    )
    return subprocess.run(
        [sys.executable, *args],
        cwd=BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


SETUP = ["-c", "import django; django.setup(); print('started')"]


def test_production_refuses_to_start_without_secret_key(tmp_path):
    result = _run(SETUP, tmp_path, ALLOWED_HOSTS="puente.example.org")
    assert result.returncode != 0
    assert "The SECRET_KEY environment variable is required in production." in result.stderr


def test_production_refuses_to_start_without_allowed_hosts(tmp_path):
    result = _run(SETUP, tmp_path, SECRET_KEY=secrets.token_urlsafe(50))
    assert result.returncode != 0
    assert "The ALLOWED_HOSTS environment variable is required in production." in result.stderr


def test_production_passes_the_deployment_checks(tmp_path):
    result = _run(
        ["manage.py", "check", "--deploy", "--fail-level", "DEBUG"],
        tmp_path,
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="puente.example.org",
    )
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues (1 silenced)." in result.stdout


def test_base_settings_are_secure_by_default(tmp_path):
    code = """
import django
from django.core.exceptions import ImproperlyConfigured
django.setup()
from django.conf import settings as s
print(s.DEBUG, s.ALLOWED_HOSTS, s.DATABASES["default"]["NAME"])
try:
    s.SECRET_KEY
except ImproperlyConfigured:
    print("no secret key")
"""
    result = _run(["-c", code], tmp_path, DJANGO_SETTINGS_MODULE="config.settings.base")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        f"False [] {tmp_path / 'db.sqlite3'}",
        "no secret key",
    ]


def test_site_folder_is_not_a_python_package():
    assert (BASE_DIR / "site" / "templates").is_dir()
    assert not (BASE_DIR / "site" / "__init__.py").exists()


def test_static_files_get_hashed_names_and_whitenoise_serves_them():
    from config.settings import base

    backend = base.STORAGES["staticfiles"]["BACKEND"]
    assert backend == "whitenoise.storage.CompressedManifestStaticFilesStorage"
    assert "whitenoise.middleware.WhiteNoiseMiddleware" in base.MIDDLEWARE


def test_production_serves_media_only_when_asked(tmp_path):
    code = (
        "import django; django.setup(); from django.urls import resolve; "
        "print(resolve('/media/images/a.jpg').func.__name__)"
    )
    env = {"SECRET_KEY": secrets.token_urlsafe(50), "ALLOWED_HOSTS": "puente.example.org"}
    assert _run(["-c", code], tmp_path, SERVE_MEDIA="true", **env).stdout.strip() == "serve"
    # Without the flag the address falls through to the language redirect, not to the files.
    assert _run(["-c", code], tmp_path, **env).stdout.strip() != "serve"


def test_every_environment_variable_is_documented_in_the_readme():
    source = "\n".join(path.read_text() for path in (BASE_DIR / "config").rglob("*.py"))
    names = set(
        re.findall(r"""(?:environ(?:\.get)?[\[(]|env_(?:bool|list)\()["']([A-Z_]+)["']""", source)
    )
    assert {"SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "SEARCH_URL"} <= names
    readme = (BASE_DIR / "README.md").read_text()
    undocumented = sorted(name for name in names if f"| `{name}` |" not in readme)
    assert undocumented == []
