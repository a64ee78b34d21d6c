"""The partners' open data through the API (/api/v1/organisations/, /api/v1/agreements/):
each record once, in the reader's language when translated; windows that add up to the whole
list, in the files' order; ``translation_of`` picks one record in either language."""

import json

import pytest
from django.test import Client

from directory.models import Organization

from .module_data import rolled_back_after_module
from .partners_factories import build_partner_site


@pytest.fixture(scope="module")
def site(django_db_blocker):
    with rolled_back_after_module(django_db_blocker):
        yield build_partner_site()


def api(path, **params):
    response = Client().get(f"/api/v1/{path}", params)
    assert response.status_code == 200, response.content
    return json.loads(response.content)


def test_each_organisation_once_in_the_readers_language(db, site):
    spanish = api("organisations/", limit=500)
    english = api("organisations/", limit=500, locale="en")
    records = Organization.objects.values("translation_key").distinct().count()
    for listing in (spanish, english):
        ids = [row["organisation_id"] for row in listing["data"]]
        assert len(ids) == len(set(ids)) == records == listing["metadata"]["count"]
    names = {row["name"] for row in english["data"]}
    assert "Municipality of San Martín" in names and "Municipio de San Martín" not in names
    assert "Facultad de Ingeniería" in names  # not translated: in the language it has
    assert "Municipio de San Martín" in {row["name"] for row in spanish["data"]}


def test_windows_add_up_to_the_whole_list_in_its_order(db, site):
    whole = [row["organisation_id"] for row in api("organisations/", limit=500)["data"]]
    windows = []
    for offset in range(0, len(whole) + 2, 2):
        windows += [
            row["organisation_id"] for row in api("organisations/", limit=2, offset=offset)["data"]
        ]
    assert windows == whole
    assert api("organisations/", offset=len(whole))["data"] == []


@pytest.mark.parametrize(
    "locale, name", [("es", "Municipio de San Martín"), ("en", "Municipality of San Martín")]
)
def test_translation_of_picks_one_organisation(db, site, locale, name):
    key = str(site["partner"].translation_key)
    found = api("organisations/", translation_of=key, locale=locale)
    assert [(row["organisation_id"], row["name"]) for row in found["data"]] == [(key, name)]
    assert found["metadata"]["count"] == 1


def test_translation_of_picks_one_agreement(db, site):
    key = str(site["twinning"].translation_key)
    found = api("agreements/", translation_of=key)
    assert [row["agreement_id"] for row in found["data"]] == [key]
    unknown = api("agreements/", translation_of="00000000-0000-0000-0000-000000000000")
    assert unknown["data"] == []
