from django.urls import path

from home.opendata.routes import dataset_urls

from .. import views
from ..opendata import PracticesDataset

# data/<practices|indicators>.<csv|json>, data/datapackage.json, data-dictionary/
urlpatterns = [path("", views.listing, name="listing"), *dataset_urls(PracticesDataset)]
