"""The routes of the directory page (see home/routing.py): the listing and one page per organisation."""

from django.urls import path

from home.opendata.routes import dataset_urls
from home.records import record_urlpatterns, record_view

from .. import views
from ..opendata.datasets import PartnersDataset

# data/<organisations|memberships|agreements|agreement-parties>.<csv|json>, data/datapackage.json,
# data-dictionary/, <slug>/popolo/ (its Popolo JSON), then <slug>/ (an organisation's page) last.
urlpatterns = [
    path("", views.directory, name="listing"),
    *dataset_urls(PartnersDataset),
    path("<slug:slug>/popolo/", record_view(views.popolo), name="popolo"),
    *record_urlpatterns(views.organisation),
]
