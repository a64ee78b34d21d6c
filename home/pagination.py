"""One page of a long list, and what the reader is told when the page asked for does not exist.

Every listing (missions, practices, search) pages through ``paginate``: a page number that is
not a number or is past the end shows the first page with one notice, in one wording, and the
reader's bad value is echoed shortened by ``shorten``, as every ignored parameter is.
"""

from django.core.paginator import InvalidPage, Paginator
from django.utils.translation import gettext as _

NOTICE_VALUE_LENGTH = 40


def shorten(value, length=NOTICE_VALUE_LENGTH):
    """A reader's value, cut to ``length`` characters with "…", to echo in a notice."""
    value = str(value)
    return value if len(value) <= length else value[: length - 1] + "…"


def paginate(items, number, per_page, notices):
    """The page ``number`` of ``items`` (the first when empty or invalid, with a notice)."""
    paginator = Paginator(items, per_page)
    if number in (None, ""):
        return paginator.page(1)
    try:
        return paginator.page(number)
    except InvalidPage:
        notices.append(
            _("There is no page “%(value)s”; showing the first.") % {"value": shorten(number)}
        )
        return paginator.page(1)
