"""Translated content in the reader's language.

``in_locale`` is the one way to swap snippets or pages for their translation: a Spanish mission
points at Spanish snippets and its English translation at the English ones, whatever the editor
picked; an English practice page may point at Spanish themes kept in sync with its source.
``TRANSLATED_PAGE_FIELDS`` are the fields every page type translates (wagtail-localize).
"""

from wagtail_localize.fields import TranslatableField

TRANSLATED_PAGE_FIELDS = (
    TranslatableField("title"),
    TranslatableField("seo_title"),
    TranslatableField("search_description"),
    TranslatableField("slug"),
)


def in_locale(objects, locale, among=None, distinct=True):
    """Each translatable object swapped for its translation in ``locale`` (a Locale or its pk)
    when one exists, in one query; objects without one are kept as they are.

    ``among`` is where translations are looked up (default: every object of the model), e.g.
    ``Page.objects.live().public()`` to link only to pages a reader can open, or a list of
    objects already read (then no query). With
    ``distinct`` (the default) an object picked in both languages is kept once; without it
    the result matches ``objects`` position by position.
    """
    objects = list(objects)
    locale_id = getattr(locale, "pk", locale)
    foreign = {obj.translation_key for obj in objects if obj.locale_id != locale_id}
    if not foreign:
        return objects
    candidates = type(objects[0])._default_manager.all() if among is None else among
    if isinstance(candidates, (list, tuple)):  # already read (no query)
        found = [o for o in candidates if o.translation_key in foreign and o.locale_id == locale_id]
    else:
        found = candidates.filter(translation_key__in=foreign, locale_id=locale_id)
    translations = {obj.translation_key: obj for obj in found}
    swapped = [
        obj if obj.locale_id == locale_id else translations.get(obj.translation_key, obj)
        for obj in objects
    ]
    return list(dict.fromkeys(swapped)) if distinct else swapped
