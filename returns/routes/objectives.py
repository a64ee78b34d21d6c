"""The routes of the objectives page (see home/routing.py): overview, needs list, one page per objective."""

from django.urls import path

from home.opendata.routes import dataset_urls
from home.records import record_urlpatterns

from .. import views
from ..opendata.datasets import ReturnDataset

urlpatterns = [
    path("", views.objectives_overview, name="listing"),
    path("needs/", views.needs_list, name="needs"),
    *dataset_urls(ReturnDataset),
    *record_urlpatterns(views.objective_page),
]
