"""The routes of the objectives page (see home/routing.py): overview, needs list, one page per objective."""

from django.urls import path

from home.records import record_urlpatterns

from .. import views

urlpatterns = [
    path("", views.objectives_overview, name="listing"),
    path("needs/", views.needs_list, name="needs"),
    *record_urlpatterns(views.objective_page),
]
