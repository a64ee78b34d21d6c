"""Privacy settings that would hide a published mission are refused.

A view restriction on a live mission, or on any page above one, takes it off the public site
and out of the open data: the same effect as unpublishing, which is refused for published
missions (missions/wagtail_hooks.py). Wagtail has no hook before setting privacy, so this view
takes the place of Wagtail's at the same address (config/urls.py) and hands everything else
to it. Removing an existing restriction is always allowed.
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from wagtail.admin.auth import require_admin_access
from wagtail.admin.modal_workflow import render_modal_workflow
from wagtail.admin.views.page_privacy import SetPrivacyView
from wagtail.models import Page, PageViewRestriction

from missions.wagtail_hooks import published_missions_under


class PublicRecordPrivacyView(SetPrivacyView):
    def dispatch(self, request, page_id, *args, **kwargs):
        page = get_object_or_404(Page, id=page_id)
        if not page.permissions_for_user(request.user).can_set_view_restrictions():
            raise PermissionDenied
        if request.method == "POST":
            restricting = request.POST.get("restriction_type") != PageViewRestriction.NONE
        else:
            restricting = not page.get_view_restrictions().exists()
        if restricting and published_missions_under([page]).live().exists():
            return render_modal_workflow(
                request,
                "editors/admin/privacy_refused.html",
                None,
                {"page": page.specific_deferred},
            )
        return super().dispatch(request, page_id, *args, **kwargs)


set_privacy = require_admin_access(PublicRecordPrivacyView.as_view())
