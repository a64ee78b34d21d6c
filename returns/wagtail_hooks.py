"""The return in the admin: city projects with their needs, and the no-trips statements.

The conversion factors are not edited here: a new edition comes by data migration, with its
source, and the methodology page lists the factors in use."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import CityProject, NoTripsStatement


class CityProjectViewSet(SnippetViewSet):
    model = CityProject
    icon = "tasks"
    list_display = ["title", "objective", "status", "locale"]
    list_filter = ["status", "locale"]
    search_fields = ["title"]


class NoTripsStatementViewSet(SnippetViewSet):
    model = NoTripsStatement
    icon = "date"
    list_display = ["__str__", "signed_by", "signed_on", "locale"]
    list_filter = ["locale"]


class ReturnGroup(SnippetViewSetGroup):
    menu_label = _("The return")
    menu_icon = "pick"
    menu_order = 310
    items = (CityProjectViewSet, NoTripsStatementViewSet)


register_snippet(ReturnGroup)
