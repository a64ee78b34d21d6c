from django.apps import AppConfig


class PracticesConfig(AppConfig):
    name = "practices"
    verbose_name = "Buenas prácticas"

    def ready(self):
        from . import figures, signals  # noqa: F401  (figures registers itself on import)

        signals.connect()
