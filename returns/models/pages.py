"""The objectives page: the overview of every city objective, one page per objective under it
(home/records.py), and the list of city-project needs with the answers they got."""

from django.utils.translation import gettext_lazy as _

from home.models import IndexPage
from home.records import RecordIndexMixin
from home.routing import RoutedPageMixin


class ObjectiveIndexPage(RecordIndexMixin, RoutedPageMixin, IndexPage):
    """A language's objectives overview, at /es/objetivos/ and /en/objectives/; each objective's
    page is at its slug below it, and the needs list at needs/."""

    routes = "returns.routes.objectives"
    record_model = "directory.StrategicObjective"
    subpage_types = []

    class Meta:
        verbose_name = _("objectives overview")
