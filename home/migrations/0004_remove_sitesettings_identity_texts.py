"""The texts now live in SiteIdentity (copied there by 0003): drop the old columns."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0003_copy_site_identity"),
    ]

    operations = [
        migrations.RemoveField(
            model_name="sitesettings",
            name="address",
        ),
        migrations.RemoveField(
            model_name="sitesettings",
            name="municipality_name",
        ),
        migrations.RemoveField(
            model_name="sitesettings",
            name="office_name",
        ),
    ]
