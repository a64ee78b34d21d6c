from django.urls import path, re_path

from . import views

# The file route ends in "/" because Wagtail's router adds one; its public address has none.
urlpatterns = [
    path("", views.portal, name="portal"),
    path("api/", views.api_docs, name="api_docs"),
    re_path(r"^datapackage\.json/$", views.site_datapackage, name="datapackage"),
]
