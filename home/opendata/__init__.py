"""The site's open-data mechanism, shared by every app that publishes data.

- ``schema``: ``Column`` and ``Resource`` (one definition per table; the CSV header, the JSON
  keys, the data dictionary and the Frictionless Table Schema all come from it) and the column
  types ``STRING INTEGER NUMBER DATE DATETIME BOOLEAN``;
- ``cells.neutralise``: the one spreadsheet formula rule, for every CSV and XLSX cell the site
  writes (``spreadsheets`` applies it to Wagtail's admin exports too);
- ``files``: streamed CSV and JSON; ``package``: JSON metadata and the Data Package;
- ``dataset``: ``Dataset``, what an app subclasses, and ``datasets()``, the registry;
- ``routes.dataset_urls``: the routes that publish a dataset under its index page;
- ``views``: those routes' views (ETag, Last-Modified, 304, CORS) and ``serve_data_file``.

How an app adds a dataset
-------------------------
1. Define its tables with ``Resource`` and ``Column`` (``name`` unique on the site; ``slug``
   is the file name), and a ``Dataset`` subclass that names them and the routed index page
   serving them, and implements ``freshness()``, ``rows(resource)`` and ``row_count(resource)``
   (``applied`` and ``ignored`` too if the files follow the page's filters)::

       class PartnersDataset(Dataset):
           name = "organisations"
           title = _("Partner organisations")
           description = _("…")
           resources = (ORGANISATIONS,)
           index_page = "directory.OrganisationIndexPage"

           def freshness(self):
               rows = Organization.objects.filter(locale=self.index.locale)
               return rows.aggregate(Max("updated_at"))["updated_at__max"], rows.count()

           def rows(self, resource):
               return organisation_rows(self.index.locale)

           def row_count(self, resource):
               return Organization.objects.filter(locale=self.index.locale).count()

2. List it in a module of the app, ``DATASETS = (PartnersDataset,)``, and name that module
   on the AppConfig, relative to the app: ``opendata = "opendata"``. The portal
   (``/es/datos/``), the site-wide ``datapackage.json`` and the API docs find it there.
3. Add its routes to the index page's routes module (see home/routing.py)::

       urlpatterns = [path("", views.listing, name="listing"), *dataset_urls(PartnersDataset)]

   which serves ``data/<slug>.csv``, ``data/<slug>.json``, ``data/datapackage.json`` and
   ``data-dictionary/`` under the index page, in each language.
"""
