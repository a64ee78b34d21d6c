"""The missions index page: listing, filters, totals and charts (missions/views.py), and its
open-data routes under the same language-prefixed address (data/, data-dictionary/, feed/)."""

from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path

from home.models import IndexPage


class MissionIndexPage(RoutablePageMixin, IndexPage):
    """Lists a language's missions."""

    subpage_types = ["missions.MissionPage"]
    # Filters that name a translatable record: the language switcher names its translation.
    query_translations = {
        "person": ("directory.Person", "pk"),
        "objective": ("directory.StrategicObjective", "pk"),
    }

    class Meta:
        verbose_name = _("missions index")

    def missions(self):
        """This index's live missions, newest first."""
        from .mission import MissionPage

        return MissionPage.objects.child_of(self).live().order_by("-start_date", "title")

    def get_context(self, request, *args, **kwargs):
        from ..views import index_context

        context = super().get_context(request, *args, **kwargs)
        context.update(index_context(self, request))
        return context

    # File routes end in "/" because Wagtail's router adds one; their public address has none
    # (see missions.views.serve_data_file and file_path()).
    @re_path(
        r"^data/(?P<resource>missions|cost-lines|results)\.(?P<fmt>csv|json)/$", name="open_data"
    )
    def open_data(self, request, resource, fmt):
        from ..views import open_data

        return open_data(self, request, resource, fmt)

    @re_path(r"^data/datapackage\.json/$", name="datapackage")
    def datapackage(self, request):
        from ..views import datapackage

        return datapackage(self, request)

    @path("data-dictionary/", name="data_dictionary")
    def data_dictionary(self, request):
        from ..views import data_dictionary

        return data_dictionary(self, request)

    @path("feed/", name="feed")
    def feed(self, request):
        from ..views import feed

        return feed(self, request)
