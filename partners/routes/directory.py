"""The routes of the directory page (see home/routing.py): the listing and one page per organisation."""

from django.urls import path

from home.records import record_urlpatterns

from .. import views

urlpatterns = [
    path("", views.directory, name="listing"),
    *record_urlpatterns(views.organisation),
]
