"""The site's admin reports: one base view and one call to put a report in the Reports menu.

A report is a Wagtail ``ReportView`` (a listing with CSV and XLSX export; every exported cell
goes through the site's formula neutralisation, home/opendata/spreadsheets.py) that names the
permission needed to see it. ``register_report`` adds its two addresses (the page, and the
results fragment the filters reload) and its menu item, shown only to users with the
permission. Used by editors/reports.py; other apps add theirs the same way from their
wagtail_hooks.py.
"""

from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.reports import ReportView


class SiteReportView(ReportView):
    """A report of the site, seen by users with ``permission`` ("app_label.codename")."""

    permission = None
    paginate_by = 50

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(self.permission):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class _ReportMenuItem(MenuItem):
    def __init__(self, *args, permission, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


def register_report(view_class, *, name, label, icon, order):
    """Put ``view_class`` (a SiteReportView) in the Reports menu at admin/reports/site/<name>/."""
    url_name = f"site_report_{name}"
    view_class.index_url_name = url_name
    view_class.index_results_url_name = f"{url_name}_results"
    view_class.export_filename = name

    @hooks.register("register_admin_urls")
    def urls():
        return [
            path(f"reports/site/{name}/", view_class.as_view(), name=url_name),
            path(
                f"reports/site/{name}/results/",
                view_class.as_view(results_only=True),
                name=f"{url_name}_results",
            ),
        ]

    @hooks.register("register_reports_menu_item")
    def menu_item():
        return _ReportMenuItem(
            label,
            reverse(url_name),
            name=f"site-report-{name}",
            icon_name=icon,
            order=order,
            permission=view_class.permission,
        )

    return view_class
