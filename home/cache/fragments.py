"""Parts of a page rendered once while the content is unchanged: Django's ``{% cache %}`` tag,
keyed on the content generation.

A view puts ``fragment(...)`` in its context and the template wraps an expensive part (a long
table, charts, a filter form whose options are read from the database) in::

    {% cache fragment.seconds "directory-who" fragment.key %}…{% endcache %}

The key carries the content generation (read before the part is rendered, so a part rendered
while a change commits is stored under the old generation and never served), the language,
the local date (report statuses and "due in" texts change at midnight) and what the view says
the part depends on (its filters, the page number). Every change bumps the generation, so a
kept part is never shown after a change, in any process (the cache is Redis when configured).
When the generation cannot be read, ``seconds`` is 0 and nothing is kept. Whatever the part
reads must then be lazy in the context (``SimpleLazyObject``), so that a kept part costs no
query.
"""

from django.utils import timezone, translation

from . import generation

SECONDS = 24 * 60 * 60  # a bound on the room a part takes: the generation keeps it exact


def content_key(*vary_on):
    """(generation, language, local date, *vary_on): the key of a value kept while the content
    is unchanged, or None when the generation cannot be read (then nothing may be kept)."""
    current = generation()
    if current is None:
        return None
    return (current, translation.get_language(), timezone.localdate().isoformat(), *vary_on)


def fragment(*vary_on):
    """``{"seconds", "key"}`` for ``{% cache fragment.seconds NAME fragment.key %}``."""
    key = content_key(*vary_on)
    return {"seconds": 0 if key is None else SECONDS, "key": key}


def page_fragment(page, request, *vary_on):
    """``fragment(page.pk, *vary_on)`` for a part of a page's own content, kept for the live
    page only: a preview renders the draft (or its unsaved rows) and neither reads nor writes
    the live page's kept part."""
    if getattr(request, "is_preview", False) or not page.pk or not page.live:
        return {"seconds": 0, "key": None}
    return fragment(page.pk, *vary_on)
