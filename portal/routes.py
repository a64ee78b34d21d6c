from django.urls import path, re_path

from . import views

# The file route ends in "/" because Wagtail's router adds one; its public address has none.
urlpatterns = [
    path("", views.portal, name="portal"),
    re_path(r"^datapackage\.json/$", views.site_datapackage, name="datapackage"),
]
