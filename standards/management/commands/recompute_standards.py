"""Recount the standards measured from the site's records (standards/computed.py).

It also runs after every mission is published (for that mission's period); run it daily too
(cron), so that periods whose deadlines pass without any new publication are counted.
"""

from django.core.management.base import BaseCommand

from home.formats import format_share
from standards.computed import recompute


class Command(BaseCommand):
    help = "Recount the service standards measured from the missions' records."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="print the counts; change nothing"
        )

    def handle(self, *args, dry_run=False, **options):
        counted = recompute(dry_run=dry_run)
        for standard, period, met, total in counted:
            share = format_share(met / total, "en") if total else "no data"
            self.stdout.write(
                f"{standard.title}: {period.start}–{period.end}: {met} of {total} ({share})"
            )
        verb = "would be written" if dry_run else "written"
        self.stdout.write(f"{len(counted)} periods counted; measurements {verb}.")
