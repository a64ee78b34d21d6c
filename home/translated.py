"""Translated content in the reader's language: swapping snippets and pages for their translation."""


def in_locale(objects, locale_id):
    """Each translatable object swapped for its translation in ``locale_id`` when one exists.

    A Spanish mission points at Spanish snippets and its English translation at the English
    ones, whatever the editor picked, so filters by person, organization or objective match.
    """
    objects = list(objects)
    foreign = {obj.translation_key for obj in objects if obj.locale_id != locale_id}
    if not foreign:
        return objects
    model = type(objects[0])
    translations = {
        obj.translation_key: obj
        for obj in model.objects.filter(translation_key__in=foreign, locale_id=locale_id)
    }
    swapped = [
        obj if obj.locale_id == locale_id else translations.get(obj.translation_key, obj)
        for obj in objects
    ]
    return list(dict.fromkeys(swapped))  # picking both language versions keeps one
