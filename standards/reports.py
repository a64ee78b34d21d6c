"""The admin's "Stale standards" report: standards whose last due period has no measurement.

A period's measurement is due once the period has ended and the grace period of Site settings
(``standards_grace_days``) has passed. Exportable to CSV and XLSX like Wagtail's own reports.
"""

import datetime

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView

from home.deadlines import standards_grace_days

from .display import period_label
from .models import StandardPage


def stale_standards(today=None, grace_days=None):
    """Live standards (every language) missing the measurement of their last due period, each
    with ``due_period``, ``last_measured`` and ``days_overdue`` set, most overdue first."""
    today = today or timezone.localdate()
    grace = standards_grace_days() if grace_days is None else grace_days
    stale = []
    standards = StandardPage.objects.live().with_history().select_related("locale")
    for standard in standards.order_by("title"):
        due = standard.last_due_period(today, grace)
        measured = {row.period_start: row for row in standard.measurements.all()}
        if due is None or due.start in measured:
            continue
        last = max(measured.values(), key=lambda row: row.period_start, default=None)
        standard.due_period = period_label(due, standard.frequency)
        standard.last_measured = (
            period_label(standard.period_containing(last.period_start), standard.frequency)
            if last
            else "—"
        )
        standard.days_overdue = (today - due.end - datetime.timedelta(days=grace)).days
        standard.language = standard.locale.get_display_name()
        stale.append(standard)
    return sorted(stale, key=lambda s: -s.days_overdue)


class StaleStandardsView(ReportView):
    page_title = _("Stale standards")
    header_icon = "warning"
    index_url_name = "standards_stale"
    index_results_url_name = "standards_stale_results"
    results_template_name = "wagtailadmin/reports/base_report_results.html"
    model = StandardPage
    any_permission_required = ["add", "change", "publish"]
    columns = [
        TitleColumn("title", label=_("Standard"), url_name="wagtailadmin_pages:edit"),
        Column("language", label=_("Language")),
        Column("responsible_unit", label=_("Responsible unit")),
        Column("due_period", label=_("Period missing")),
        Column("last_measured", label=_("Last period measured")),
        Column("days_overdue", label=_("Days overdue")),
    ]
    list_export = [
        "title",
        "language",
        "responsible_unit",
        "due_period",
        "last_measured",
        "days_overdue",
    ]
    export_headings = {
        "title": _("Standard"),
        "language": _("Language"),
        "responsible_unit": _("Responsible unit"),
        "due_period": _("Period missing"),
        "last_measured": _("Last period measured"),
        "days_overdue": _("Days overdue"),
    }

    def as_spreadsheet(self, queryset, spreadsheet_format):
        # The CSV is streamed after the request's language is gone: translate the headings now.
        self.export_headings = {k: str(v) for k, v in type(self).export_headings.items()}
        return super().as_spreadsheet(queryset, spreadsheet_format)

    def get_filename(self):
        return f"stale-standards-{timezone.localdate().isoformat()}"

    def get_queryset(self):
        return stale_standards(grace_days=standards_grace_days(request=self.request))
