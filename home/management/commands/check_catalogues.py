"""Fail when the message catalogues are stale: CI runs it (`make test`).

The catalogues are regenerated into a temporary copy and compared with the committed ones, so
the check never changes the working tree.
"""

import re
import shutil
import tempfile
from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from ._catalogues import (
    LANGUAGES,
    MUST_TRANSLATE,
    entry_key,
    make_messages,
    msgids,
    po_path,
    translations,
)


def _plural_count(po):
    """nplurals from the catalogue's Plural-Forms header (Spanish has 3; None if absent)."""
    match = re.search(r"nplurals\s*=\s*(\d+)", po.metadata.get("Plural-Forms", ""))
    return int(match.group(1)) if match else None


def _describe(keys, limit=10):
    shown = [key[1] if not key[0] else f"{key[0]}|{key[1]}" for key in sorted(keys)[:limit]]
    more = f" … and {len(keys) - limit} more" if len(keys) > limit else ""
    return "; ".join(repr(text) for text in shown) + more


class Command(BaseCommand):
    help = "Check that site/locale is up to date with the source, translated and compiled."

    def add_arguments(self, parser):
        parser.add_argument(
            "--locale-dir",
            default=None,
            help="Catalogues to check (default: the first of settings.LOCALE_PATHS).",
        )

    def handle(self, *args, **options):
        committed = Path(options["locale_dir"] or settings.LOCALE_PATHS[0])
        problems = []
        with tempfile.TemporaryDirectory(prefix="catalogues-") as tmp:
            fresh = Path(tmp) / "locale"
            if committed.is_dir():
                shutil.copytree(committed, fresh)
            make_messages(fresh)
            for language in LANGUAGES:
                problems += self._check_language(committed, fresh, language)
        if problems:
            raise CommandError(
                "Message catalogues are stale; run `make messages`, translate, and commit:\n  "
                + "\n  ".join(problems)
            )
        self.stdout.write(self.style.SUCCESS("Message catalogues are up to date."))

    def _check_language(self, committed, fresh, language):
        po_file = po_path(committed, language)
        if not po_file.exists():
            return [f"{po_file} is missing"]
        po = polib.pofile(str(po_file))
        expected = msgids(polib.pofile(str(po_path(fresh, language))))
        actual = msgids(po)
        problems = []
        if expected - actual:
            problems.append(
                f"{language}: strings missing from the catalogue: {_describe(expected - actual)}"
            )
        if actual - expected:
            problems.append(
                f"{language}: strings no longer in the source: {_describe(actual - expected)}"
            )
        if language in MUST_TRANSLATE:
            untranslated = [entry_key(entry) for entry in po.untranslated_entries()]
            if untranslated:
                problems.append(f"{language}: untranslated strings: {_describe(untranslated)}")
        nplurals = _plural_count(po)
        if language in MUST_TRANSLATE and nplurals:
            # gettext falls back to the msgid when the form a number needs is missing, so a
            # Spanish plural entry with two forms of three shows "10 standards" in English.
            short = [
                entry_key(entry)
                for entry in po
                if entry.msgid_plural
                and not entry.obsolete
                and "fuzzy" not in entry.flags
                and any(not entry.msgstr_plural.get(n) for n in range(nplurals))
            ]
            if short:
                problems.append(
                    f"{language}: plural strings without all {nplurals} forms: {_describe(short)}"
                )
        fuzzy = [entry_key(entry) for entry in po.fuzzy_entries()]
        if fuzzy:
            problems.append(f"{language}: fuzzy (unchecked) translations: {_describe(fuzzy)}")
        mo_file = po_file.with_suffix(".mo")
        if not mo_file.exists():
            problems.append(f"{mo_file} is missing")
        elif translations(polib.mofile(str(mo_file))) != translations(po):
            problems.append(f"{mo_file} does not match {po_file.name}: compile it")
        return problems
