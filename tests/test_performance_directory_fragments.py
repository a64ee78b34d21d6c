"""The directory keeps its "who does what" table while the content is unchanged, with the page
cache off, and shows a change in it on the next request, in both languages."""

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from practices.models import Theme

from .partners_factories import build_partner_site

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_off")]


def who(url):
    with CaptureQueriesContext(connection) as queries:
        response = Client().get(url)
    assert response.status_code == 200
    html = response.content.decode()
    start = html.index('id="who-title"')
    table = html[start : html.index("</section>", start)]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", table)), len(queries)


def test_the_table_is_kept_and_a_renamed_theme_shows_on_the_next_request():
    build_partner_site()
    for url in ("/es/organizaciones/", "/en/organisations/"):
        first, first_queries = who(url)
        second, second_queries = who(url)
        assert second == first
        assert "Universidad del Litoral" in first or "Coastal University" in first
        assert second_queries < first_queries  # the table's five queries are not made again
    theme = Theme.objects.get(name="Movilidad")
    theme.name = "Movilidad sostenible"
    theme.save()
    after, _ = who("/es/organizaciones/")
    assert "Movilidad sostenible" in after
