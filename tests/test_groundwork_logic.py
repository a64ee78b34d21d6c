"""Logic defects a new reader hits: Spanish plurals, withdrawn missions marked overdue, trips
that have not started, the order of the home page's latest missions, and English open data
naming a practice in Spanish."""

import csv
import datetime
import html
import io
import json
import re

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from missions.models import MissionPage

from .missions_factories import build_mission, result
from .practices_factories import PracticeIndexPageFactory, make_practice, publish

pytestmark = pytest.mark.django_db


def text(response):
    """The page's visible text with whitespace collapsed (tags dropped)."""
    content = response.content.decode()
    content = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", content, flags=re.S)
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", content)).strip())


def days(n):
    return timezone.localdate() + datetime.timedelta(days=n)


@pytest.fixture
def index(mission_index):
    return mission_index


@pytest.fixture
def english_index(index, english_home, translate):
    return translate(
        index, {index.title: "Missions", index.slug: "missions", index.intro: "Trips."}
    )


def achieved(n=1):
    return [result(status="achieved", achieved_date=datetime.date(2026, 3, 5)) for _ in range(n)]


# Spanish plurals -----------------------------------------------------------------------------


def test_one_achieved_result_is_singular_in_spanish(client, index):
    mission = build_mission(index, results=achieved(1))
    assert "1 resultado, 1 logrado " in text(client.get(mission.url)) + " "
    assert "1 logrados" not in text(client.get(mission.url))


def test_several_achieved_results_are_plural_in_spanish(client, index, english_index, translate):
    mission = build_mission(index, results=[*achieved(2), result(status="committed")])
    assert "3 resultados, 2 logrados" in text(client.get(mission.url))
    english = translate(mission)
    assert "3 results, 2 achieved" in text(client.get(english.url))


def test_the_destinations_chart_counts_one_mission_in_the_singular(client, index):
    build_mission(index, destinations=[("Rosario", "AR")])
    page = client.get(index.url).content.decode()
    description = page.split('id="top-destinations-desc">', 1)[1].split("</desc>", 1)[0]
    assert description.endswith("Argentina, 1 misión.")


# Withdrawn missions are never overdue -------------------------------------------------------


@pytest.fixture
def withdrawn(index):
    """A trip that ended 100 days ago without a report, withdrawn as a duplicate."""
    mission = build_mission(
        index, title="Duplicado", slug="duplicado", start_date=days(-103), end_date=days(-100)
    )
    mission.withdrawn = True
    mission.withdrawal_reason = "Registro duplicado."
    mission.save_revision().publish()
    return MissionPage.objects.get(pk=mission.pk)


@pytest.fixture
def overdue(index):
    return build_mission(
        index, title="Atrasada", slug="atrasada", start_date=days(-103), end_date=days(-100)
    )


def test_a_withdrawn_mission_is_not_marked_overdue(client, withdrawn, overdue):
    page = client.get(withdrawn.url).content.decode()
    assert 'class="notice mission-overdue"' not in page
    assert "Informe atrasado" not in page
    assert "No se exige informe: misión retirada" in text(client.get(withdrawn.url))
    assert 'class="notice mission-overdue"' in client.get(overdue.url).content.decode()


def test_withdrawn_missions_are_not_counted_as_overdue(client, index, withdrawn, overdue):
    overdue_pks = set(MissionPage.objects.report_overdue().values_list("pk", flat=True))
    assert overdue_pks == {overdue.pk}
    statuses = dict(MissionPage.objects.with_report_status().values_list("pk", "report_status"))
    assert statuses == {withdrawn.pk: "withdrawn", overdue.pk: "overdue"}

    listed = client.get(index.url + "?report_status=overdue")
    assert [row["page"].pk for row in listed.context["rows"]] == [overdue.pk]

    rows = list(csv.DictReader(io.StringIO(csv_text(client, index.url + "data/missions.csv"))))
    assert {row["title"]: row["report_status"] for row in rows} == {
        "Duplicado": "withdrawn",
        "Atrasada": "overdue",
    }


def test_the_admin_overdue_filter_leaves_withdrawn_missions_out(
    spanish_admin_client, withdrawn, overdue
):
    response = spanish_admin_client.get("/admin/missions/", {"report": "overdue"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Atrasada" in page
    assert "Duplicado" not in page


def csv_text(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return b"".join(response.streaming_content).decode()


# A withdrawn duplicate links the record it duplicates ---------------------------------------


def test_a_withdrawn_duplicate_links_the_record_it_duplicates(
    client, index, english_index, withdrawn, overdue, translate
):
    withdrawn.duplicate_of = overdue
    withdrawn.save_revision().publish()
    notice = client.get(withdrawn.url).content.decode()
    notice = notice.split('class="notice mission-withdrawn"', 1)[1].split("</div>", 1)[0]
    assert f'href="{overdue.url}"' in notice
    assert "Duplica el registro" in text_of(notice)
    assert "Atrasada" in notice

    english_original = translate(overdue, English({"Atrasada": "Overdue", "atrasada": "overdue"}))
    english = translate(MissionPage.objects.get(pk=withdrawn.pk))
    assert english.duplicate_of_id == english_original.pk
    notice = client.get(english.url).content.decode()
    notice = notice.split('class="notice mission-withdrawn"', 1)[1].split("</div>", 1)[0]
    assert f'href="{english_original.url}"' in notice
    assert "Duplicate of" in text_of(notice)


class English(dict):
    """A translation mapping: the given pairs, and "EN …" for every other string."""

    def __missing__(self, key):
        return f"EN {key}"


def text_of(fragment):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", fragment))


def test_a_mission_cannot_duplicate_itself_or_a_record_in_another_language(
    index, english_index, withdrawn, overdue, translate, home
):
    withdrawn.duplicate_of = withdrawn
    with pytest.raises(ValidationError) as error:
        withdrawn.full_clean()
    assert "duplicate_of" in error.value.error_dict

    stray = build_mission(english_index, title="Only in English", slug="only-in-english")
    withdrawn.duplicate_of = stray
    with pytest.raises(ValidationError) as error:
        withdrawn.full_clean()
    assert "duplicate_of" in error.value.error_dict

    english_original = translate(overdue)
    withdrawn.duplicate_of = english_original  # picked in the wrong language: swapped
    withdrawn.full_clean()
    assert withdrawn.duplicate_of.pk == overdue.pk

    overdue.duplicate_of = withdrawn  # only a withdrawn record can be a duplicate
    with pytest.raises(ValidationError) as error:
        overdue.full_clean()
    assert "duplicate_of" in error.value.error_dict


# Trips that have not started, trips under way ------------------------------------------------


@pytest.mark.parametrize(
    ("start", "end", "spanish", "english"),
    [
        (10, 14, "El viaje aún no comienza", "Trip not started yet"),
        (-1, 2, "Viaje en curso", "Trip under way"),
    ],
)
def test_a_trip_not_over_says_whether_it_has_started(
    client, index, english_index, translate, start, end, spanish, english
):
    mission = build_mission(index, start_date=days(start), end_date=days(end))
    assert spanish in text(client.get(mission.url))
    assert spanish in text(client.get(index.url))
    translated = translate(mission)
    assert english in text(client.get(translated.url))
    for wrong in ("El viaje aún no termina", "Trip not over yet"):
        assert wrong not in text(client.get(mission.url))
        assert wrong not in text(client.get(translated.url))


# The home page's latest missions --------------------------------------------------------------


def test_latest_missions_show_trips_that_happened_first_and_mark_upcoming_ones(client, index, home):
    for title, start, end in [
        ("Pasada", -40, -30),
        ("En curso", -2, 3),
        ("Próxima", 20, 25),
        ("Lejana", 60, 65),
    ]:
        build_mission(
            index,
            title=title,
            slug=title.lower().replace(" ", "-").replace("ó", "o"),
            start_date=days(start),
            end_date=days(end),
        )
    page = client.get(home.url).content.decode()
    section = page.split('class="latest-missions"', 1)[1].split("</section>", 1)[0]
    cards = section.split('<li class="card')[1:]
    titles = [re.search(r"<h3>.*?>([^<]+)</a>", card, re.S).group(1) for card in cards]
    assert titles == ["En curso", "Pasada", "Próxima"]
    upcoming = [("Próximo viaje" in text_of(card)) for card in cards]
    assert upcoming == [False, False, True]


# Open data in English names practices in English ----------------------------------------------


def test_english_results_name_the_practice_in_english(
    client, home, index, english_index, translate, settings
):
    settings.PRACTICES_PDF_ON_PUBLISH = False
    practices = PracticeIndexPageFactory(parent=home, locale=home.locale)
    practices.save_revision().publish()
    practice = publish(
        make_practice(practices, title="Buses nocturnos", slug="buses", indicators=0)
    )
    translate(practices)
    english_practice = translate(practice)
    mission = build_mission(index, results=[result(practice=practice)])
    english_mission = translate(mission)

    spanish_rows = list(
        csv.DictReader(io.StringIO(csv_text(client, index.url + "data/results.csv")))
    )
    assert spanish_rows[0]["practice"] == "Buses nocturnos"
    assert spanish_rows[0]["practice_url"] == practice.get_full_url()

    english_url = english_index.url + "data/results.csv"
    rows = list(csv.DictReader(io.StringIO(csv_text(client, english_url))))
    assert rows[0]["mission_id"] == str(english_mission.translation_key)
    assert rows[0]["practice"] == english_practice.title == "EN Buses nocturnos"
    assert rows[0]["practice_url"] == english_practice.get_full_url()

    response = client.get(english_index.url + "data/results.json")
    data = json.loads(b"".join(response.streaming_content))["data"]
    assert data[0]["practice"] == "EN Buses nocturnos"
