"""Public pages for snippet records (organisations, objectives, …) under a routed index page.

A record is a translatable snippet; its page lives under a :class:`RecordIndexMixin` page, at
``<index url><slug>/`` in each language: ``/es/organizaciones/utl/`` and
``/en/organisations/utl/``.

**The slug is one per record, shared by all its translations** (a synchronised field, see
:class:`SluggedRecord`). It is made once from the source record's name, and never changes when
the name does (a published address stays valid); editors may set it by hand. So the address of
the same record in the other language differs only by the index page's own translated slug,
and a link someone shared keeps working after a rename or a translation.

Under each language's index, a slug finds the record *in that language* only: an English
address of a record not yet translated is a 404, and the language switcher and hreflang of the
Spanish page do not point at it.

To give a model public pages:

1. ``class Organization(TranslatableMixin, SluggedRecord, ...)`` with ``slug_source = "name"``,
   ``SynchronizedField("slug")`` in its ``translatable_fields``, ``FieldPanel("slug")`` in its
   panels, and ``unique_slug_constraint("directory_organization")`` in its Meta's
   ``constraints``.
2. An index page ``class DirectoryIndexPage(RecordIndexMixin, RoutedPageMixin, IndexPage)``
   with ``record_model = "directory.Organization"`` and a routes module whose patterns include
   ``record_urlpatterns(view)``; the view is ``view(page, request, record)``.

The index page then gives each record its URL (:meth:`RecordIndexMixin.record_url`), lists
every record in the sitemap (:meth:`RecordIndexMixin.get_sitemap_urls`), and lets the
language switcher and hreflang point at the record's translation (home/i18n.py asks the page
through ``translated_route_suffix``).
"""

from functools import wraps

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.urls import path
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, get_page_models

from .pages import per_request, public_index_page

SLUG_MAX_LENGTH = 80
# Sub-routes an index page may have besides its records' pages (open data, feeds): no record
# may take one of these as its slug, or its page would be hidden behind that route.
RESERVED_SLUGS = frozenset({"data", "data-dictionary", "feed", "popolo"})


def unique_slug_constraint(prefix):
    """The database's guarantee that a slug names one record per language."""
    return models.UniqueConstraint(fields=["locale", "slug"], name=f"{prefix}_unique_slug")


class SluggedRecord(models.Model):
    """A translatable record with a stable, language-independent slug for its public address."""

    slug_source = "name"  # the field the slug is made from when an editor leaves it empty

    slug = models.SlugField(
        _("address"),
        max_length=SLUG_MAX_LENGTH,
        blank=True,
        allow_unicode=False,
        help_text=_(
            "The last part of the record's public address, the same in every language. Made "
            "from the name when left empty; it does not change when the name does, so links "
            "people shared keep working."
        ),
    )

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = self.free_slug()
        super().save(*args, **kwargs)

    def _slug_taken(self, slug):
        """Whether another record (not a translation of this one) already has ``slug``."""
        others = type(self)._default_manager.filter(slug=slug)
        if self.translation_key:
            others = others.exclude(translation_key=self.translation_key)
        return others.exists()

    def free_slug(self, base=None):
        """A slug made from ``base`` (default: the name) that no other record uses."""
        base = (
            slugify(base or str(getattr(self, self.slug_source, "") or ""))[
                : SLUG_MAX_LENGTH - 4
            ].strip("-")
            or type(self)._meta.model_name
        )
        slug, number = base, 2
        if slug in RESERVED_SLUGS:
            slug = f"{base}-{number}"
            number += 1
        while self._slug_taken(slug):
            slug, number = f"{base}-{number}", number + 1
        return slug

    def clean(self):
        super().clean()
        if self.slug in RESERVED_SLUGS:
            raise ValidationError(
                {"slug": _("This address is used by the site itself; choose another one.")}
            )
        if self.slug and self._slug_taken(self.slug):
            raise ValidationError(
                {"slug": _("Another record already has this address; choose another one.")}
            )


def record_view(view):
    """A route's view ``view(page, request, record)`` from ``(page, request, slug)``.

    The record is looked up in the index page's language (404 otherwise) and kept on the request
    so that the language switcher and hreflang can name its translation.
    """

    @wraps(view)
    def wrapper(page, request, slug):
        record, translations = page.get_record_with_translations(slug)
        request.routed_record = record
        request._record_translations = translations  # for translated_route_suffix
        remember_record_index(page, request)
        return view(page, request, record)

    return wrapper


def record_urlpatterns(view, name="record"):
    """The URL patterns of an index page's record pages: ``<slug>/``."""
    return [path("<slug:slug>/", record_view(view), name=name)]


class RecordIndexMixin:
    """An index page (with RoutedPageMixin) that serves one page per record of ``record_model``."""

    record_model = ""  # "app_label.Model", a SluggedRecord
    record_route = "record"  # the name of the record route in the page's routes module

    @classmethod
    def get_record_model(cls):
        return apps.get_model(cls.record_model)

    def records(self):
        """The records of this page's language: those that have a page under it."""
        return self.get_record_model()._default_manager.filter(locale_id=self.locale_id)

    def get_record(self, slug):
        try:
            return self.records().get(slug=slug)
        except self.get_record_model().DoesNotExist:
            raise Http404(_("No such record in this language.")) from None

    def get_record_with_translations(self, slug):
        """(the record of ``slug`` in this page's language, {locale_id: each of its
        translations, itself included}), in one query; 404 when it has no such record."""
        named = self.records().filter(slug=slug).values("translation_key")
        group = list(self.get_record_model()._default_manager.filter(translation_key__in=named))
        for record in group:
            if record.locale_id == self.locale_id and record.slug == slug:
                return record, {other.locale_id: other for other in group}
        raise Http404(_("No such record in this language."))

    def record_path(self, record):
        return self.reverse_subpage(self.record_route, kwargs={"slug": record.slug})

    def record_url(self, record, request=None):
        """The record's address under this page (relative to the site, as page.url is)."""
        # The page's own address is worked out once per request, not once per listed record.
        base = per_request(("page_url", self.pk), lambda: self.get_url(request))
        return f"{base}{self.record_path(record)}" if base else None

    def record_full_url(self, record, request=None):
        # Once per request too: a file or a sitemap lists thousands of records.
        base = per_request(("page_full_url", self.pk), lambda: self.get_full_url(request))
        return f"{base}{self.record_path(record)}" if base else None

    def translated_route_suffix(self, request, translation, suffix):
        """The sub-route of ``translation`` (this page in another language) that shows what the
        request shows here; None when there is none (the record is not translated)."""
        record = getattr(request, "routed_record", None)
        if record is None or not suffix:
            return suffix
        if translation.locale_id == record.locale_id:
            return suffix
        # The switcher and hreflang both ask: look the record's translations up once, and keep
        # them while the content is unchanged (home/cache/shared.py).
        if getattr(request, "_record_translations", None) is None:
            model = self.get_record_model()
            request._record_translations = per_request(
                ("record_translations", model._meta.label, record.translation_key),
                lambda: {
                    other.locale_id: other
                    for other in model._default_manager.filter(
                        translation_key=record.translation_key
                    )
                },
                shared=True,
            )
        other = request._record_translations.get(translation.locale_id)
        return self.record_path(other) if other else None

    def record_sitemap_entries(self, request=None):
        """A sitemap entry per record in this page's language, with its translations' addresses
        as alternates; three queries whatever the number of records."""
        model = self.get_record_model()
        mine = list(self.records().order_by("pk"))
        if not mine:
            return []
        indexes = {
            page.locale_id: page
            for page in Page.objects.filter(translation_key=self.translation_key)
            .live()
            .public()
            .select_related("locale")
            .specific()
        }
        translations = {}
        for record in model._default_manager.filter(
            translation_key__in=[record.translation_key for record in mine],
            locale_id__in=list(indexes),
        ).order_by("pk"):
            translations.setdefault(record.translation_key, []).append(record)
        bases = {pk: page.get_full_url(request) for pk, page in indexes.items()}
        order = [code for code, _name in settings.LANGUAGES]
        entries = []
        for record in mine:
            alternates = sorted(
                (
                    (
                        indexes[other.locale_id].locale.language_code,
                        bases[other.locale_id] + self.record_path(other),
                    )
                    for other in translations.get(record.translation_key, [])
                    if bases.get(other.locale_id)
                ),
                key=lambda item: order.index(item[0]) if item[0] in order else len(order),
            )
            entries.append(
                {
                    "location": self.record_full_url(record, request),
                    "lastmod": getattr(record, "updated_at", None),
                    "alternates": alternates,
                }
            )
        return entries

    def get_sitemap_urls(self, request=None):
        return [*super().get_sitemap_urls(request), *self.record_sitemap_entries(request)]


def _known_indexes(request):
    if request is None:
        return {}
    if getattr(request, "_record_indexes", None) is None:
        request._record_indexes = {}
    return request._record_indexes


def remember_record_index(page, request):
    """Let links to records served by ``page`` (in its language) find it without a query."""
    _known_indexes(request)[(page.record_model, page.locale_id)] = page


def record_index(record, request=None):
    """The live index page that serves ``record``'s page in its language, or None; one query per
    kind of record and language, remembered for the rest of the request and, while the content
    is unchanged, for the next ones."""
    key = (record._meta.label, record.locale_id)
    found = _known_indexes(request)
    if key not in found:
        # Kept across requests while the content is unchanged (home/cache/shared.py).
        found[key] = per_request(("record_index", *key), lambda: _find_index(*key), shared=True)
    return found[key]


def _find_index(label, locale_id):
    for model in get_page_models():
        if issubclass(model, RecordIndexMixin) and model.record_model == label:
            index = public_index_page(model, locale_id)
            if index is not None:
                return index
    return None


def record_url(record, request=None):
    """The address of ``record``'s public page, or "" when no index page serves it."""
    if record is None or not getattr(record, "slug", ""):
        return ""
    index = record_index(record, request)
    return (index.record_url(record, request) or "") if index is not None else ""
