"""Recompute every travel leg's estimate with a factor edition (the newest by default).

A leg the edition has no factor for keeps its figures and the edition they came from."""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from returns.models import EmissionFactor, TravelLeg


class Command(BaseCommand):
    help = "Recompute the estimated emissions of every travel leg with a factor edition."

    def add_arguments(self, parser):
        parser.add_argument("--edition", type=int, help="factor edition (year); default newest")
        parser.add_argument("--dry-run", action="store_true", help="report, change nothing")

    def handle(self, *args, edition=None, dry_run=False, **options):
        editions = set(EmissionFactor.objects.values_list("edition", flat=True))
        edition = edition or (max(editions) if editions else None)
        if edition not in editions:
            raise CommandError(f"No conversion factors for edition {edition}.")
        changed = 0
        with transaction.atomic():
            for leg in TravelLeg.objects.select_related("factor").iterator():
                before = (leg.emissions_kg, leg.emissions_kg_without_rf, leg.factor_id)
                leg.estimate(edition=edition)
                if leg.factor_id is None:  # no factor for this leg in that edition: kept
                    continue
                if (leg.emissions_kg, leg.emissions_kg_without_rf, leg.factor_id) != before:
                    changed += 1
                    if not dry_run:
                        leg.save()
        verb = "would change" if dry_run else "changed"
        self.stdout.write(f"Edition {edition}: {verb} {changed} travel legs.")
