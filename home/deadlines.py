"""The days allowed for a trip report, read from the site settings in one place.

Pages, filters, exports and the admin all ask ``report_days``: the request's site when there is
a request, the default site otherwise, and the setting's own default when there is no site.
"""

from wagtail.models import Site

from .models import SiteSettings

DEFAULT_REPORT_DAYS = SiteSettings._meta.get_field("report_days").default


def report_days(site=None, request=None):
    """Days after its return within which a mission's report is due."""
    if site is None and request is not None:
        site = Site.find_for_request(request)
    if site is None:
        site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return DEFAULT_REPORT_DAYS
    return SiteSettings.for_site(site).report_days
