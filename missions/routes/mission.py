from django.urls import path

from .. import detail

urlpatterns = [path("", detail.mission_page, name="mission")]
