"""The sitemap: an index (``/sitemap.xml``) of per-section sitemaps, each split into pages.

Search engines read at most 50,000 addresses (and 50 MB) per sitemap; with thousands of
missions and organisations one file for the whole site grows past what crawlers read quickly
(2.7 MB at 5,000 missions and 2,000 organisations). So the site has one section per app that
has pages (``pages-missions``: every live public page of the missions app, in every language)
and one per record model that has public pages (``directory-organization``: every
organisation under a live directory index, in every language), each served by Django's
sitemap framework at ``/sitemap-<section>.xml`` and paginated at ``SITEMAP_LIMIT`` addresses
(``?p=2`` …). ``/sitemap.xml`` lists the non-empty sections and their pages with their latest
change; ``robots.txt`` points to it.

Every entry carries its translations as ``hreflang`` alternates (and the Spanish one as
``x-default``). The queries are a fixed number per sitemap page whatever the number of
addresses: a page of entries is read in one query and its translations in one more.

The sections are known from the code (the page models and the :class:`RecordIndexMixin`
pages), not from the data, so a section's address never depends on what is published.
"""

from functools import reduce
from operator import or_

from django.apps import apps
from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps import views as sitemap_views
from django.core.paginator import Paginator
from django.db.models import Count, Max
from django.http import Http404
from django.utils.functional import cached_property
from wagtail.models import Locale, Page, Site, get_page_models

from .pages import per_request
from .records import RecordIndexMixin

DEFAULT_LIMIT = 5000


def _limit():
    return getattr(settings, "SITEMAP_LIMIT", DEFAULT_LIMIT)


def _language_order(code):
    order = [language for language, _name in settings.LANGUAGES]
    return order.index(code) if code in order else len(order)


def _languages():
    return per_request(
        "sitemap_languages", lambda: dict(Locale.objects.values_list("pk", "language_code"))
    )


def _site_roots(request):
    """The request's site root page in every language (read once per request)."""
    roots = getattr(request, "_sitemap_roots", None)
    if roots is None:
        site = Site.find_for_request(request)
        roots = request._sitemap_roots = (
            list(Page.objects.filter(translation_key=site.root_page.translation_key))
            if site
            else []
        )
    return roots


def site_pages(request):
    """Every live public page of the request's site, in every language."""
    return (
        reduce(
            or_,
            (Page.objects.descendant_of(root, inclusive=True) for root in _site_roots(request)),
            Page.objects.none(),
        )
        .live()
        .public()
    )


def page_addresses(request):
    """A function from a page's ``url_path`` to its full address, as ``Page.get_full_url``
    gives it for the pages of ``site_pages``: the address of the site root (in its language)
    the page lies under, then the rest of its path. A section's sitemap lists thousands of
    pages and their translations; reading each as a Page and asking Wagtail for its address
    cost two thirds of the sitemap's time (tests/test_performance_sitemap.py compares the
    two for every page)."""
    roots = sorted(
        ((root.url_path, root.get_full_url(request)) for root in _site_roots(request)),
        key=lambda pair: -len(pair[0]),
    )
    roots = [(path, address) for path, address in roots if address]

    def address(url_path):
        for root_path, root_address in roots:
            if url_path.startswith(root_path):
                return root_address + url_path[len(root_path) :]
        return None

    return address


def record_indexes(request):
    """The live record index pages of the site, by record model label, then by locale id."""

    def read():
        classes = [model for model in get_page_models() if issubclass(model, RecordIndexMixin)]
        found = {}
        if classes:
            for page in site_pages(request).type(*classes).order_by("path").specific():
                by_locale = found.setdefault(page.get_record_model()._meta.label_lower, {})
                by_locale.setdefault(page.locale_id, page)
        return found

    if getattr(request, "_sitemap_record_indexes", None) is None:
        request._sitemap_record_indexes = read()
    return request._sitemap_record_indexes


class SectionSitemap(Sitemap):
    """One section; ``count`` and ``latest``, when the index already read them, spare a query."""

    def __init__(self, request, count=None, latest=None):
        self.request = request
        self._count = count
        self._latest = latest
        self.limit = _limit()

    @cached_property
    def paginator(self):
        paginator = Paginator(self.items(), self.limit)
        if self._count is not None:
            paginator.count = self._count  # the index counted every section in one query
        return paginator

    def get_latest_lastmod(self):
        return self._latest

    def entries(self, objects):
        """``(location, lastmod, alternates)`` for each object of a sitemap page."""
        raise NotImplementedError

    def _urls(self, page, protocol, domain):
        urls = []
        for location, lastmod, alternates in self.entries(
            list(self.paginator.page(page).object_list)
        ):
            if not location:
                continue
            alternates = sorted(alternates, key=lambda item: _language_order(item[0]))
            links = [{"lang_code": code, "location": url} for code, url in alternates]
            links += [
                {"lang_code": "x-default", "location": url}
                for code, url in alternates
                if code == settings.LANGUAGE_CODE
            ]
            urls.append({"location": location, "lastmod": lastmod, "alternates": links})
        return urls


class PageSectionSitemap(SectionSitemap):
    """The live public pages whose type belongs to one app, in every language."""

    def __init__(self, request, app_label, **kwargs):
        super().__init__(request, **kwargs)
        self.app_label = app_label

    # Only what an entry needs, as tuples: no Page is built (a section has thousands).
    fields = ("url_path", "locale_id", "translation_key", "last_published_at")

    def items(self):
        return (
            site_pages(self.request)
            .filter(content_type__app_label=self.app_label)
            .order_by("path")
            .values_list(*self.fields)
        )

    def entries(self, pages):
        languages = _languages()
        address = page_addresses(self.request)
        translations = {}
        for url_path, locale_id, key, _published in (
            site_pages(self.request)
            .filter(translation_key__in={page[2] for page in pages})
            .values_list(*self.fields)
        ):
            url = address(url_path)
            if url:
                translations.setdefault(key, []).append((languages[locale_id], url))
        for url_path, _locale_id, key, published in pages:
            yield address(url_path), published, translations.get(key, [])


class RecordSectionSitemap(SectionSitemap):
    """The records of one model that have a page under a live index, in every language."""

    def __init__(self, request, model, **kwargs):
        super().__init__(request, **kwargs)
        self.model = model
        self.dated = any(field.name == "updated_at" for field in model._meta.get_fields())

    @cached_property
    def indexes(self):
        return record_indexes(self.request).get(self.model._meta.label_lower, {})

    @cached_property
    def bases(self):
        return {locale: page.get_full_url(self.request) for locale, page in self.indexes.items()}

    def records(self):
        if not self.indexes:
            return self.model._default_manager.none()
        return reduce(or_, (index.records() for index in self.indexes.values()))

    @cached_property
    def fields(self):
        # Only what an entry needs, as named tuples: no model instance is built (a directory
        # of organisations has thousands, each a ClusterableModel).
        return ("pk", "locale_id", "translation_key", "slug", *(("updated_at",) * self.dated))

    def items(self):
        return self.records().order_by("pk").values_list(*self.fields, named=True)

    def _address(self, record):
        base = self.bases.get(record.locale_id)
        return f"{base}{self.indexes[record.locale_id].record_path(record)}" if base else None

    def entries(self, records):
        languages = _languages()
        translations = {}
        for other in (
            self.records()
            .filter(translation_key__in={record.translation_key for record in records})
            .values_list(*self.fields, named=True)
        ):
            url = self._address(other)
            if url:
                translations.setdefault(other.translation_key, []).append(
                    (languages[other.locale_id], url)
                )
        for record in records:
            yield (
                self._address(record),
                getattr(record, "updated_at", None),
                translations.get(record.translation_key, []),
            )


def page_sections():
    """``{section: app label}`` for every app with page models (``wagtailcore`` excluded)."""
    labels = sorted({model._meta.app_label for model in get_page_models()} - {"wagtailcore"})
    return {f"pages-{label}": label for label in labels}


def record_sections():
    """``{section: record model}`` for every record model served by a RecordIndexMixin page."""
    models = {
        apps.get_model(model.record_model)
        for model in get_page_models()
        if issubclass(model, RecordIndexMixin) and model.record_model
    }
    return {
        f"{model._meta.app_label}-{model._meta.model_name}": model
        for model in sorted(models, key=lambda model: model._meta.label_lower)
    }


def section_sitemap(request, section, **kwargs):
    pages = page_sections()
    if section in pages:
        return PageSectionSitemap(request, pages[section], **kwargs)
    records = record_sections()
    if section in records:
        return RecordSectionSitemap(request, records[section], **kwargs)
    return None


def _page_statistics(request):
    return {
        row["content_type__app_label"]: (row["count"], row["latest"])
        for row in site_pages(request)
        .order_by()
        .values("content_type__app_label")
        .annotate(count=Count("pk"), latest=Max("last_published_at"))
    }


def index_sections(request):
    """The non-empty sections, each with its number of addresses and latest change, read in one
    query for all page sections and one per record model."""
    sections = {}
    statistics = _page_statistics(request)
    for section, label in page_sections().items():
        count, latest = statistics.get(label, (0, None))
        if count:
            sections[section] = PageSectionSitemap(request, label, count=count, latest=latest)
    for section, model in record_sections().items():
        sitemap = RecordSectionSitemap(request, model)
        if not sitemap.indexes:
            continue
        aggregates = {"count": Count("pk")}
        if sitemap.dated:
            aggregates["latest"] = Max("updated_at")
        row = sitemap.records().order_by().aggregate(**aggregates)
        if row["count"]:
            sitemap._count, sitemap._latest = row["count"], row.get("latest")
            sections[section] = sitemap
    return sections


def index(request):
    return sitemap_views.index(
        request,
        index_sections(request),
        template_name="sitemap_index.xml",
        sitemap_url_name="sitemap_section",
    )


def section(request, section):
    sitemap = section_sitemap(request, section)
    if sitemap is None:
        raise Http404("No such sitemap.")
    return sitemap_views.sitemap(request, {section: sitemap}, section=section)
