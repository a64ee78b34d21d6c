"""The deadlines the site applies, read from the site settings in one place.

Pages, filters, exports and the admin all ask ``report_days`` (a trip report) or
``standards_grace_days`` (a service standard's measurement): the request's site when there is
a request, the default site otherwise, and the setting's own default when there is no site.
"""

from wagtail.models import Site

from .models import SiteSettings
from .pages import per_request

DEFAULT_REPORT_DAYS = SiteSettings._meta.get_field("report_days").default


def _setting(name, site, request):
    if site is None and request is not None:
        return getattr(SiteSettings.for_request(request), name)  # cached on the request
    # Kept across requests while the content is unchanged (a settings save bumps it): the
    # default site, and each site's settings, read once for all the names and the layout.
    if site is None:
        site = per_request(
            "deadlines_default_site",
            lambda: Site.objects.filter(is_default_site=True).first(),
            shared=True,
        )
    if site is None:
        return SiteSettings._meta.get_field(name).default
    # The same shared read as the layout's SiteSettings.for_request (no query of its own).
    return getattr(SiteSettings.shared_for_site(site), name)


def report_days(site=None, request=None):
    """Days after its return within which a mission's report is due."""
    return _setting("report_days", site, request)


def standards_grace_days(site=None, request=None):
    """Days after a standard's period ends before its missing measurement is overdue."""
    return _setting("standards_grace_days", site, request)
