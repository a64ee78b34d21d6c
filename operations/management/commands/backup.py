from django.core.management.base import BaseCommand, CommandError

from operations.backup import BackupError, backup


class Command(BaseCommand):
    help = "Write a backup (database dump and every media file) to a .tar.gz file."

    def add_arguments(self, parser):
        parser.add_argument("output", help="the file to write, e.g. puente-2026-12-01.tar.gz")
        parser.add_argument("--database", default="default")

    def handle(self, output, database, **options):
        try:
            manifest = backup(output, database=database)
        except (BackupError, OSError) as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            f"Backup written to {output}: {manifest['database']['vendor']} database, "
            f"{len(manifest['media'])} media files."
        )
