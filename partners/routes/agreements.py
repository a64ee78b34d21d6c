"""The routes of the agreements page (see home/routing.py): the list and one page per agreement."""

from django.urls import path

from home.records import record_urlpatterns

from .. import views

urlpatterns = [
    path("", views.agreements, name="listing"),
    *record_urlpatterns(views.agreement),
]
