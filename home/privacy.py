"""Wagtail's "public pages" filter in SQL, so that it costs no query of its own.

Wagtail's ``PageQuerySet.public()`` first reads every view restriction (one query each time it
is called: three or four per page of this site, from the figures, the menus and the lists)
and then builds one condition per restricted section. The same rule — a page is private when
it or one of its ancestors has a view restriction — fits in one ``EXISTS`` subquery inside the
query that lists the pages, which is what ``private_q`` below returns. ``HomeConfig.ready``
puts it in Wagtail's place; tests/test_performance_queries.py checks both give the same pages.
"""

from django.db.models import CharField, Exists, ExpressionWrapper, F, OuterRef, Q
from django.db.models.lookups import StartsWith
from wagtail.query import PageQuerySet


def private_q(queryset=None):
    """Pages that are, or are under, a page with a view restriction."""
    from wagtail.models import PageViewRestriction

    outer_path = ExpressionWrapper(OuterRef("path"), output_field=CharField())
    restricted = PageViewRestriction.objects.filter(StartsWith(outer_path, F("page__path")))
    return Q(Exists(restricted))


def install():
    PageQuerySet.private_q = private_q
