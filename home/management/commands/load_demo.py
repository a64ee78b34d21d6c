"""Load the bilingual demo site for a fictional municipality. Safe to run again: it changes nothing."""

import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from home.demo.loader import DemoError, Loader
from home.translation import MissingTranslation


class Command(BaseCommand):
    help = "Create locales, a bilingual page tree of sample content and a local admin user."

    def add_arguments(self, parser):
        parser.add_argument("--no-admin", action="store_true", help="Do not create the admin user.")

    def handle(self, *args, **options):
        try:
            Loader(self.stdout).load()  # every app whose AppConfig names a demo folder
        except (DemoError, MissingTranslation) as error:
            raise CommandError(str(error)) from error
        if not options["no_admin"]:
            self._admin_user()
        self.stdout.write(
            self.style.SUCCESS("Demo content ready (sample data, fictional municipality).")
        )

    def _admin_user(self):
        User = get_user_model()
        if User.objects.filter(username="admin").exists():
            self.stdout.write("Admin user 'admin' exists; its password is unchanged.")
            return
        password = secrets.token_urlsafe(12)
        User.objects.create_superuser("admin", "admin@example.invalid", password)
        self.stdout.write(
            self.style.WARNING(
                f"Admin user created — username: admin  password: {password}  (shown only this once)"
            )
        )
