from django.apps import AppConfig


class DirectoryConfig(AppConfig):
    name = "directory"
    verbose_name = "Directorio"
    demo = "demo"  # folder of demo YAML files, read by load_demo (home/demo/loader.py)
