"""The partners admin: agreements and memberships beside the directory's organisations, and the
report of agreements that expire soon (Reports → Agreements expiring)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .forms import AgreementForm
from .models import Agreement, Membership


class AgreementViewSet(SnippetViewSet):
    model = Agreement
    icon = "doc-full"
    list_display = ["title", "kind", "signed_date", "expiry_date", "status", "locale"]
    list_filter = ["kind", "locale"]
    search_fields = ["title"]
    edit_handler = ObjectList(Agreement.panels, base_form_class=AgreementForm)


class MembershipViewSet(SnippetViewSet):
    model = Membership
    icon = "group"
    list_display = ["member", "organization", "role", "start_date", "end_date"]
    list_filter = ["role"]


class PartnersGroup(SnippetViewSetGroup):
    menu_label = _("Partners")
    menu_icon = "site"
    menu_order = 310
    items = (AgreementViewSet, MembershipViewSet)


register_snippet(PartnersGroup)


class ExpiringAgreementsView(ReportView):
    """Agreements in force that expire within 90 days, soonest first, in every language."""

    page_title = _("Agreements expiring within 90 days")
    header_icon = "doc-full"
    index_url_name = "partners_expiring_agreements"
    index_results_url_name = "partners_expiring_agreements_results"
    list_export = ["title", "expiry_date", "days_left", "locale"]
    export_headings = {"days_left": _("Days left"), "expiry_date": _("Expires on")}

    @property
    def columns(self):
        return [
            TitleColumn(
                "title",
                label=_("Agreement"),
                get_url=lambda agreement: reverse(
                    "wagtailsnippets_partners_agreement:edit", args=[agreement.pk]
                ),
            ),
            DateColumn("expiry_date", label=_("Expires on")),
            Column("days_left", label=_("Days left")),
            Column("locale", label=_("Language")),
        ]

    def get_queryset(self):
        return Agreement.objects.expiring().select_related("locale").order_by("expiry_date", "pk")


@hooks.register("register_admin_urls")
def register_report_urls():
    view = ExpiringAgreementsView
    return [
        path("reports/expiring-agreements/", view.as_view(), name=view.index_url_name),
        path(
            "reports/expiring-agreements/results/",
            view.as_view(results_only=True),
            name=view.index_results_url_name,
        ),
    ]


class ExpiringAgreementsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("partners.change_agreement")


@hooks.register("register_reports_menu_item")
def register_report_menu_item():
    return ExpiringAgreementsMenuItem(
        _("Agreements expiring"),
        reverse(ExpiringAgreementsView.index_url_name),
        name="expiring-agreements",
        icon_name="doc-full",
        order=650,
    )
