from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Inicio y páginas"
    demo = "demo"  # folder of demo YAML files, read by load_demo (home/demo/loader.py)

    def ready(self):
        from . import privacy, serving
        from .cache import bumped
        from .cache import signals as cache_signals
        from .cache.warm import schedule as schedule_warm_up
        from .opendata.spreadsheets import protect_wagtail_exports

        privacy.install()  # public() without a query of its own (home/privacy.py)
        serving.install()  # one query per level of a page's address (home/serving.py)
        cache_signals.connect()  # every change of published content bumps the page cache
        # and, with PAGE_CACHE_WARM, queues the warm-up of the most read addresses
        bumped.connect(schedule_warm_up, dispatch_uid="page_cache_warm_up")

        protect_wagtail_exports()  # admin CSV/XLSX exports neutralise formulas too
