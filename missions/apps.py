from django.apps import AppConfig


class MissionsConfig(AppConfig):
    name = "missions"
    verbose_name = "Misiones"

    def ready(self):
        from wagtail.signals import page_published

        from . import figures  # noqa: F401  (registers the home page's mission figures)
        from .models import MissionPage
        from .models.corrections import publish_correction

        page_published.connect(
            publish_correction, sender=MissionPage, dispatch_uid="missions_publish_correction"
        )
