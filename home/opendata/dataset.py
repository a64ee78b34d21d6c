"""A dataset: a few resources (tables) published under the routed index page of an app.

A ``Dataset`` subclass says what the dataset is (``name``, ``title``, ``description``,
``resources``, ``index_page``); an instance is bound to one index page and one request (or
explicit query parameters) and answers for what they select: ``applied`` filters,
``ignored`` parameter names, ``freshness()`` (last modified, row count), ``rows(resource)``
and ``row_count(resource)``. The views, the Data Package, the data dictionary and the portal
only ever talk to this interface.
"""

import hashlib
from importlib import import_module
from itertools import islice
from urllib.parse import urlencode

from django.apps import apps
from django.http import QueryDict

from home.models import SiteSettings
from home.pages import per_request, public_index_page

from .together import read_together


def with_query(url, applied):
    return f"{url}?{urlencode(applied)}" if applied else url


def licence(request):
    """The open-data licence and publisher of the request's site (Site settings)."""
    settings = SiteSettings.for_request(request)
    return {
        "name": settings.open_data_licence_name,
        "url": settings.open_data_licence_url,
        "publisher": f"{settings.office_name}, {settings.municipality_name}",
    }


class Dataset:
    name = ""  # stable and unique on the site: "missions"
    title = ""  # lazy translated strings
    description = ""
    resources = ()  # Resource objects, in the order they are listed
    index_page = ""  # "app_label.ModelName" of the routed page that serves the files
    version = "1"  # bumped whenever columns change, so that cached copies (ETag) refresh
    filter_names = ()  # the query parameters its files and the API accept as filters
    # File names ("missions.csv") of the full files made again in the background after each
    # change (home/cache/warm.py): those that take a visitor long to wait for and are small
    # enough to be kept (PAGE_CACHE_MAX_MB; a larger one is streamed every time anyway).
    warm_after_change = ()
    dictionary_template = "opendata/data_dictionary.html"
    links_template = "opendata/includes/links.html"

    def __init__(self, index, request, params=None):
        self.index = index
        self.request = request
        self.params = request.GET if params is None else params

    # What an app implements -----------------------------------------------------------------

    @property
    def applied(self):
        """The filters applied, as {parameter: value} (kept in every link of the files)."""
        return {}

    @property
    def ignored(self):
        """Names of the query parameters that were given but dropped as invalid."""
        return []

    def ignored_reason(self, name):
        """Why parameter ``name`` was ignored ("is not a date (YYYY-MM-DD)"), if known."""
        return None

    def freshness(self):
        """(last modified datetime or None, row count): what the ETag and Last-Modified say."""
        raise NotImplementedError

    def rows(self, resource):
        """The rows of ``resource`` for this selection: dicts keyed by column name."""
        raise NotImplementedError

    def kept_csv(self, resource):
        """The text of the CSV rows of ``resource``, chunk by chunk, from the chunks kept while
        their rows are unchanged (home/opendata/chunks.py), or None: written from ``rows()``."""
        return None

    def row_count(self, resource):
        """How many rows ``resource`` has for this selection."""
        raise NotImplementedError

    def figures(self):
        """(last modified, {resource slug: row count}) of this selection, for the portal's list:
        the values of ``figure_parts()`` read in one query, else ``freshness()`` and each
        ``row_count()`` asked one by one. A dataset may override it or ``figure_parts()``,
        always with the very same values."""
        parts = self.figure_parts()
        if parts is not None:
            return self.figures_from(read_together(**parts))
        last_modified, _count = self.freshness()
        return last_modified, {
            resource.slug: self.row_count(resource) for resource in self.resources
        }

    def figure_parts(self):
        """What ``figures()`` reads, as {name: part} of ``home.opendata.together`` (so that the
        portal reads every dataset's in one query), or None."""
        return None

    def figures_from(self, values):
        """``figures()`` from the values of ``figure_parts()`` ({name: value})."""
        raise NotImplementedError

    def page(self, resource, offset, limit, key=None):
        """Rows ``offset`` to ``offset + limit`` of ``resource`` (only the row whose primary
        key is ``key``, if given), for the API. This default reads ``rows()`` up to the end of
        the window; a dataset with large tables overrides it to page in the database."""
        rows = self.rows(resource)
        if key:  # a row's key may be a UUID: compared as the text the API was given
            rows = (row for row in rows if str(row[resource.primary_key]) == key)
        return list(islice(rows, offset, offset + limit))

    def totals(self):
        """The selection's figures for the API's metadata (a JSON-ready dict), if any."""
        return None

    # Derived --------------------------------------------------------------------------------

    @classmethod
    def resource(cls, slug):
        return next((resource for resource in cls.resources if resource.slug == slug), None)

    @classmethod
    def index_model(cls):
        return apps.get_model(cls.index_page)

    @classmethod
    def index_for(cls, locale):
        """The live, public index page serving this dataset in ``locale`` (None if none); kept
        across requests while the content is unchanged (home/cache/shared.py)."""
        return per_request(
            ("dataset_index", cls.name, getattr(locale, "pk", locale)),
            lambda: public_index_page(cls.index_model(), locale),
            shared=True,
        )

    @classmethod
    def unfiltered(cls, index, request):
        return cls(index, request, params=QueryDict())

    @property
    def language(self):
        return self.index.locale.language_code

    def licence(self):
        return licence(self.request)

    def etag(self, name, last_modified, count):
        licence = self.licence()
        parts = (
            self.version,
            name,
            self.index.pk,
            sorted(self.applied.items()),
            count,
            last_modified.isoformat() if last_modified else "",
            licence["name"],
            licence["url"],
        )
        digest = hashlib.sha256("|".join(map(str, parts)).encode()).hexdigest()
        return f'"{digest[:32]}"'

    def path(self, name, **kwargs):
        """A route's path under the index, without the trailing slash Wagtail's router adds."""
        return self.index.reverse_subpage(name, kwargs=kwargs).rstrip("/")

    def file_url(self, slug, fmt, applied=None, full=True):
        base = self.index.get_full_url(self.request) if full else self.index.url
        url = base + self.path("open_data", resource=slug, fmt=fmt)
        return with_query(url, self.applied if applied is None else applied)

    def datapackage_url(self, applied=None, full=True):
        base = self.index.get_full_url(self.request) if full else self.index.url
        return with_query(
            base + self.path("datapackage"), self.applied if applied is None else applied
        )

    def dictionary_url(self, full=True):
        base = self.index.get_full_url(self.request) if full else self.index.url
        return base + self.index.reverse_subpage("data_dictionary")

    def links(self, applied=None):
        """Relative links to the files, Data Package and dictionary (for the page's template)."""
        return {
            "files": [
                {
                    "resource": resource,
                    "csv": self.file_url(resource.slug, "csv", applied, full=False),
                    "json": self.file_url(resource.slug, "json", applied, full=False),
                }
                for resource in self.resources
            ],
            "datapackage": self.datapackage_url(applied, full=False),
            "dictionary": self.dictionary_url(full=False),
        }


def _app_datasets(app_config):
    module_name = getattr(app_config, "opendata", None)
    if not module_name:
        return ()
    return tuple(import_module(f"{app_config.name}.{module_name}").DATASETS)


def datasets():
    """Every dataset of the site: each app's AppConfig names the module (relative to the app)
    whose ``DATASETS`` lists its Dataset classes (``opendata = "opendata.datasets"``), in the
    order of INSTALLED_APPS. Resource names must be unique across the site."""
    found = [dataset for config in apps.get_app_configs() for dataset in _app_datasets(config)]
    seen = {}
    for dataset in found:
        for resource in dataset.resources:
            other = seen.setdefault(resource.name, dataset)
            if other is not dataset:
                raise ValueError(
                    f"Open-data resource name {resource.name!r} is used by both "
                    f"{other.__name__} and {dataset.__name__}"
                )
    return found
