"""Create many synthetic missions for load and query-count tests."""

import time

from django.core.management.base import BaseCommand, CommandError

from missions.seed import SLUG_PREFIX, index_for, seed


class Command(BaseCommand):
    help = (
        "Ensure COUNT synthetic missions (slugs starting with “seed-mission-”) exist under the "
        "missions index of a language; creates only the missing ones."
    )

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, required=True, help="How many seeded missions.")
        parser.add_argument("--locale", default="es", help="Language of the index (default es).")
        parser.add_argument(
            "--dry-run", action="store_true", help="Say how many would be created; write nothing."
        )

    def handle(self, *args, count, locale, dry_run, **options):
        if count < 0:
            raise CommandError("--count must be zero or more.")
        index = index_for(locale)
        if index is None:
            raise CommandError(
                f"There is no missions index in “{locale}”: run `manage.py load_demo` first, "
                "or create the missions index page in the admin."
            )
        started = time.perf_counter()
        created = seed(index, count, dry_run=dry_run)
        elapsed = time.perf_counter() - started
        if dry_run:
            self.stdout.write(
                f"Would create {created} missions ({SLUG_PREFIX}…) under “{index.title}” "
                f"({locale}); nothing was written."
            )
        else:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Created {created} missions under “{index.title}” ({locale}) "
                    f"in {elapsed:.1f} s."
                )
            )
