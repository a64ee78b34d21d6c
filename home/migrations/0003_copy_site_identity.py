"""Copy each site's office name, municipality and address into its Spanish SiteIdentity.

Nothing published is lost: the values move unchanged, and going back copies them home.
"""

import uuid

from django.conf import settings
from django.db import migrations


def _default_locale(Locale):
    return (
        Locale.objects.filter(language_code=settings.LANGUAGE_CODE).first()
        or Locale.objects.order_by("pk").first()
    )


def copy_to_identity(apps, schema_editor):
    SiteSettings = apps.get_model("home", "SiteSettings")
    SiteIdentity = apps.get_model("home", "SiteIdentity")
    locale = _default_locale(apps.get_model("wagtailcore", "Locale"))
    if locale is None:
        return
    for row in SiteSettings.objects.all():
        SiteIdentity.objects.get_or_create(
            site_id=row.site_id,
            locale=locale,
            defaults={
                "translation_key": uuid.uuid4(),
                "office_name": row.office_name,
                "municipality_name": row.municipality_name,
                "address": row.address,
            },
        )


def copy_back(apps, schema_editor):
    SiteSettings = apps.get_model("home", "SiteSettings")
    SiteIdentity = apps.get_model("home", "SiteIdentity")
    locale = _default_locale(apps.get_model("wagtailcore", "Locale"))
    for identity in SiteIdentity.objects.filter(locale=locale):
        SiteSettings.objects.filter(site_id=identity.site_id).update(
            office_name=identity.office_name,
            municipality_name=identity.municipality_name,
            address=identity.address,
        )


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0002_site_identity"),
    ]

    operations = [migrations.RunPython(copy_to_identity, copy_back)]
