"""The editorial reports in the admin's Reports menu (built on home/reports.py).

- Overdue trip reports: published missions, not withdrawn, whose report is past due.
- Translations to update: pages and snippets with no translation, or whose original changed
  after their translation was last synced (home/freshness.py).
- Reviews waiting: records submitted for review, with the day they were submitted, flagged
  after Site settings' "days before a waiting review is flagged".
"""

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.utils import get_latest_str
from wagtail.models import Locale, Page, TaskState, TranslatableMixin
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.models import TranslationSource

from home.deadlines import report_days
from home.freshness import page_lag, source_content_changed
from home.models import SiteSettings
from home.reports import SiteReportView, register_report
from missions.models import MissionPage

PERMISSION = "editors.view_reports"


class OverdueReportsView(SiteReportView):
    permission = PERMISSION
    page_title = _("Overdue trip reports")
    header_icon = "warning"
    list_export = ["title", "end_date", "due_date", "days_overdue", "url"]
    export_headings = {
        "title": _("Mission"),
        "end_date": _("Returned on"),
        "due_date": _("Report due on"),
        "days_overdue": _("Days overdue"),
        "url": _("Public address"),
    }
    columns = [
        TitleColumn(
            "title",
            label=_("Mission"),
            get_url=lambda page: reverse("wagtailadmin_pages:edit", args=(page.pk,)),
        ),
        DateColumn("end_date", label=_("Returned on")),
        DateColumn("due_date", label=_("Report due on")),
        Column("days_overdue", label=_("Days overdue")),
    ]

    def get_queryset(self):
        days = report_days(request=self.request)
        today = timezone.localdate()
        missions = list(
            MissionPage.objects.live()
            .filter(locale=Locale.get_default())
            .report_overdue(days=days)
            .order_by("end_date")
        )
        for page in missions:
            page.due_date = page.end_date + timedelta(days=days)
            page.days_overdue = (today - page.due_date).days
        return missions


@dataclass
class TranslationRow:
    title: str
    kind: str
    language: str
    state: str
    original_updated_on: object
    translated_on: object
    edit_url: str


class TranslationsReportView(SiteReportView):
    permission = PERMISSION
    page_title = _("Translations to update")
    header_icon = "globe"
    list_export = ["title", "kind", "language", "state", "original_updated_on", "translated_on"]
    export_headings = {
        "title": _("Title"),
        "kind": _("Type"),
        "language": _("Language"),
        "state": _("State"),
        "original_updated_on": _("Original updated"),
        "translated_on": _("Translation last synced"),
    }
    columns = [
        TitleColumn("title", label=_("Title"), get_url=lambda row: row.edit_url),
        Column("kind", label=_("Type")),
        Column("language", label=_("Language")),
        Column("state", label=_("State")),
        DateColumn("original_updated_on", label=_("Original updated")),
        DateColumn("translated_on", label=_("Translation last synced")),
    ]

    def get_queryset(self):
        default = Locale.get_default()
        others = list(Locale.objects.exclude(pk=default.pk))
        names = dict(settings.LANGUAGES)
        rows = []
        originals = Page.objects.live().filter(locale=default, depth__gt=1).specific()
        translated = {
            (key, locale_id)
            for key, locale_id in Page.objects.filter(locale__in=others).values_list(
                "translation_key", "locale_id"
            )
        }
        for page in originals:
            edit_url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
            kind = page.specific_class._meta.verbose_name
            for locale in others:
                language = names.get(locale.language_code, locale.language_code)
                if (page.translation_key, locale.pk) not in translated:
                    rows.append(
                        TranslationRow(
                            page.title,
                            kind,
                            language,
                            _("not translated"),
                            page.last_published_at,
                            None,
                            edit_url,
                        )
                    )
        for page in Page.objects.live().filter(locale__in=others).select_related("locale"):
            lag = page_lag(page)
            if lag is not None:
                rows.append(
                    TranslationRow(
                        page.title,
                        page.specific_class._meta.verbose_name,
                        names.get(page.locale.language_code),
                        _("original changed since"),
                        lag.original_updated_on,
                        lag.translated_on,
                        reverse("wagtailadmin_pages:edit", args=(page.pk,)),
                    )
                )
        rows.extend(self._snippet_rows(default, others, names))
        return rows

    def _snippet_rows(self, default, others, names):
        for model in get_snippet_models():
            if not issubclass(model, TranslatableMixin) or issubclass(model, Page):
                continue
            kind = model._meta.verbose_name
            present = set(
                model.objects.filter(locale__in=others).values_list("translation_key", "locale_id")
            )
            sources = {
                source.object_id: source
                for source in TranslationSource.objects.filter(
                    specific_content_type__model=model._meta.model_name,
                    specific_content_type__app_label=model._meta.app_label,
                )
            }
            for record in model.objects.filter(locale=default):
                url = reverse(
                    f"wagtailsnippets_{model._meta.app_label}_{model._meta.model_name}:edit",
                    args=(record.pk,),
                )
                source = sources.get(record.translation_key)
                for locale in others:
                    language = names.get(locale.language_code, locale.language_code)
                    if (record.translation_key, locale.pk) not in present:
                        yield TranslationRow(
                            get_latest_str(record),
                            kind,
                            language,
                            _("not translated"),
                            None,
                            None,
                            url,
                        )
                    elif source is not None and source_content_changed(source, record):
                        yield TranslationRow(
                            get_latest_str(record),
                            kind,
                            language,
                            _("original changed since"),
                            None,
                            source.last_updated_at,
                            url,
                        )


class ReviewsWaitingView(SiteReportView):
    permission = PERMISSION
    page_title = _("Reviews waiting")
    header_icon = "tasks"
    list_export = ["title", "submitted_by", "started_at", "days_waiting", "flag"]
    export_headings = {
        "title": _("Title"),
        "submitted_by": _("Submitted by"),
        "started_at": _("Submitted on"),
        "days_waiting": _("Days waiting"),
        "flag": _("Flag"),
    }
    columns = [
        TitleColumn("title", label=_("Title"), get_url=lambda state: state.edit_url),
        Column("submitted_by", label=_("Submitted by")),
        DateColumn("started_at", label=_("Submitted on")),
        Column("days_waiting", label=_("Days waiting")),
        Column("flag", label=_("Flag")),
    ]

    def get_queryset(self):
        limit = SiteSettings.for_request(self.request).review_flag_days
        now = timezone.now()
        states = list(
            TaskState.objects.filter(status=TaskState.STATUS_IN_PROGRESS)
            .select_related("workflow_state__requested_by", "revision")
            .order_by("started_at")
        )
        for state in states:
            obj = state.workflow_state.content_object
            state.title = get_latest_str(obj) if obj is not None else "—"
            state.edit_url = (
                reverse("wagtailadmin_pages:edit", args=(obj.pk,)) if isinstance(obj, Page) else ""
            )
            requester = state.workflow_state.requested_by
            state.submitted_by = (
                requester.get_full_name() or requester.get_username() if requester else ""
            )
            state.days_waiting = (now - state.started_at).days
            state.flag = _("waiting too long") if state.days_waiting >= limit else ""
        return states


register_report(
    OverdueReportsView,
    name="overdue-reports",
    label=_("Overdue trip reports"),
    icon="warning",
    order=50,
)
register_report(
    TranslationsReportView,
    name="translations",
    label=_("Translations to update"),
    icon="globe",
    order=60,
)
register_report(
    ReviewsWaitingView, name="reviews-waiting", label=_("Reviews waiting"), icon="tasks", order=70
)
