"""Backups: one .tar.gz with the database's own dump and every media file, and its restore.

- SQLite: a consistent copy through SQLite's backup API (safe while the site runs).
- PostgreSQL: ``pg_dump --format=custom``, restored with ``pg_restore`` (client tools needed).
- Media: every file of the default storage (local disk or S3), with its SHA-256; not the
  open-data files kept there (home/opendata/kept.py), which are made again when asked for.

``manifest.json`` lists the database vendor and each file's name, size and hash; restore checks
them all before it changes anything, and ``--dry-run`` stops there.
"""

import datetime
import hashlib
import io
import json
import os
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connections

from home.opendata import kept

FORMAT = 1
DATABASE_MEMBER = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}


class BackupError(Exception):
    pass


def _sha256(data):
    return hashlib.sha256(data).hexdigest()


def media_names(storage=default_storage, folder=""):
    """Every file name in ``storage``, sorted (recursing into folders), but the open-data files
    kept there (made again from the database on their next download)."""
    if folder == kept.STORED_FOLDER:
        return []
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:
        return []
    names = [f"{folder}/{name}" if folder else name for name in files]
    for sub in folders:
        names += media_names(storage, f"{folder}/{sub}" if folder else sub)
    return sorted(names)


def _pg_env(settings_dict):
    env = dict(os.environ)
    if settings_dict.get("PASSWORD"):
        env["PGPASSWORD"] = str(settings_dict["PASSWORD"])
    return env


def _pg_args(settings_dict):
    args = ["--dbname", settings_dict["NAME"]]
    for option, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if settings_dict.get(key):
            args += [option, str(settings_dict[key])]
    return args


def _pg_tool(command, settings_dict):
    """Run pg_dump or pg_restore; its own message, not a traceback, when it fails."""
    try:
        subprocess.run(command, check=True, env=_pg_env(settings_dict), capture_output=True)
    except FileNotFoundError:
        raise BackupError(
            f"{command[0]} was not found: install PostgreSQL's client tools."
        ) from None
    except subprocess.CalledProcessError as error:
        message = error.stderr.decode(errors="replace").strip()
        raise BackupError(f"{command[0]} failed: {message}") from None


def dump_database(connection, path):
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        target = sqlite3.connect(path)
        try:
            connection.connection.backup(target)
        finally:
            target.close()
    elif connection.vendor == "postgresql":
        _pg_tool(
            ["pg_dump", "--format=custom", "--no-owner", "--file", str(path)]
            + _pg_args(connection.settings_dict),
            connection.settings_dict,
        )
    else:
        raise BackupError(f"Backups support SQLite and PostgreSQL, not {connection.vendor}.")


def _add(archive, name, data):
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = int(datetime.datetime.now().timestamp())
    archive.addfile(info, io.BytesIO(data))


def backup(output, database="default", storage=default_storage):
    """Write the backup to ``output`` (a path); return its manifest."""
    connection = connections[database]
    vendor = connection.vendor
    if vendor not in DATABASE_MEMBER:
        raise BackupError(f"Backups support SQLite and PostgreSQL, not {vendor}.")
    with tempfile.TemporaryDirectory() as scratch:
        dump = Path(scratch) / DATABASE_MEMBER[vendor]
        dump_database(connection, dump)
        dump_bytes = dump.read_bytes()
        manifest = {
            "format": FORMAT,
            "created": datetime.datetime.now(datetime.UTC).isoformat(),
            "database": {
                "vendor": vendor,
                "file": DATABASE_MEMBER[vendor],
                "sha256": _sha256(dump_bytes),
            },
            "media": [],
        }
        partial = Path(f"{output}.partial")
        with tarfile.open(partial, "w:gz") as archive:
            _add(archive, DATABASE_MEMBER[vendor], dump_bytes)
            for name in media_names(storage):
                with storage.open(name, "rb") as handle:
                    data = handle.read()
                _add(archive, f"media/{name}", data)
                manifest["media"].append({"name": name, "size": len(data), "sha256": _sha256(data)})
            _add(archive, "manifest.json", json.dumps(manifest, indent=2).encode())
        partial.replace(output)  # never a half-written backup under the final name
    return manifest


def read_backup(path):
    """The manifest and members of a backup, every checksum verified (BackupError if not)."""
    try:
        with tarfile.open(path, "r:gz") as archive:
            return _verified(archive, path)
    except (OSError, EOFError, tarfile.TarError) as error:
        raise BackupError(f"{path} is not a readable backup: {error}") from None


def _verified(archive, path):
    try:
        manifest = json.load(archive.extractfile("manifest.json"))
    except (KeyError, ValueError, AttributeError) as error:
        raise BackupError(f"{path} has no valid manifest.json: {error}") from None
    if manifest.get("format") != FORMAT:
        raise BackupError(f"Unknown backup format {manifest.get('format')!r}.")
    members = {}
    expected = [(manifest["database"]["file"], manifest["database"]["sha256"])]
    expected += [(f"media/{item['name']}", item["sha256"]) for item in manifest["media"]]
    for name, digest in expected:
        if name.startswith("/") or ".." in Path(name).parts:
            raise BackupError(f"Unsafe file name in the backup: {name}")
        try:
            data = archive.extractfile(name).read()
        except (KeyError, AttributeError):
            raise BackupError(f"{name} is missing from the backup.") from None
        if _sha256(data) != digest:
            raise BackupError(f"{name} does not match its checksum: the backup is damaged.")
        members[name] = data
    return manifest, members


def database_is_empty(connection):
    """No tables yet, or only what migrations create: no page below the top level (Wagtail's
    root and its welcome or home page), no image, no document."""
    tables = set(connection.introspection.table_names())
    checks = {
        "wagtailcore_page": "SELECT COUNT(*) FROM wagtailcore_page WHERE depth > 2",
        "wagtailimages_image": "SELECT COUNT(*) FROM wagtailimages_image",
        "wagtaildocs_document": "SELECT COUNT(*) FROM wagtaildocs_document",
    }
    with connection.cursor() as cursor:
        for table, query in checks.items():
            if table in tables:
                cursor.execute(query)
                if cursor.fetchone()[0]:
                    return False
    return True


def restore_database(connection, vendor, data):
    if vendor != connection.vendor:
        raise BackupError(
            f"The backup is of a {vendor} database; this site uses {connection.vendor}."
        )
    with tempfile.TemporaryDirectory() as scratch:
        dump = Path(scratch) / DATABASE_MEMBER[vendor]
        dump.write_bytes(data)
        if vendor == "sqlite":
            source = sqlite3.connect(dump)
            connection.ensure_connection()
            try:
                source.backup(connection.connection)
            finally:
                source.close()
        else:
            connection.close()
            _pg_tool(
                ["pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction"]
                + _pg_args(connection.settings_dict)
                + [str(dump)],
                connection.settings_dict,
            )


def restore_media(manifest, members, storage=default_storage):
    for item in manifest["media"]:
        name = item["name"]
        if storage.exists(name):
            storage.delete(name)
        saved = storage.save(name, ContentFile(members[f"media/{name}"]))
        if saved != name:
            raise BackupError(f"{name} was stored as {saved}.")
