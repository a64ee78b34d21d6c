"""The bench's yardstick: bare Django returning a constant 35 KB page (scripts/bench.py).

No apps, no middleware, no database, the same gunicorn flags as the site: what a request costs
before any of the site's own work. ``make bench`` prints every page's CPU as a multiple of it.
Served as ``bench_bare:application`` from this folder.
"""

from django.conf import settings

ROW = b"<p>Constant paragraph of the bare Django page, the bench's yardstick.</p>\n"
PAGE = b"<!doctype html><title>bare</title>\n" + ROW * (35 * 1024 // len(ROW))

if not settings.configured:
    settings.configure(
        SECRET_KEY="bench-bare-page",
        DEBUG=False,
        ALLOWED_HOSTS=["*"],
        ROOT_URLCONF=__name__,
        INSTALLED_APPS=[],
        MIDDLEWARE=[],
        DATABASES={},
        USE_TZ=True,
    )

from django.core.wsgi import get_wsgi_application  # noqa: E402
from django.http import HttpResponse  # noqa: E402
from django.urls import path  # noqa: E402

urlpatterns = [path("page", lambda request: HttpResponse(PAGE))]
application = get_wsgi_application()
