"""manage.py backup and restore: the demo site backed up, restored into an empty database in
another directory, serves the same pages and the same open-data files byte for byte, with the
same media files; --dry-run and a damaged backup change nothing."""

import hashlib
import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

BASE_DIR = Path(settings.BASE_DIR)

FINGERPRINT = r"""
import hashlib, json, django
django.setup()
from django.test import Client
from wagtail.models import Page
from missions.models import MissionIndexPage
client = Client(HTTP_HOST="testserver")
urls = sorted(page.get_url() for page in Page.objects.live().filter(depth__gt=1).specific())
for index in MissionIndexPage.objects.live():
    for name in ("missions.csv", "missions.json", "cost-lines.csv", "results.json"):
        urls.append(index.get_url() + "data/" + name)
result = {}
for url in urls:
    response = client.get(url)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    result[url] = [response.status_code, hashlib.sha256(body).hexdigest()]
print(json.dumps(result))
"""


def environment(directory, database_url=None):
    environ = {
        key: value
        for key, value in os.environ.items()
        if key not in {"SECRET_KEY", "ALLOWED_HOSTS", "DEBUG", "DATABASE_URL", "MEDIA_ROOT"}
        and key != "DJANGO_ALLOW_ASYNC_UNSAFE"
    }
    environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "config.settings.dev",
            "DEBUG": "false",
            "SECRET_KEY": "k" + secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "testserver",
            "BASE_URL": "http://testserver",
            "SECURE_SSL_REDIRECT": "false",
            "SECURE_COOKIES": "false",
            "PUENTE_VAR_DIR": str(directory),
            "DATABASE_URL": database_url or f"sqlite:///{directory / 'db.sqlite3'}",
            "MEDIA_ROOT": str(directory / "media"),
            "LOG_LEVEL": "ERROR",
        }
    )
    return environ


def manage(directory, *args, check=True, database_url=None):
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=environment(directory, database_url),
        capture_output=True,
        text=True,
        timeout=900,
    )
    if check:
        assert result.returncode == 0, result.stdout + result.stderr
    return result


def fingerprint(directory, database_url=None):
    result = subprocess.run(
        [sys.executable, "-c", FINGERPRINT],
        cwd=BASE_DIR,
        env=environment(directory, database_url),
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def media(directory):
    root = directory / "media"
    return {
        str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


@pytest.fixture(scope="module")
def original(tmp_path_factory):
    """The demo site, and its backup."""
    directory = tmp_path_factory.mktemp("original")
    manage(directory, "migrate", "--noinput")
    manage(directory, "load_demo", "--no-admin")
    archive = directory.parent / "puente-backup.tar.gz"
    result = manage(directory, "backup", str(archive))
    assert "media files" in result.stdout
    return directory, archive, fingerprint(directory)


def test_a_restored_backup_serves_the_same_pages_and_files_byte_for_byte(original, tmp_path):
    directory, archive, pages = original
    assert len(pages) > 20
    assert all(status == 200 for status, _digest in pages.values()), pages
    manage(tmp_path, "migrate", "--noinput")
    result = manage(tmp_path, "restore", str(archive))
    assert "checksums verified" in result.stdout and "Restored." in result.stdout
    assert fingerprint(tmp_path) == pages
    assert media(tmp_path) == media(directory)
    assert media(directory), "the demo has images and documents"


def test_restore_dry_run_and_a_non_empty_database_change_nothing(original, tmp_path):
    directory, archive, _pages = original
    manage(tmp_path, "migrate", "--noinput")
    before = (tmp_path / "db.sqlite3").read_bytes()
    dry = manage(tmp_path, "restore", str(archive), "--dry-run")
    assert "Dry run: nothing was changed." in dry.stdout
    assert (tmp_path / "db.sqlite3").read_bytes() == before
    assert not (tmp_path / "media").exists() or media(tmp_path) == {}
    refused = manage(directory, "restore", str(archive), check=False)
    assert refused.returncode != 0
    assert "The database already has pages" in refused.stderr


def test_a_damaged_backup_is_refused_before_anything_changes(original, tmp_path):
    _directory, archive, _pages = original
    damaged = tmp_path / "damaged.tar.gz"
    data = bytearray(archive.read_bytes())
    data[len(data) // 2] ^= 0xFF
    damaged.write_bytes(bytes(data))
    manage(tmp_path, "migrate", "--noinput")
    before = (tmp_path / "db.sqlite3").read_bytes()
    result = manage(tmp_path, "restore", str(damaged), check=False)
    assert result.returncode != 0
    assert "backup" in result.stderr
    assert (tmp_path / "db.sqlite3").read_bytes() == before
