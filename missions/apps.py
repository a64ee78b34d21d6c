from django.apps import AppConfig


class MissionsConfig(AppConfig):
    name = "missions"
    verbose_name = "Misiones"
    demo = "demo"  # folder of demo YAML files, read by load_demo (home/demo/loader.py)
    demo_after = (
        "home",
        "directory",
        "practices",
    )  # results point at people, organisations, practices
    opendata = "opendata.datasets"  # its DATASETS are published (home/opendata/dataset.py)

    def ready(self):
        from wagtail.signals import page_published

        from . import figures  # noqa: F401  (registers the home page's mission figures)
        from .models import MissionPage
        from .models.corrections import publish_correction

        page_published.connect(
            publish_correction, sender=MissionPage, dispatch_uid="missions_publish_correction"
        )
