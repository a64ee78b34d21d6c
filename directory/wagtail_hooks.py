from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Organization, Person, StrategicObjective


class PersonViewSet(SnippetViewSet):
    model = Person
    icon = "user"
    list_display = ["name", "position", "unit", "locale"]
    search_fields = ["name", "position"]


class OrganizationViewSet(SnippetViewSet):
    model = Organization
    icon = "group"
    list_display = ["name", "acronym", "kind", "country", "locale"]
    list_filter = ["kind", "locale"]
    search_fields = ["name", "acronym"]


class StrategicObjectiveViewSet(SnippetViewSet):
    model = StrategicObjective
    icon = "pick"
    list_display = ["code", "title", "locale"]
    search_fields = ["title", "code"]


class DirectoryGroup(SnippetViewSetGroup):
    menu_label = _("Directory")
    menu_icon = "folder-open-inverse"
    menu_order = 300
    items = (PersonViewSet, OrganizationViewSet, StrategicObjectiveViewSet)


register_snippet(DirectoryGroup)
