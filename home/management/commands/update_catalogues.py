"""Regenerate the site's message catalogues (.po) and compile them (.mo). `make messages` runs it."""

from django.conf import settings
from django.core.management.base import BaseCommand

from ._catalogues import LANGUAGES, compile_messages, make_messages, po_path


class Command(BaseCommand):
    help = "Extract every translatable string into site/locale/{es,en} and compile the .mo files."

    def add_arguments(self, parser):
        parser.add_argument(
            "--compile-only", action="store_true", help="Only compile the .po files into .mo."
        )

    def handle(self, *args, **options):
        locale_dir = settings.LOCALE_PATHS[0]
        if not options["compile_only"]:
            make_messages(locale_dir)
        compile_messages(locale_dir)
        for language in LANGUAGES:
            self.stdout.write(f"{po_path(locale_dir, language)} updated and compiled")
