"""The missions open data carries each mission's travel: legs, route distance and estimated
emissions, matching the hand computation of tests/test_return_carbon.py, with their entries in
the data dictionary (both languages) and the Data Package."""

import csv
import datetime
import io
import json
from decimal import Decimal

import pytest
from django.test import Client

from returns.models import TravelLeg

from .missions_factories import MissionIndexPageFactory, build_mission, cost_line
from .module_data import build_english_home, build_home, rolled_back_after_module
from .module_data import translate_into_english as translate

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def index(django_db_blocker):
    with rolled_back_after_module(django_db_blocker):
        home = build_home()
        build_english_home(home)
        missions = MissionIndexPageFactory(parent=home)
        missions.save_revision().publish()
        translate(
            missions,
            {
                missions.title: "Missions",
                missions.slug: "missions",
                missions.intro: "Official trips, their costs and their results.",
            },
        )
        build_mission(
            missions,
            title="Misión a Madrid",
            slug="madrid",
            start_date=datetime.date(2025, 3, 2),
            end_date=datetime.date(2025, 3, 8),
            cost_lines=[cost_line(amount=Decimal("1000"))],
            travel_legs=[
                # SCL → MAD, long-haul economy, 2 travellers, return: 10 719.7 km one way,
                # 6 937.6 kg with RF, 3 823.3 kg without (tests/test_return_carbon.py).
                TravelLeg(
                    mode="air",
                    origin="SCL",
                    destination="MAD",
                    cabin_class="economy",
                    travellers=2,
                    return_trip=True,
                ),
                # 170 km by car, one way: 170 × 0.16984 = 28.9 kg, the same without RF.
                TravelLeg(
                    mode="car",
                    origin="Madrid",
                    destination="Toledo",
                    distance_km=Decimal("170"),
                    travellers=3,
                    return_trip=False,
                ),
            ],
        )
        build_mission(
            missions,
            title="Misión sin tramos",
            slug="sin-tramos",
            start_date=datetime.date(2025, 5, 2),
            end_date=datetime.date(2025, 5, 3),
            cost_lines=[cost_line(amount=Decimal("1000"))],
        )
        yield missions


def rows(url):
    response = Client().get(url)
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode()
    return {row["title"]: row for row in csv.DictReader(io.StringIO(text))}


def test_each_mission_row_has_its_travel_and_emissions(index):
    missions = rows(index.url + "data/missions.csv")
    madrid = missions["Misión a Madrid"]
    assert madrid["travel_legs"] == "2"
    # 10 719.7 × 2 (return) + 170 = 21 609.4 km of route.
    assert Decimal(madrid["travel_distance_km"]) == Decimal("21609.4")
    assert Decimal(madrid["emissions_kg_co2e"]) == Decimal("6937.6") + Decimal("28.9")
    assert Decimal(madrid["emissions_kg_co2e_without_rf"]) == Decimal("3823.3") + Decimal("28.9")
    without = missions["Misión sin tramos"]
    assert without["travel_legs"] == "0"
    assert without["travel_distance_km"] == without["emissions_kg_co2e"] == ""


def test_the_json_has_the_same_figures(index):
    response = Client().get(index.url + "data/missions.json")
    data = json.loads(b"".join(response.streaming_content))
    madrid = next(row for row in data["data"] if row["title"] == "Misión a Madrid")
    assert Decimal(str(madrid["travel_distance_km"])) == Decimal("21609.4")
    assert Decimal(str(madrid["emissions_kg_co2e"])) == Decimal("6966.5")


def test_the_dictionary_and_the_data_package_describe_the_columns(index):
    spanish = Client().get(index.url + "data-dictionary/").content.decode()
    assert "emissions_kg_co2e_without_rf" in spanish
    assert "La misma estimación sin el efecto del forzamiento radiativo." in spanish
    english = Client().get("/en/missions/data-dictionary/").content.decode()
    assert "The same estimate without the radiative-forcing effect." in english
    package = json.loads(Client().get(index.url + "data/datapackage.json").content)
    missions = next(r for r in package["resources"] if r["name"] == "missions")
    fields = {field["name"]: field for field in missions["schema"]["fields"]}
    assert fields["emissions_kg_co2e"]["type"] == "number"
    assert fields["travel_legs"]["type"] == "integer"
