from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OperationsConfig(AppConfig):
    """What running the site in production needs: security headers, login protection, health
    endpoints, request ids in the logs, backups."""

    name = "operations"
    verbose_name = _("Operations")
