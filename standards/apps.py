from django.apps import AppConfig


class StandardsConfig(AppConfig):
    name = "standards"
    verbose_name = "Estándares de servicio"
    demo = "demo"  # folder of demo YAML files, read by load_demo (home/demo/loader.py)
    # objectives; three standards count missions, one also the no-trips statements
    demo_after = ("home", "directory", "missions", "returns")
    opendata = "opendata"  # its DATASETS are published (home/opendata/dataset.py)

    def ready(self):
        from . import figures, objective_section, signals  # noqa: F401  (they register on import)

        signals.connect()
