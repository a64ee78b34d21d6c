"""The directory's counts say what they claim: the city itself (named in Site settings) is not
one of its international partners nor one of the other cities, and the page names it apart;
the filters behind each count list as many organisations as the count says."""

import re

import pytest
from django.test import Client
from wagtail.models import Site

from directory.models import Organization
from home.models import SiteSettings

from .module_data import rolled_back_after_module
from .partners_factories import build_partner_site

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def site(django_db_blocker):
    with rolled_back_after_module(django_db_blocker):
        records = build_partner_site()
        city = Organization.objects.get(name="Municipalidad de Puente Alto del Mar")
        settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
        settings.municipality_organization = city
        settings.save()
        yield records


def text(url):
    response = Client().get(url)
    assert response.status_code == 200
    html = response.content.decode()
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_the_city_itself_is_not_counted_among_the_international_partners(site):
    page = text("/es/organizaciones/")
    # Organisations: the city itself, a partner city (AR), a network (PE), and three local
    # actors (a university, its faculty, a residents' board).
    assert "2 socios internacionales" in page
    assert "Ciudad o gobierno local : 1" in page
    assert "3 actores locales" in page
    assert (
        "No contada arriba: la propia municipalidad, Municipalidad de Puente Alto del Mar" in page
    )


def test_each_count_links_to_a_list_of_as_many_organisations(site):
    international = text("/es/organizaciones/?kind=international")
    assert "2 organizaciones" in international
    assert "Municipio de San Martín" in international
    cities = text("/es/organizaciones/?kind=city")
    assert "1 organización" in cities
    # Every organisation is still listed, the city itself included.
    assert "6 organizaciones" in text("/es/organizaciones/")


def test_the_english_directory_names_the_municipality_in_english(site):
    page = text("/en/organisations/")
    assert "2 international partners" in page
    assert "Not counted above: the municipality itself, Municipality of Puente Alto del Mar" in page


def test_without_the_setting_every_city_is_counted(site):
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.municipality_organization = None
    settings.save()
    page = text("/es/organizaciones/")
    assert "3 socios internacionales" in page
    assert "la propia municipalidad" not in page
