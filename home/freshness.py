"""Whether a translation lags behind its original.

wagtail-localize keeps, for each translated object, the source content it last extracted
(``TranslationSource``, refreshed by "Sync translated pages"). A translation is outdated when
its original changed after that: for a page, published after the last sync; for a snippet,
its fields differ from the extracted content. Used by the notice on translated pages
(home/templatetags) and by the admin report of translations to update (editors/reports.py).
"""

import json
from dataclasses import dataclass
from datetime import datetime

from django.core.serializers.json import DjangoJSONEncoder
from modelcluster.models import ClusterableModel, get_serializable_data_for_fields
from wagtail.models import Page
from wagtail_localize.models import TranslationSource


@dataclass
class Lag:
    original: object  # the original page or snippet, in its own language
    translated_on: datetime  # when the original's content was last brought into the translation
    original_updated_on: datetime | None  # when the original was last changed, when known


def page_lag(page, translations=None):
    """A Lag when ``page`` is a translation whose original was published after its last sync.

    ``translations``: the page's live translations from home.i18n.live_translations, which carry
    the last sync already, so the notice on every page costs no query of its own.
    """
    if translations is not None:
        original = next(
            (
                other
                for other in translations
                if other.synced_into_page is not None and other.locale_id != page.locale_id
            ),
            None,
        )
        if original is None or original.last_published_at is None:
            return None
        if original.last_published_at <= original.synced_into_page:
            return None
        return Lag(original, original.synced_into_page, original.last_published_at)
    source = (
        TranslationSource.objects.filter(
            object_id=page.translation_key, translations__target_locale_id=page.locale_id
        )
        .exclude(locale_id=page.locale_id)
        .first()
    )
    if source is None:
        return None
    original = (
        Page.objects.live().filter(translation_key=page.translation_key, locale_id=source.locale_id)
    ).first()
    if original is None or original.last_published_at is None:
        return None
    if original.last_published_at <= source.last_updated_at:
        return None
    return Lag(original, source.last_updated_at, original.last_published_at)


def source_content_changed(source, instance):
    """True when ``instance`` (the source object) no longer matches what was extracted."""
    if isinstance(instance, ClusterableModel):
        current = json.loads(instance.to_json())
    else:
        current = json.loads(
            json.dumps(get_serializable_data_for_fields(instance), cls=DjangoJSONEncoder)
        )
    return current != json.loads(source.content_json)
