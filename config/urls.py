import re

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.utils.translation import gettext_lazy as _
from django.views.generic import RedirectView
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from api.v1 import api as api_v1
from editors.privacy import set_privacy
from home import sitemaps as home_sitemaps
from home import views as home_views
from home.opendata import views as opendata_views
from operations import health
from operations.lockouts import ThrottledPasswordResetView
from search import views as search_views

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    # Before Wagtail's admin, to take the place of its privacy view: a published mission (or a
    # page above one) cannot be made private, as it cannot be unpublished (editors/privacy.py).
    # There is no /django-admin/: users, groups, documents and images are managed in Wagtail's
    # admin only, under its permission rules.
    path("admin/pages/<int:page_id>/privacy/", set_privacy, name="missions_safe_set_privacy"),
    # Wagtail's own form, throttled against e-mail flooding (before Wagtail's admin URLs).
    path(
        "admin/password_reset/",
        ThrottledPasswordResetView.as_view(),
        name="wagtailadmin_password_reset",
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("robots.txt", home_views.robots_txt, name="robots_txt"),
    path("sitemap.xml", home_sitemaps.index, name="sitemap"),
    path("sitemap-<slug:section>.xml", home_sitemaps.section, name="sitemap_section"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("favicon.ico", home_views.favicon, name="favicon"),
    path("api/v1/", api_v1.urls),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
elif settings.SERVE_MEDIA:
    # A single machine without a front web server: Django serves uploads itself.
    media_prefix = settings.MEDIA_URL.lstrip("/")
    urlpatterns += [
        re_path(
            rf"^{re.escape(media_prefix)}(?P<path>.*)$",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        )
    ]

urlpatterns += i18n_patterns(
    # Each language's own word: /es/buscar/, /en/search/. The English word, wherever it is not
    # the search page itself (/es/search/), redirects there for good, query string kept.
    path(_("search/"), search_views.search, name="search"),
    path(
        "search/",
        RedirectView.as_view(pattern_name="search", query_string=True, permanent=True),
        name="search_redirect",
    ),
    # Open-data files of a page (…/misiones/data/missions.csv, /es/datos/datapackage.json):
    # Wagtail's own pattern only serves addresses ending in "/", so file names are routed to
    # the page here (a page without such a route answers 404 as usual).
    re_path(
        r"^((?:[\w\-]+/)+[\w\-]+\.(?:csv|json))$",
        opendata_views.serve_data_file,
        name="open_data_file",
    ),
    path("", include(wagtail_urls)),
)

handler404 = "home.views.page_not_found"
handler500 = "home.views.server_error"
