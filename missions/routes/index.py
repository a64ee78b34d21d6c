from django.urls import path, re_path

from returns import views as returns_views

from .. import views

# File routes end in "/" because Wagtail's router adds one; their public address has none
# (see missions.views.serve_data_file and opendata.package.file_path()).
urlpatterns = [
    path("", views.listing, name="listing"),
    re_path(
        r"^data/(?P<resource>missions|cost-lines|results)\.(?P<fmt>csv|json)/$",
        views.open_data,
        name="open_data",
    ),
    re_path(r"^data/datapackage\.json/$", views.datapackage, name="datapackage"),
    path("data-dictionary/", views.data_dictionary, name="data_dictionary"),
    path("feed/", views.feed, name="feed"),
    path("carbon-methodology/", returns_views.carbon_methodology, name="carbon_methodology"),
]
