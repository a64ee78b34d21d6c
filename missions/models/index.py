"""The missions index page: listing, filters, totals and charts, and its open-data routes under
the same language-prefixed address (data/, data-dictionary/, feed/).

Its routes are the views in missions/views.py, listed in missions/routes/index.py (see
home/routing.py): the views import the models, never the other way round.
"""

from django.utils.translation import gettext_lazy as _

from home.models import IndexPage
from home.routing import RoutedPageMixin


class MissionIndexPage(RoutedPageMixin, IndexPage):
    """Lists a language's missions."""

    routes = "missions.routes.index"
    subpage_types = ["missions.MissionPage"]
    # Filters that name a translatable record: the language switcher names its translation.
    query_translations = {
        "person": ("directory.Person", "pk"),
        "objective": ("directory.StrategicObjective", "pk"),
    }

    class Meta:
        verbose_name = _("missions index")
