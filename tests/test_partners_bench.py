"""The bench's seeded organisations (partners/seed.py): the directory and an organisation's page
cost the same queries with 30 organisations as with 150, and seeding again adds nothing."""

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from directory.models import Organization
from partners.models import Agreement
from partners.seed import seed

from .partners_factories import build_directory


def _queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


def test_queries_stay_constant_as_organisations_grow(home, english_home, translate):
    build_directory(home, english_home, translate)
    client = Client()
    seed(30)
    small = (
        _queries(client, "/es/organizaciones/"),
        _queries(client, "/es/organizaciones/?kind=local&agreement=in_force"),
        _queries(client, "/es/organizaciones/organizacion-sintetica-1/"),
    )
    assert seed(150) == 120 and seed(150) == 0
    assert Organization.objects.count() == 150 and Agreement.objects.count() >= 15
    large = (
        _queries(client, "/es/organizaciones/"),
        _queries(client, "/es/organizaciones/?kind=local&agreement=in_force"),
        _queries(client, "/es/organizaciones/organizacion-sintetica-1/"),
    )
    assert small == large
