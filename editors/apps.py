from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail.users.apps import WagtailUsersAppConfig


class EditorsConfig(AppConfig):
    """The editors' tools: roles, the review workflow, admin reports and spreadsheet import."""

    default = True  # apps.py holds a second AppConfig (UsersConfig)
    name = "editors"
    verbose_name = _("Editors' tools")

    def ready(self):
        from .groups import show_group_names_translated

        show_group_names_translated()


class UsersConfig(WagtailUsersAppConfig):
    """Wagtail's users app with the groups listing in the admin's language (editors/groups.py);
    it replaces "wagtail.users" in INSTALLED_APPS."""

    group_viewset = "editors.groups.GroupViewSet"
