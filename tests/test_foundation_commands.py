"""Management commands: the demo loader and the message-catalogue tools."""

from io import StringIO

import polib
import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.test import override_settings
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Revision
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.models import Translation

from home.models import HomePage


def _counts():
    counts = {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "users": get_user_model().objects.count(),
        "images": get_image_model().objects.count(),
        "documents": get_document_model().objects.count(),
        "translations": Translation.objects.count(),
        "locales": Locale.objects.count(),
    }
    for model in get_snippet_models():
        counts[model._meta.label] = model.objects.count()
    return counts


@pytest.mark.django_db
def test_load_demo_builds_a_bilingual_site_and_is_idempotent():
    first = StringIO()
    call_command("load_demo", stdout=first)
    assert "Admin user created — username: admin  password: " in first.getvalue()
    assert {home.locale.language_code for home in HomePage.objects.live()} == {"es", "en"}
    before = _counts()
    assert before["pages"] > 4 and before["users"] == 1

    second = StringIO()
    call_command("load_demo", stdout=second)
    assert _counts() == before
    assert "Admin user 'admin' exists; its password is unchanged." in second.getvalue()
    assert "password: " not in second.getvalue()


def _po(locale_dir, language):
    return locale_dir / language / "LC_MESSAGES" / "django.po"


def _translate_all(locale_dir):
    """Stand in for the translator: every Spanish entry gets a translation, then compile."""
    po = polib.pofile(str(_po(locale_dir, "es")))
    for entry in po:
        if entry.msgid_plural:
            entry.msgstr_plural = dict.fromkeys(range(3), f"ES {entry.msgid_plural}")
        else:
            entry.msgstr = f"ES {entry.msgid}"
    po.save()
    call_command("update_catalogues", "--compile-only", stdout=StringIO())


def test_catalogue_check_passes_when_fresh_and_fails_when_stale(tmp_path):
    locale_dir = tmp_path / "locale"
    with override_settings(LOCALE_PATHS=[str(locale_dir)]):
        call_command("update_catalogues", stdout=StringIO())
        assert _po(locale_dir, "es").exists() and _po(locale_dir, "en").exists()
        with pytest.raises(CommandError, match="es: untranslated strings"):
            call_command("check_catalogues", stdout=StringIO())

        _translate_all(locale_dir)
        out = StringIO()
        call_command("check_catalogues", stdout=out)
        assert "up to date" in out.getvalue()

        # Stale: a source string missing from the Spanish catalogue, an unchecked translation
        # in the English one, and a Spanish catalogue edited but not compiled.
        spanish = polib.pofile(str(_po(locale_dir, "es")))
        missing = spanish[0]
        spanish.remove(missing)
        spanish[0].msgstr = "Otra traducción"
        spanish.save()
        english = polib.pofile(str(_po(locale_dir, "en")))
        english[1].msgstr = "Checked later"
        english[1].flags.append("fuzzy")
        english.save()
        # A plural entry with fewer forms than Spanish's Plural-Forms says (nplurals=3).
        plural = next(entry for entry in spanish if entry.msgid_plural)
        plural.msgstr_plural = {0: "ES uno", 1: "ES varios"}
        spanish.save()
        with pytest.raises(CommandError) as error:
            call_command("check_catalogues", stdout=StringIO())
    message = str(error.value)
    assert f"es: strings missing from the catalogue: {missing.msgid!r}" in message
    assert "en: fuzzy (unchecked) translations" in message
    assert f"es: plural strings without all 3 forms: {plural.msgid!r}" in message
    assert "es/LC_MESSAGES/django.mo does not match django.po" in message
