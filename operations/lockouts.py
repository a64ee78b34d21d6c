"""Sign-in protection: the lockout page (django-axes), the admin's list of lockouts with an
"Unlock" button, and the password-reset form throttled per address and per e-mail."""

from axes.models import AccessAttempt
from axes.utils import reset
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from django_ratelimit.core import is_ratelimited
from wagtail.admin.views.account import PasswordResetView

from home.params import QueryParams

UNLOCK_PERMISSION = "axes.delete_accessattempt"


def lockout_response(request, *args, **kwargs):
    """What a locked-out sign-in gets (settings.AXES_LOCKOUT_CALLABLE): HTTP 429, translated."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(
        request,
        "operations/lockout.html",
        {"failure_limit": settings.AXES_FAILURE_LIMIT, "cooloff_minutes": minutes},
        status=429,
    )


@require_http_methods(["GET", "POST"])
def lockouts(request):
    """Failed sign-ins by account and address; "Unlock" clears them for both."""
    if not request.user.has_perm(UNLOCK_PERMISSION):
        raise PermissionDenied
    if request.method == "POST":
        attempt_id = QueryParams(request.POST).record_id("attempt")
        attempt = AccessAttempt.objects.filter(pk=attempt_id).first() if attempt_id else None
        if attempt is not None:
            reset(username=attempt.username, ip=attempt.ip_address, ip_or_username=True)
            messages.success(
                request,
                _("Unlocked: %(username)s from %(address)s.")
                % {"username": attempt.username, "address": attempt.ip_address},
            )
        return redirect("operations_lockouts")
    attempts = AccessAttempt.objects.order_by("-attempt_time")[:200]
    for attempt in attempts:
        attempt.locked = attempt.failures_since_start >= settings.AXES_FAILURE_LIMIT
    return render(
        request,
        "operations/lockouts.html",
        {
            "attempts": attempts,
            "failure_limit": settings.AXES_FAILURE_LIMIT,
            "header_title": _("Sign-in lockouts"),
            "page_title": _("Sign-in lockouts"),
            "header_icon": "lock",
        },
    )


class ThrottledPasswordResetView(PasswordResetView):
    """Wagtail's password-reset form, refusing (429) after PASSWORD_RESET_RATE requests from
    one address or for one e-mail address, so that it cannot be used to flood a mailbox."""

    def form_valid(self, form):
        rate = settings.PASSWORD_RESET_RATE
        email = form.cleaned_data.get("email", "").strip().lower()
        by_address = is_ratelimited(
            self.request, group="password-reset-ip", key="ip", rate=rate, increment=True
        )
        by_email = is_ratelimited(
            self.request,
            group="password-reset-email",
            key=lambda _group, _request: email,
            rate=rate,
            increment=True,
        )
        if by_address or by_email:
            form.add_error(
                None,
                _(
                    "Too many password reset requests from here or for this address. "
                    "No e-mail was sent; try again in an hour."
                ),
            )
            response = self.form_invalid(form)
            response.status_code = 429
            return response
        return super().form_valid(form)
