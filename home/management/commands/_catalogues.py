"""Shared by update_catalogues and check_catalogues: how the site's message catalogues are built.

One set of catalogues for the whole site lives in site/locale (settings.LOCALE_PATHS[0]).
Source strings are English; Spanish must be fully translated, English may stay empty (Django
then shows the English source string).
"""

import contextlib
import fcntl
import hashlib
import os
import tempfile
from pathlib import Path

import polib
from django.conf import settings
from django.core.management import call_command
from django.test.utils import override_settings

LANGUAGES = [code for code, _name in settings.LANGUAGES]
MUST_TRANSLATE = [settings.LANGUAGE_CODE]
# Folders whose strings no visitor or editor reads, or that are not the project's code.
IGNORE = [".venv", "var", "node_modules", "tests", "scripts", "locale", "static", "media"]


def po_path(locale_dir, language):
    return Path(locale_dir) / language / "LC_MESSAGES" / "django.po"


@contextlib.contextmanager
def _one_at_a_time():
    """makemessages writes a temporary ``.py`` copy beside each template it reads and deletes
    it after: two runs in one checkout at once (CI's SQLite and PostgreSQL phases, both
    checking the catalogues) would read or delete each other's. A lock per checkout serialises
    them."""
    checkout = hashlib.sha256(str(Path(settings.BASE_DIR).resolve()).encode()).hexdigest()[:16]
    path = Path(tempfile.gettempdir()) / f"puente-makemessages-{checkout}.lock"
    with open(path, "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def make_messages(locale_dir, stdout=None):
    """Regenerate the .po files in ``locale_dir`` from the source (no locations: less churn)."""
    locale_dir = Path(locale_dir)
    locale_dir.mkdir(parents=True, exist_ok=True)
    cwd = os.getcwd()
    os.chdir(settings.BASE_DIR)
    try:
        with _one_at_a_time(), override_settings(LOCALE_PATHS=[str(locale_dir)]):
            call_command(
                "makemessages",
                locale=LANGUAGES,
                domain="django",
                ignore_patterns=IGNORE,
                no_location=True,
                no_obsolete=True,
                verbosity=0,
                stdout=stdout,
            )
    finally:
        os.chdir(cwd)
    for language in LANGUAGES:
        _tidy_header(po_path(locale_dir, language), language)


def _tidy_header(path, language):
    """Replace xgettext's placeholder header, and drop the date that changes on every run."""
    po = polib.pofile(str(path), wrapwidth=79)
    po.header = "Puente: the site's interface strings. Source strings are in English."
    po.metadata_is_fuzzy = False
    po.metadata.pop("POT-Creation-Date", None)
    po.metadata.pop("PO-Revision-Date", None)
    po.metadata.update(
        {
            "Project-Id-Version": "puente",
            "Last-Translator": "",
            "Language-Team": "",
            "Language": language,
        }
    )
    po.save(str(path))


def compile_messages(locale_dir):
    """Write each .mo next to its .po with polib, so no gettext install is needed to run."""
    for language in LANGUAGES:
        po = polib.pofile(str(po_path(locale_dir, language)))
        po.save_as_mofile(str(po_path(locale_dir, language).with_suffix(".mo")))


def entry_key(entry):
    return (entry.msgctxt or "", entry.msgid, entry.msgid_plural or "")


def msgids(po):
    return {entry_key(entry) for entry in po if not entry.obsolete}


def translations(catalogue):
    """{key: msgstr or plural forms} for each translated entry of a .po or .mo file."""
    result = {}
    for entry in catalogue.translated_entries():
        value = entry.msgstr_plural and tuple(sorted(entry.msgstr_plural.items())) or entry.msgstr
        result[entry_key(entry)] = value
    return result
