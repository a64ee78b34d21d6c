from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditorsConfig(AppConfig):
    """The editors' tools: roles, the review workflow, admin reports and spreadsheet import."""

    name = "editors"
    verbose_name = _("Editors' tools")
