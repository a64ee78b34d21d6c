from django.urls import path

from home.routing import page_view

from .. import views

urlpatterns = [path("", page_view, name="practice"), path("pdf/", views.pdf, name="pdf")]
