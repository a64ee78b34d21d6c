"""PostgreSQL text-search configurations for each language, accents ignored: ``puente_es`` and
``puente_en`` are ``spanish`` and ``english`` with ``unaccent`` before the stemmer. Nothing is
done on other databases. Without permission to create the ``unaccent`` extension, the
configurations are plain copies (stemming, but accents matter)."""

from django.db import migrations

CONFIGURATIONS = {"puente_es": "spanish", "puente_en": "english"}


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SAVEPOINT puente_unaccent")
        try:
            cursor.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
            cursor.execute("RELEASE SAVEPOINT puente_unaccent")
            unaccent = True
        except Exception:
            cursor.execute("ROLLBACK TO SAVEPOINT puente_unaccent")
            unaccent = False
        for name, parent in CONFIGURATIONS.items():
            cursor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name}")
            cursor.execute(f"CREATE TEXT SEARCH CONFIGURATION {name} (COPY = {parent})")
            if unaccent:
                cursor.execute(
                    f"ALTER TEXT SEARCH CONFIGURATION {name} ALTER MAPPING FOR "
                    f"hword, hword_part, word WITH unaccent, {parent}_stem"
                )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        for name in CONFIGURATIONS:
            cursor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = []

    operations = [migrations.RunPython(create, drop, elidable=False)]
