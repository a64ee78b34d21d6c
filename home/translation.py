"""Translate pages and snippets through wagtail-localize, segment by segment.

Used by the demo loader (home/demo/loader.py) and by tests so that English content is a real wagtail-localize
translation, synchronised with its Spanish source, never a copy of the Spanish text.
"""

from django.db import transaction
from wagtail.models import Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource


class MissingTranslation(KeyError):
    """A source string has no translation: refuse rather than publish Spanish text as English."""


@transaction.atomic
def translate_instance(instance, locale, translate, publish=True):
    """Create or update ``instance``'s translation into ``locale`` and return it.

    ``translate(text)`` returns the translation of each source segment. A segment it cannot
    translate raises :class:`MissingTranslation`, so nothing half-translated is saved.
    """
    if isinstance(instance, Page):
        instance = instance.specific
    source, created = TranslationSource.get_or_create_from_instance(instance)
    if not created:
        source.update_from_db()
        source.refresh_segments()
    translation, _ = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    for segment in segments:
        try:
            text = translate(segment.string.data)
        except KeyError as exc:
            raise MissingTranslation(
                f"No translation for {segment.string.data!r} in {instance!r}"
            ) from exc
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={"data": text, "translation_type": "manual", "tool_name": "Puente"},
        )
    # Translation.save_target() would fall back to Spanish text for missing strings and defer the
    # publish to transaction.on_commit (which publishes a stale copy of the page's tree fields,
    # and never runs inside a test transaction). Save a draft strictly, then publish it now.
    is_page = isinstance(instance, Page)
    translated, _created = source.create_or_update_translation(
        locale, publish=not is_page, copy_parent_pages=True, fallback=False
    )
    if is_page and publish:
        translated = Page.objects.get(pk=translated.pk).specific
        translated.get_latest_revision().publish()
        translated.refresh_from_db()
    return translated
