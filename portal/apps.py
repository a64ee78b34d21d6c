from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = "Datos abiertos"
    demo = "demo"  # folder of demo YAML files, read by load_demo (home/demo/loader.py)
    demo_after = ("home",)  # the portal page lives under the home page
