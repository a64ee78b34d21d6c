from django.apps import AppConfig


class PracticesConfig(AppConfig):
    name = "practices"
    verbose_name = "Buenas prácticas"
    demo = "demo"  # folder of demo YAML files, read by load_demo (home/demo/loader.py)
    demo_after = ("home", "directory")  # the index lives under home; partners are organisations
    opendata = "opendata"  # its DATASETS are published (home/opendata/dataset.py)

    def ready(self):
        from . import figures, signals  # noqa: F401  (figures registers itself on import)

        signals.connect()
