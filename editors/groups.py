"""Group names in the admin's language.

The role groups are stored under their Spanish names (``Editores``, ``Revisores``,
``Administradores``): the data migrations find them by those names, other apps' migrations
reapply the roles to them, and Wagtail's own default groups are called "Editors" and
"Moderators", so English names would collide. What an English admin reads is the role's label,
a translated string (editors/roles.py): every place Wagtail shows a group goes through
``str(group)`` — the user form's group checkboxes, the workflow task's groups, the group's edit
page and delete messages — and the groups listing shows it too (``GroupViewSet`` below).
"""

from django.contrib.auth.models import Group
from wagtail.admin.ui.tables import TitleColumn
from wagtail.users.views import groups as wagtail_groups

from .roles import ROLES

LABELS = {role.name: role.label for role in ROLES}


def display_name(group):
    """The group's name as the admin's reader says it: a role's translated label, or the name."""
    label = LABELS.get(group.name)
    return str(label) if label is not None else group.name


def show_group_names_translated():
    """Called once at start-up (EditorsConfig.ready): Django's Group prints its stored name."""
    Group.__str__ = display_name


class GroupIndexView(wagtail_groups.IndexView):
    columns = [
        TitleColumn(
            "name",
            accessor=display_name,
            label=wagtail_groups.IndexView.columns[0].label,
            sort_key="name",
            url_name="wagtailusers_groups:edit",
        ),
    ]


class GroupViewSet(wagtail_groups.GroupViewSet):
    index_view_class = GroupIndexView
