"""One page of a long list, and what the reader is told when the page asked for does not exist.

Every listing (missions, practices, search) pages through ``paginate``: a page number that is
not a number or is past the end shows the first page with one notice, in one wording, and the
reader's bad value is echoed shortened by ``shorten``, as every ignored parameter is.
"""

from django.core.paginator import InvalidPage, Paginator
from django.utils.translation import gettext as _

from .params import ParamError, parse_int, shorten

__all__ = ["MISSIONS_PER_PAGE", "paginate", "shorten"]

# Missions listed on a page about something else (an organisation, an objective): the rest are
# on the next pages, and all of them in the missions index with its filters and open data.
MISSIONS_PER_PAGE = 20


def paginate(items, number, per_page, notices, count=None):
    """The page ``number`` of ``items`` (the first when empty or invalid, with a notice).

    ``count``, when the caller already read how many ``items`` there are, saves the
    paginator its own ``COUNT(*)``."""
    paginator = Paginator(items, per_page)
    if count is not None:
        paginator.count = count  # Paginator.count is a cached_property: this is its value
    if number in (None, ""):
        return paginator.page(1)
    try:
        # ASCII digits only: Paginator's own int() would take "١" (Arabic-Indic one) as 1.
        return paginator.page(parse_int(str(number), minimum=1))
    except (ParamError, InvalidPage):
        notices.append(
            _("There is no page “%(value)s”; showing the first.") % {"value": shorten(number)}
        )
        return paginator.page(1)
