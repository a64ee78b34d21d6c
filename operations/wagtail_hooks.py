from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .lockouts import UNLOCK_PERMISSION, lockouts


class LockoutsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(UNLOCK_PERMISSION)


@hooks.register("register_admin_urls")
def register_lockout_urls():
    return [path("lockouts/", lockouts, name="operations_lockouts")]


@hooks.register("register_settings_menu_item")
def register_lockouts_menu_item():
    return LockoutsMenuItem(
        _("Sign-in lockouts"),
        reverse("operations_lockouts"),
        name="sign-in-lockouts",
        icon_name="lock",
        order=900,
    )
