"""The editorial reports (Reports menu) and the spreadsheet import of missions."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import reports  # noqa: F401  (registers the reports)
from .importer import views as import_views


@hooks.register("register_admin_urls")
def import_urls():
    return [
        path("missions/import/", import_views.import_missions, name="editors_import_missions"),
        path(
            "missions/import/template.xlsx", import_views.template, name="editors_import_template"
        ),
        path("missions/import/<str:token>/", import_views.status, name="editors_import_status"),
        path(
            "missions/import/<str:token>/progress.json",
            import_views.progress,
            name="editors_import_progress",
        ),
        path(
            "missions/import/<str:token>/confirm/",
            import_views.confirm_import,
            name="editors_import_confirm",
        ),
        path(
            "missions/import/<str:token>/errors.xlsx",
            import_views.annotated,
            name="editors_import_annotated",
        ),
    ]


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(import_views.PERMISSION)


@hooks.register("register_admin_menu_item")
def import_menu_item():
    return ImportMenuItem(
        _("Import missions"), reverse("editors_import_missions"), icon_name="upload", order=160
    )
