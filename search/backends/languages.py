"""Which language a record is written in, and which language a reader searches in."""

from django.conf import settings
from django.utils import translation
from wagtail.models import Locale


def site_languages():
    return [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]


def default_language():
    return settings.LANGUAGE_CODE[:2]


def reader_language():
    """The active language, or the site's default outside a request."""
    language = (translation.get_language() or "")[:2]
    return language if language in site_languages() else default_language()


def languages_by_locale():
    """{locale id: language code}, read once per batch of records rather than once per record."""
    return dict(Locale.objects.values_list("pk", "language_code"))


def record_language(obj, languages=None):
    """The language of ``obj``: its locale's for translatable records, the default otherwise."""
    locale_id = getattr(obj, "locale_id", None)
    if locale_id is None:
        return default_language()
    if languages is None:
        languages = languages_by_locale()
    return (languages.get(locale_id) or default_language())[:2]
