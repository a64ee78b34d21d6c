from django.core.management.base import BaseCommand, CommandError
from django.db import connections

from home.cache import bump
from operations.backup import (
    BackupError,
    database_is_empty,
    read_backup,
    restore_database,
    restore_media,
)


class Command(BaseCommand):
    help = (
        "Restore a backup made by `manage.py backup` into an empty database (and its media). "
        "Every checksum is verified first; --dry-run stops there and changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive")
        parser.add_argument("--dry-run", action="store_true", help="check and report only")
        parser.add_argument(
            "--replace",
            action="store_true",
            help="restore even though the database already has pages (they are replaced)",
        )
        parser.add_argument("--database", default="default")

    def handle(self, archive, dry_run, replace, database, **options):
        connection = connections[database]
        try:
            manifest, members = read_backup(archive)
        except BackupError as error:
            raise CommandError(str(error)) from None
        vendor = manifest["database"]["vendor"]
        size = sum(item["size"] for item in manifest["media"])
        self.stdout.write(
            f"{archive}: {vendor} database, {len(manifest['media'])} media files "
            f"({size} bytes), made {manifest['created']}; checksums verified."
        )
        if vendor != connection.vendor:
            raise CommandError(
                f"The backup is of a {vendor} database; this site uses {connection.vendor}."
            )
        if not replace and not database_is_empty(connection):
            raise CommandError(
                "The database already has pages: restore into an empty database, or pass "
                "--replace to overwrite it."
            )
        if dry_run:
            self.stdout.write("Dry run: nothing was changed.")
            return
        try:
            restore_database(connection, vendor, members[manifest["database"]["file"]])
            restore_media(manifest, members)
        except (BackupError, OSError) as error:
            raise CommandError(str(error)) from None
        bump()  # every cached page is of the database that was replaced
        self.stdout.write("Restored.")
