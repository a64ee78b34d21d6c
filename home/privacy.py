"""Wagtail's "public pages" filter without a query each time it is used.

Wagtail's ``PageQuerySet.public()`` reads every view restriction each time it is called (three
or four times per page of this site: the figures, the menus, the lists), then excludes each
restricted section. ``private_q`` below builds the very same condition (so the search
backends, which translate it into their own filters, still understand it) from the
restrictions read once per request (home/pages.py). ``HomeConfig.ready`` puts it in Wagtail's
place; tests/test_performance_queries.py checks the pages it keeps against Wagtail's rule.
``get_view_restrictions`` spares the check of each served page its two queries while the site
has no restriction at all.
"""

from django.db.models import Q
from wagtail.models import Page, PageViewRestriction
from wagtail.query import PageQuerySet

from .pages import connect, restricted_pages


def private_q(self):
    """Pages that are, or are under, a page with a view restriction (Wagtail's rule)."""
    q = Q()
    for page in restricted_pages():
        q |= self.descendant_of_q(page, inclusive=True)
    return q if q else Q(pk__in=[])  # no private section: match no page


_wagtail_get_view_restrictions = Page.get_view_restrictions


def get_view_restrictions(self):
    """Wagtail's ``Page.get_view_restrictions`` (the restrictions on the page and its
    ancestors), without its two queries when the site has no view restriction at all: the
    common case, checked by Wagtail on every page it serves. With any restriction on the site,
    Wagtail's own (which follows aliases to their source pages) answers."""
    if not restricted_pages():
        return PageViewRestriction.objects.none()
    return _wagtail_get_view_restrictions(self)


def install():
    PageQuerySet.private_q = private_q
    Page.get_view_restrictions = get_view_restrictions
    connect()
