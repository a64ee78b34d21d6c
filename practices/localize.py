"""Show shared snippets (themes, organizations) in the reader's language.

Practice pages keep their themes and partners synchronised with the Spanish source, so an
English page may point at Spanish snippet rows; these helpers swap each for its translation in
one query, keeping the original when no translation exists.
"""


def localized(objects, locale):
    objects = list(objects)
    if not objects:
        return []
    model = type(objects[0])
    missing = {obj.translation_key for obj in objects if obj.locale_id != locale.pk}
    translations = {}
    if missing:
        translations = {
            obj.translation_key: obj
            for obj in model.objects.filter(locale=locale, translation_key__in=missing)
        }
    return [
        obj if obj.locale_id == locale.pk else translations.get(obj.translation_key, obj)
        for obj in objects
    ]
