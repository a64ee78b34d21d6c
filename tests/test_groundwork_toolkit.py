"""The shared toolkit (home/): one version of each helper, used by every page that needs it.

Money reads the same on a mission page, in a chart, in the feed and on a practice page; one
helper swaps snippets and pages for their translation; one paginator gives one notice; one
function reads the report deadline; one declaration lists the page fields every page type
translates.
"""

import datetime
import re
import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page, Site, get_page_models
from wagtail_localize.fields import TranslatableField

from directory.models import Organization
from home.deadlines import DEFAULT_REPORT_DAYS, report_days
from home.formats import (
    format_clp,
    format_compact_clp,
    format_count,
    format_date,
    format_money,
    format_number,
    format_share,
)
from home.models import SiteSettings
from home.pagination import paginate, shorten
from home.translated import TRANSLATED_PAGE_FIELDS, in_locale

from .missions_factories import MissionIndexPageFactory, OrganizationFactory, build_mission
from .missions_factories import cost_line as make_cost_line
from .practices_factories import PracticeIndexPageFactory, ToEnglish, make_practice

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
AMOUNT = Decimal("12500000")
# One style per language: pesos as Chileans write them in Spanish; every currency by its code in
# English; a no-break space between code and amount, so that an amount never wraps.
EXPECTED = {"es": "$12.500.000", "en": "CLP\u00a012,500,000"}


def visible(html):
    html = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"[ \t\r\n]+", " ", re.sub(r"<[^>]+>", " ", html))


# Formatting -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("es", ["$12.500.000", "EUR\u00a01.800,00", "USD\u00a01.200,50", "1.234,5", "37,5%"]),
        (
            "en",
            ["CLP\u00a012,500,000", "EUR\u00a01,800.00", "USD\u00a01,200.50", "1,234.5", "37.5%"],
        ),
    ],
)
def test_one_style_per_language_with_a_space_between_code_and_amount(language, expected):
    assert [
        format_clp(AMOUNT, language),
        format_money(Decimal("1800"), "EUR", language),
        format_money(Decimal("1200.5"), "usd", language),
        format_number(Decimal("1234.50"), language),
        format_share(Decimal("0.375"), language),
    ] == expected


def test_the_active_language_is_used_when_none_is_given():
    with translation.override("en"):
        assert format_clp(AMOUNT) == EXPECTED["en"]
        assert format_count(1234) == "1,234"
        assert format_compact_clp(AMOUNT) == "CLP\u00a012.5M"
        assert format_date(datetime.date(2026, 3, 5)) == "March 5, 2026"
    with translation.override("es"):
        assert format_clp(AMOUNT) == EXPECTED["es"]
        assert format_count(1234) == "1.234"
        assert format_compact_clp(AMOUNT) == "$12,5\u00a0M"
        assert format_date(datetime.date(2026, 3, 5)) == "5 de marzo de 2026"


def test_empty_and_garbage_values_format_as_nothing():
    assert format_clp(None) == format_clp("") == format_money("abc", "EUR") == ""
    assert format_share(None) == format_number("x") == format_date(None) == ""


@pytest.fixture
def twelve_and_a_half_million(mission_index):
    """A 2025 mission whose only cost is CLP 12,500,000 paid by the municipality."""
    return build_mission(
        mission_index,
        title="Misión a Lima",
        slug="lima",
        start_date=datetime.date(2025, 5, 5),
        end_date=datetime.date(2025, 5, 9),
        destinations=[("Lima", "PE")],
        cost_lines=[make_cost_line(amount=AMOUNT, description="Pasajes")],
    )


@pytest.fixture
def pages_in(twelve_and_a_half_million, mission_index, home, english_home, translate):
    """{language: (mission index, mission, practice)}, the English ones real translations."""
    practices = PracticeIndexPageFactory(parent=home)
    practices.save_revision().publish()
    practice = make_practice(practices, image=False, indicators=0, budget_clp=AMOUNT)
    english = ToEnglish()
    english_index = translate(mission_index, english)
    english_mission = translate(twelve_and_a_half_million, english)
    translate(practices, english)
    english_practice = translate(practice, english)
    return {
        "es": (mission_index, twelve_and_a_half_million, practice),
        "en": (english_index, english_mission, english_practice),
    }


@pytest.mark.parametrize("language", ["es", "en"])
def test_the_same_amount_reads_the_same_on_pages_charts_and_the_feed(client, pages_in, language):
    index, mission, practice = pages_in[language]
    expected = EXPECTED[language]

    mission_page = visible(client.get(mission.url).content.decode())
    assert expected in mission_page

    listing = client.get(index.url)
    assert expected in dict(listing.context["totals"]).values()
    (by_year,) = [chart for chart in listing.context["charts"] if chart.key == "cost-by-year"]
    assert by_year.table.rows == [("2025", [expected, expected])]
    assert expected in by_year.description
    assert expected in visible(listing.content.decode())

    feed = ET.fromstring(client.get(index.url + "feed/").content)
    (entry,) = feed.findall(f"{ATOM}entry")
    summary = entry.find(f"{ATOM}summary").text
    assert expected in summary
    # Dates in the feed read as on the pages, in the reader's language.
    assert format_date(datetime.date(2025, 5, 5), language) in summary

    assert expected in visible(client.get(practice.url).content.decode())


# Translations ---------------------------------------------------------------------------------


def test_in_locale_swaps_each_object_for_its_translation_once(locales):
    spanish = OrganizationFactory(name="Universidad Técnica del Litoral")
    english = spanish.copy_for_translation(locales["en"])
    english.name = "Coastal Technical University"
    english.save()
    untranslated = OrganizationFactory(name="Cámara de Comercio")

    assert in_locale([spanish, untranslated], locales["en"]) == [english, untranslated]
    # The same organization picked in both languages is kept once, in the reader's language…
    assert in_locale([spanish, english], locales["en"].pk) == [english]
    # …unless the caller needs the result position by position.
    assert in_locale([spanish, english], locales["en"], distinct=False) == [english, english]
    # ``among`` limits where translations are found (e.g. live, public pages only).
    nowhere = Organization.objects.none()
    assert in_locale([spanish], locales["en"], among=nowhere) == [spanish]


def test_every_page_type_translates_the_shared_page_fields():
    shared = [field.field_name for field in TRANSLATED_PAGE_FIELDS]
    assert shared == ["title", "seo_title", "search_description", "slug"]
    for model in get_page_models():
        if model is Page:
            continue
        declared = [
            field.field_name
            for field in model.translatable_fields
            if isinstance(field, TranslatableField)
        ]
        assert declared[: len(shared)] == shared, model


# Pagination -----------------------------------------------------------------------------------


def test_paginate_shows_the_first_page_with_one_notice_for_a_bad_number():
    notices = []
    page = paginate(list(range(30)), "7", 10, notices)
    assert page.number == 1
    assert notices == ["There is no page “7”; showing the first."]
    notices = []
    assert paginate(list(range(30)), "3", 10, notices).number == 3
    assert paginate(list(range(30)), None, 10, notices).number == 1
    assert paginate([], "1", 10, notices).number == 1
    assert notices == []


def test_a_bad_value_is_echoed_shortened():
    assert shorten("x" * 40) == "x" * 40
    assert shorten("x" * 41) == "x" * 39 + "…"


@pytest.mark.parametrize("listing", ["missions", "practices", "search"])
def test_every_listing_says_the_same_for_a_page_that_does_not_exist(client, home, listing):
    bad = "9" * 60
    if listing == "missions":
        index = MissionIndexPageFactory(parent=home)
        index.save_revision().publish()
        url = index.url
    elif listing == "practices":
        index = PracticeIndexPageFactory(parent=home)
        index.save_revision().publish()
        url = index.url
    else:
        url = reverse("search") + "?q=agua"
    separator = "&" if "?" in url else "?"
    response = client.get(f"{url}{separator}page={bad}")
    assert response.status_code == 200
    with translation.override("es"):
        expected = translation.gettext("There is no page “%(value)s”; showing the first.") % {
            "value": "9" * 39 + "…"
        }
    assert expected == "No existe la página “" + "9" * 39 + "…”; se muestra la primera."
    assert expected in response.context["notices"]
    assert expected in response.content.decode()


# The report deadline --------------------------------------------------------------------------


def test_the_report_deadline_comes_from_the_site_settings(home, rf):
    assert report_days() == DEFAULT_REPORT_DAYS == 30
    site = Site.objects.get(is_default_site=True)
    settings = SiteSettings.for_site(site)
    settings.report_days = 12
    settings.save()
    assert report_days() == 12
    assert report_days(site=site) == 12
    assert report_days(request=rf.get("/", HTTP_HOST="testserver")) == 12


def test_without_a_site_the_deadline_is_the_settings_default(db):
    Site.objects.all().delete()
    assert report_days() == DEFAULT_REPORT_DAYS


def test_the_mission_page_and_the_overdue_filter_use_the_same_deadline(
    client, mission_index, twelve_and_a_half_million
):
    """The trip ended on 9 May 2025 without a report: overdue with any deadline, but a
    deadline of 5000 days makes it only pending, on the page and in the filter alike."""
    overdue = client.get(mission_index.url + "?report_status=overdue")
    assert [row["page"].slug for row in overdue.context["rows"]] == ["lima"]
    assert client.get(twelve_and_a_half_million.url).context["report_overdue"] is True

    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.report_days = 5000
    settings.save()
    assert client.get(mission_index.url + "?report_status=overdue").context["rows"] == []
    assert client.get(twelve_and_a_half_million.url).context["report_overdue"] is False
