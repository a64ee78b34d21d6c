"""Missions in the admin: a listing with filters, and the rules that keep published records.

A mission that has been published is part of the public record: it cannot be deleted or
unpublished (one by one or in bulk, nor by deleting or unpublishing a page above it). It is
withdrawn instead, with a public reason, and stays online marked as withdrawn.
"""

import django_filters
from django.forms import RadioSelect
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.admin.views.pages.listing import PageFilterSet
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.models import Page

from . import corrections
from .models import MissionPage, MissionType, ReportStatus

PROTECTED_ACTIONS = {"delete", "unpublish"}


def published_missions_under(pages, descendants=True):
    """Missions ever published among ``pages`` (and below them), in any of their languages."""
    missions = MissionPage.objects.none()
    for page in pages:
        for version in [page, *page.get_translations()]:
            if descendants:
                missions |= MissionPage.objects.descendant_of(version, inclusive=True)
            else:
                missions |= MissionPage.objects.filter(pk=version.pk)
    return missions.filter(first_published_at__isnull=False)


def _refuse(request, page, message):
    messages.error(request, message)
    next_url = get_valid_next_url_from_request(request)
    if next_url:
        return redirect(next_url)
    if isinstance(page.specific_deferred, MissionPage):
        return redirect("wagtailadmin_pages:edit", page.pk)
    return redirect("wagtailadmin_explore", page.pk)


WITHDRAW_INSTEAD = _(
    "To take it back, withdraw it: tick “Withdrawn” and give the public reason in the "
    "“Corrections and withdrawal” tab, then publish. It stays online, marked as withdrawn."
)


@hooks.register("before_delete_page")
def refuse_deleting_published_missions(request, page):
    if not published_missions_under([page]).exists():
        return None
    if isinstance(page.specific_deferred, MissionPage):
        message = _("“%(title)s” has been published, so it cannot be deleted. %(instead)s")
    else:
        message = _(
            "“%(title)s” contains published missions, which cannot be deleted. "
            "Withdraw each mission instead."
        )
    return _refuse(
        request,
        page,
        message % {"title": page.get_admin_display_title(), "instead": WITHDRAW_INSTEAD},
    )


@hooks.register("before_unpublish_page")
def refuse_unpublishing_missions(request, page):
    descendants = bool(request.POST.get("include_descendants"))
    if not published_missions_under([page], descendants).live().exists():
        return None
    return _refuse(
        request,
        page,
        _("Published missions cannot be unpublished. %(instead)s") % {"instead": WITHDRAW_INSTEAD},
    )


@hooks.register("before_bulk_action")
def refuse_bulk_removal_of_missions(request, action_type, objects, action_class_instance):
    pages = [obj for obj in objects or [] if isinstance(obj, Page)]
    if action_type not in PROTECTED_ACTIONS or not pages:
        return None
    descendants = action_type == "delete" or bool(request.POST.get("include_descendants"))
    if not published_missions_under(pages, descendants).exists():
        return None
    messages.error(
        request,
        _("Published missions cannot be deleted or unpublished. %(instead)s")
        % {"instead": WITHDRAW_INSTEAD},
    )
    return redirect(get_valid_next_url_from_request(request) or reverse("wagtailadmin_home"))


@hooks.register("before_bulk_action")
def refuse_bulk_publishing_uncorrected_figures(
    request, action_type, objects, action_class_instance
):
    """Bulk "publish" skips the edit form, so check its correction-note rule here."""
    if action_type != "publish":
        return None
    ids = [obj.pk for obj in objects or [] if getattr(obj, "pk", None)]
    for page in MissionPage.objects.filter(pk__in=ids, live=True, has_unpublished_changes=True):
        draft = page.get_latest_revision_as_object()
        if (draft.correction_note or "").strip():
            continue
        if corrections.changed_parts(
            corrections.page_snapshot(page), corrections.page_snapshot(draft)
        ):
            messages.error(
                request,
                _(
                    "The draft of “%(title)s” changes the figures of a published mission "
                    "without a correction note. Publish it from its edit page, with the note."
                )
                % {"title": page.get_admin_display_title()},
            )
            return redirect(
                get_valid_next_url_from_request(request) or reverse("wagtailadmin_home")
            )
    return None


class MissionFilterSet(PageFilterSet):
    mission_type = django_filters.ChoiceFilter(
        label=_("Type"), choices=MissionType.choices, empty_label=_("Any")
    )
    withdrawn = django_filters.ChoiceFilter(
        label=_("Withdrawn"),
        choices=[("true", _("Yes")), ("false", _("No"))],
        empty_label=_("Any"),
        widget=RadioSelect,
        method="filter_withdrawn",
    )
    report = django_filters.ChoiceFilter(
        label=_("Trip report"),
        choices=ReportStatus.choices,
        empty_label=_("Any"),
        method="filter_report",
    )

    class Meta:
        model = MissionPage
        fields = []

    def filter_withdrawn(self, queryset, name, value):
        return queryset.filter(withdrawn=value == "true")

    def filter_report(self, queryset, name, value):
        ids = MissionPage.objects.with_report_status().filter(report_status=value).values("pk")
        return queryset.filter(pk__in=ids)


class MissionListingViewSet(PageListingViewSet):
    """Admin menu "Missions": every mission, with the filters reviewers need."""

    icon = "globe"
    menu_label = _("Missions")
    menu_order = 150
    add_to_admin_menu = True
    model = MissionPage
    filterset_class = MissionFilterSet
    columns = [
        *PageListingViewSet.columns,
        Column("start_date", label=_("Start date"), sort_key="start_date"),
        Column("mission_type", label=_("Type"), accessor="get_mission_type_display"),
        BooleanColumn("withdrawn", label=_("Withdrawn")),
    ]


@hooks.register("register_admin_viewset")
def register_mission_listing():
    return MissionListingViewSet("missions")
