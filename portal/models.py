"""The open data portal: one page per language listing every dataset of the site."""

from django.utils.translation import gettext_lazy as _

from home.models import IndexPage
from home.routing import RoutedPageMixin


class OpenDataPortalPage(RoutedPageMixin, IndexPage):
    """Lists every registered dataset (home/opendata) with its files, dictionary, row counts,
    licence and last update, and serves the site-wide ``datapackage.json`` (portal/views.py)."""

    routes = "portal.routes"
    subpage_types = []

    class Meta:
        verbose_name = _("open data portal")
