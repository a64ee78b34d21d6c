from django.apps import AppConfig


class ReturnsConfig(AppConfig):
    """What international work brought home: carbon of travel, monthly statements."""

    name = "returns"
    verbose_name = "Retorno"
    default_auto_field = "django.db.models.BigAutoField"
    demo = "demo"  # folder of demo YAML files, read by load_demo (home/demo/loader.py)
    demo_after = ("home", "directory", "missions")  # legs belong to missions
    opendata = "opendata.datasets"  # its DATASETS are published (home/opendata/dataset.py)
