from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Inicio y páginas"
    demo = "demo"  # folder of demo YAML files, read by load_demo (home/demo/loader.py)
