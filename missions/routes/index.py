from django.urls import path

from home.opendata.routes import dataset_urls

from .. import views
from ..opendata.datasets import MissionsDataset

# data/<missions|cost-lines|results>.<csv|json>, data/datapackage.json, data-dictionary/
urlpatterns = [
    path("", views.listing, name="listing"),
    *dataset_urls(MissionsDataset),
    path("feed/", views.feed, name="feed"),
]
