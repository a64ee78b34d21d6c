from django.apps import AppConfig


class PartnersConfig(AppConfig):
    name = "partners"
    verbose_name = "Socios y actores"
    demo = "demo"  # folder of demo YAML files, read by load_demo (home/demo/loader.py)
    opendata = "opendata.datasets"  # its DATASETS are published (home/opendata/dataset.py)
    # organisations, themes, missions, and the city projects whose needs agreements answer
    demo_after = ("home", "directory", "practices", "missions", "returns")

    def ready(self):
        from . import objective_section  # noqa: F401  (registers the objective page's section)
