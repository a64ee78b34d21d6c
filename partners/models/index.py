"""The directory page: every organisation, filtered, and one page per organisation under it."""

from django.utils.translation import gettext_lazy as _

from home.models import IndexPage
from home.records import RecordIndexMixin
from home.routing import RoutedPageMixin


class DirectoryIndexPage(RecordIndexMixin, RoutedPageMixin, IndexPage):
    """A language's directory of organisations, at /es/organizaciones/ and /en/organisations/;
    each organisation's page is at its slug below it (home/records.py)."""

    routes = "partners.routes.directory"
    record_model = "directory.Organization"
    subpage_types = []
    # The theme filter names a translated slug: the language switcher names its translation.
    query_translations = {"theme": ("practices.Theme", "slug")}

    class Meta:
        verbose_name = _("organisations directory")


class AgreementIndexPage(RecordIndexMixin, RoutedPageMixin, IndexPage):
    """A language's list of agreements, at /es/acuerdos/ and /en/agreements/; each agreement's
    page is at its slug below it (home/records.py)."""

    routes = "partners.routes.agreements"
    record_model = "partners.Agreement"
    subpage_types = []

    class Meta:
        verbose_name = _("agreements index")
