from django.urls import path

from home.opendata.routes import dataset_urls
from returns import views as returns_views

from .. import views
from ..opendata.datasets import MissionsDataset

# data/<missions|cost-lines|results>.<csv|json>, data/datapackage.json, data-dictionary/
urlpatterns = [
    path("", views.listing, name="listing"),
    *dataset_urls(MissionsDataset),
    path("feed/", views.feed, name="feed"),
    path("carbon-methodology/", returns_views.carbon_methodology, name="carbon_methodology"),
]
