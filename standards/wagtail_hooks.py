"""Admin: the "Stale standards" report in the Reports menu (standards/reports.py)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .reports import StaleStandardsView


@hooks.register("register_admin_urls")
def register_stale_standards_url():
    return [
        path("reports/stale-standards/", StaleStandardsView.as_view(), name="standards_stale"),
        path(
            "reports/stale-standards/results/",
            StaleStandardsView.as_view(results_only=True),
            name="standards_stale_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_stale_standards_menu_item():
    return MenuItem(
        _("Stale standards"),
        reverse("standards_stale"),
        name="stale-standards",
        icon_name="warning",
        order=650,
    )
