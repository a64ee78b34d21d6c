"""Add synthetic practices (for load and query-count checks) until there are --count of them."""

from django.core.management.base import BaseCommand, CommandError

from practices.seed import SLUG_PREFIX, seed, spanish_index


class Command(BaseCommand):
    help = "Ensure N synthetic practices exist under the Spanish practices index."

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, default=100, help="How many seeded practices.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Say how many would be created; change nothing."
        )

    def handle(self, *args, count, dry_run, **options):
        if count < 0 or count > 10_000:
            raise CommandError("--count must be between 0 and 10000.")
        index = spanish_index()
        if index is None:
            raise CommandError("No Spanish practices index: run `manage.py load_demo` first.")
        created = seed(index, count, dry_run=dry_run)
        verb = "Would create" if dry_run else "Created"
        self.stdout.write(
            f"{verb} {created} practice(s) with slugs starting “{SLUG_PREFIX}” under {index.url}."
        )
