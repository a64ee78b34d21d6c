"""The 2024 edition of the UK government's conversion factors (DESNZ), as published.

kg CO2e per passenger-km ("Business travel – air", with and without the radiative-forcing
effect; the air factors assume the 8 % great-circle distance uplift, stored as
``distance_uplift``) and "Business travel – land" (national rail, coach; the average car is
per vehicle-km). A later edition is added by a new migration with its own rows; old rows stay,
so past figures can be recomputed or kept (manage.py recompute_travel_emissions).
"""

from decimal import Decimal

from django.db import migrations

EDITION = 2024
SOURCE = (
    "UK Department for Energy Security and Net Zero (DESNZ), Greenhouse gas reporting: "
    "conversion factors 2024, Business travel – air / land"
)
URL = "https://www.gov.uk/government/publications/greenhouse-gas-reporting-conversion-factors-2024"
AIR_UPLIFT = Decimal("0.08")

# (mode, haul, cabin, with RF, without RF, per vehicle)
FACTORS = [
    ("air", "domestic", "average", "0.24587", "0.13552", False),
    ("air", "short", "average", "0.15353", "0.08461", False),
    ("air", "short", "economy", "0.15102", "0.08323", False),
    ("air", "short", "business", "0.22652", "0.12484", False),
    ("air", "long", "average", "0.19309", "0.10641", False),
    ("air", "long", "economy", "0.14981", "0.08256", False),
    ("air", "long", "premium_economy", "0.23971", "0.13210", False),
    ("air", "long", "business", "0.43442", "0.23941", False),
    ("air", "long", "first", "0.59922", "0.33022", False),
    ("rail", "", "", "0.03546", "0.03546", False),
    ("coach", "", "", "0.02733", "0.02733", False),
    ("car", "", "", "0.16984", "0.16984", True),
]


def add_factors(apps, schema_editor):
    EmissionFactor = apps.get_model("returns", "EmissionFactor")
    for mode, haul, cabin, with_rf, without_rf, per_vehicle in FACTORS:
        EmissionFactor.objects.update_or_create(
            edition=EDITION,
            mode=mode,
            haul=haul,
            cabin=cabin,
            defaults={
                "kg_per_km_with_rf": Decimal(with_rf),
                "kg_per_km_without_rf": Decimal(without_rf),
                "per_vehicle": per_vehicle,
                "distance_uplift": AIR_UPLIFT if mode == "air" else Decimal(0),
                "source": SOURCE,
                "source_url": URL,
            },
        )


def remove_factors(apps, schema_editor):
    apps.get_model("returns", "EmissionFactor").objects.filter(edition=EDITION).delete()


class Migration(migrations.Migration):
    dependencies = [("returns", "0001_travel_statements_projects")]

    operations = [migrations.RunPython(add_factors, remove_factors)]
