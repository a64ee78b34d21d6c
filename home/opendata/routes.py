"""The URL patterns that publish a dataset under its index page (see home/routing.py)::

    urlpatterns = [path("", views.listing, name="listing"), *dataset_urls(MissionsDataset)]

gives ``data/<resource slug>.csv``, ``data/<resource slug>.json``, ``data/datapackage.json``
and ``data-dictionary/``. File routes end in "/" because Wagtail's router adds one; their
public address has none (``home.opendata.views.serve_data_file``, ``Dataset.path``).
"""

import re

from django.urls import path, re_path

from . import views


def dataset_urls(dataset):
    slugs = "|".join(re.escape(resource.slug) for resource in dataset.resources)
    arguments = {"dataset": dataset}
    return [
        re_path(
            rf"^data/(?P<resource>{slugs})\.(?P<fmt>csv|json)/$",
            views.open_data,
            arguments,
            name="open_data",
        ),
        re_path(
            r"^data/datapackage\.json/$",
            views.datapackage,
            arguments,
            name="datapackage",
        ),
        path(
            "data-dictionary/",
            views.data_dictionary,
            arguments,
            name="data_dictionary",
        ),
    ]
