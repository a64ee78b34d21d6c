"""The carbon cost of official travel: distances, hauls and emissions checked against values
worked out by hand for three real routes, the refusals an editor meets, and what the mission
page, the index and the methodology page show in both languages."""

import datetime
import re
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from returns import carbon
from returns.models import EmissionFactor, TravelLeg

from .missions_factories import build_mission, cost_line
from .test_groundwork_logic import text
from .test_missions_admin import add_url, errors_shown, mission_post

pytestmark = pytest.mark.django_db

# Hand computation (DESNZ 2024 factors, 8 % uplift, haversine on a 6371.0088 km sphere):
# SCL (-33.393, -70.7858) → MAD (40.4936, -3.56676): 10 719.7 km, two countries, ≥ 3700 km:
#   long-haul economy, 2 travellers, return:
#   10 719.7 × 1.08 = 11 577.276 km; × 0.14981 = 1 734.392 kg; × 2 people × 2 ways = 6 937.6 kg;
#   without RF: 11 577.276 × 0.08256 = 955.820; × 4 = 3 823.3 kg.
# SCL → EZE (-34.8222, -58.5358): 1 138.2 km, short-haul business, 1 traveller, one way:
#   1 138.2 × 1.08 = 1 229.256; × 0.22652 = 278.5 kg; without RF × 0.12484 = 153.5 kg.
# SCL → CCP (-36.7727, -73.0631): 429.1 km, both in Chile: domestic (average factor, whatever
#   the cabin), 3 travellers, return: 429.1 × 1.08 = 463.428; × 0.24587 = 113.943; × 6 = 683.7 kg;
#   without RF × 0.13552 = 62.804; × 6 = 376.8 kg.
ROUTES = [
    ("SCL", "MAD", "economy", 2, True, "10719.7", "long", "6937.6", "3823.3"),
    ("SCL", "EZE", "business", 1, False, "1138.2", "short", "278.5", "153.5"),
    ("SCL", "CCP", "business", 3, True, "429.1", "domestic", "683.7", "376.8"),
]


@pytest.mark.parametrize(
    ("origin", "destination", "cabin", "people", "back", "km", "haul", "kg", "kg_no_rf"), ROUTES
)
def test_three_real_routes_match_the_hand_computation(
    origin, destination, cabin, people, back, km, haul, kg, kg_no_rf
):
    leg = TravelLeg(
        mode="air",
        origin=origin.lower(),
        destination=destination,
        cabin_class=cabin,
        travellers=people,
        return_trip=back,
    )
    leg.estimate()
    assert leg.distance_km == Decimal(km)
    assert leg.haul == haul
    assert leg.factor.edition == 2024
    assert leg.emissions_kg == Decimal(kg)
    assert leg.emissions_kg_without_rf == Decimal(kg_no_rf)
    assert leg.origin == origin  # codes are stored in capitals


def test_a_car_is_counted_once_whoever_rides_in_it():
    leg = TravelLeg(mode="car", origin="Mendoza", destination="San Juan", travellers=3)
    leg.return_trip = False
    leg.distance_km = Decimal("170")
    leg.estimate()
    # 170 km × 0.16984 kg per vehicle-km, no uplift, shared by the three.
    assert leg.emissions_kg == Decimal("28.9")
    train = TravelLeg(mode="rail", origin="Madrid", destination="Barcelona", travellers=2)
    train.distance_km, train.return_trip = Decimal("621"), True
    train.estimate()
    # 621 × 0.03546 × 2 people × 2 ways = 88.08 → 88.1
    assert train.emissions_kg == Decimal("88.1")


def test_a_newer_edition_is_used_and_older_figures_can_be_recomputed():
    EmissionFactor.objects.create(
        edition=2025,
        mode="rail",
        kg_per_km_with_rf=Decimal("0.03000"),
        kg_per_km_without_rf=Decimal("0.03000"),
        source="test edition",
        source_url="https://example.org",
    )
    leg = TravelLeg(mode="rail", origin="A", destination="B", distance_km=Decimal("100"))
    leg.return_trip = False
    leg.estimate()
    assert (leg.factor.edition, leg.emissions_kg) == (2025, Decimal("3.0"))
    leg.estimate(edition=2024)
    assert (leg.factor.edition, leg.emissions_kg) == (2024, Decimal("3.5"))


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        (
            {"mode": "air", "origin": "XQZ", "destination": "MAD"},
            "origin",
            "“XQZ” no es un código IATA de aeropuerto conocido",
        ),
        (
            {"mode": "air", "origin": "SCL", "destination": "Madrid"},
            "destination",
            "“Madrid” no es un código IATA de aeropuerto conocido",
        ),
        (
            {"mode": "air", "origin": "SCL", "destination": "MAD", "travellers": 0},
            "travellers",
            "al menos un viajero",
        ),
        (
            {
                "mode": "rail",
                "origin": "Madrid",
                "destination": "Sevilla",
                "distance_km": 530,
                "cabin_class": "business",
            },
            "cabin_class",
            "La clase solo se aplica a los vuelos",
        ),
        (
            {"mode": "coach", "origin": "Santiago", "destination": "Mendoza"},
            "distance_km",
            "Indique la distancia recorrida",
        ),
    ],
    ids=["unknown-origin", "city-for-airport", "zero-travellers", "cabin-on-a-train", "no-km"],
)
def test_bad_legs_are_refused_with_a_message_in_the_editors_spanish(fields, field, message):
    leg = TravelLeg(**fields)
    # In Spanish whatever an earlier test left active in this thread (test_missions_page leaves
    # English): the messages are lazy, translated when read, so they are read inside too.
    with translation.override("es"):
        with pytest.raises(ValidationError) as refused:
            leg.clean()
        assert message in " ".join(refused.value.message_dict[field])


def leg_form(**fields):
    return {
        "mode": "air",
        "origin": "SCL",
        "destination": "MAD",
        "cabin_class": "economy",
        "travellers": "1",
        "return_trip": "on",
        "distance_km": "",
        **fields,
    }


def test_the_admin_refuses_an_unknown_airport_and_saves_nothing(
    admin_client,
    mission_index,
):
    from directory.models import StrategicObjective

    objective = StrategicObjective.objects.create(code="1", title="Objetivo", locale_id=1)
    data = mission_post([objective], travel_legs=[leg_form(destination="ZZZ")])
    content = errors_shown(admin_client.post(add_url(mission_index), data))
    assert "“ZZZ” is not a known airport IATA code" in content
    assert not TravelLeg.objects.exists()
    data = mission_post([objective], travel_legs=[leg_form()])
    response = admin_client.post(add_url(mission_index), data)
    assert response.status_code == 302
    leg = TravelLeg.objects.get()
    assert (leg.distance_km, leg.emissions_kg) == (Decimal("10719.7"), Decimal("3468.8"))


@pytest.fixture
def missions(mission_index):
    legs = [
        TravelLeg(
            mode="air",
            origin="SCL",
            destination="MAD",
            cabin_class="economy",
            travellers=2,
            return_trip=True,
        ),
        TravelLeg(
            mode="rail",
            origin="Madrid",
            destination="Barcelona",
            distance_km=Decimal("621"),
            travellers=2,
            return_trip=True,
        ),
    ]
    madrid = build_mission(
        mission_index,
        title="Misión a Madrid",
        slug="madrid",
        travel_legs=legs,
        start_date=datetime.date(2025, 5, 4),
        end_date=datetime.date(2025, 5, 9),
        cost_lines=[cost_line()],
    )
    rosario = build_mission(
        mission_index,
        title="Misión a Rosario",
        slug="rosario",
        travel_legs=[
            TravelLeg(
                mode="air",
                origin="SCL",
                destination="EZE",
                cabin_class="business",
                travellers=1,
                return_trip=False,
            )
        ],
        start_date=datetime.date(2026, 3, 2),
        end_date=datetime.date(2026, 3, 4),
    )
    return madrid, rosario


def test_the_mission_page_shows_the_estimate_with_its_method(client, missions):
    madrid, _rosario = missions
    page = text(client.get(madrid.url))
    # 6 937.6 kg for the flights + 88.1 kg for the train.
    assert "Emisiones estimadas: 7.025,7 kg CO₂e" in page
    assert "SCL – MAD" in page and "10.719,7 km" in page
    assert "DESNZ" in page
    link = re.search(
        r'href="([^"]+)">Cómo se estiman las emisiones', client.get(madrid.url).content.decode()
    )
    methodology = client.get(link.group(1))
    assert methodology.status_code == 200
    body = text(methodology)
    assert "gran círculo" in body and "0,14981" in body and "8%" in body


def test_the_index_totals_and_charts_the_estimate_by_year(client, mission_index, missions):
    page = text(client.get(mission_index.url))
    # 7 025.7 + 278.5 = 7 304.2 kg = 7.3 t
    assert "Emisiones estimadas de los viajes 7,3 t CO₂e" in page
    content = client.get(mission_index.url).content.decode()
    table = content.split('id="emissions-by-year-caption"', 1)[1].split("</table>", 1)[0]
    cells = re.sub(r"<[^>]+>", " ", table)
    # 2025: 7 025.7 kg (3 823.3 + 88.1 = 3 911.4 kg without RF); 2026: 278.5 kg (153.5 kg).
    assert re.search(r"2025\s+7 t CO₂e\s+3,9 t CO₂e", cells)
    assert re.search(r"2026\s+0,3 t CO₂e\s+0,2 t CO₂e", cells)


def test_english_pages_say_the_same_in_english(client, missions, english_home, translate):
    from .test_groundwork_logic import english_index  # noqa: F401

    madrid, _rosario = missions
    index = madrid.get_parent().specific
    translate(index, {index.title: "Missions", index.slug: "missions", index.intro: "Trips."})
    english = translate(madrid)
    page = text(client.get(english.url))
    assert "Estimated emissions: 7,025.7 kg CO₂e" in page
    assert "How travel emissions are estimated" in page
    methodology = text(client.get(english.get_parent().url + "carbon-methodology/"))
    assert "great-circle distance" in methodology
    assert "0.14981" in methodology


def test_haversine_is_symmetric_and_zero_on_the_spot():
    scl, mad = carbon.airport("SCL"), carbon.airport("MAD")
    assert carbon.flight_distance_km(scl, mad) == carbon.flight_distance_km(mad, scl)
    assert carbon.flight_distance_km(scl, scl) == Decimal("0.0")


def test_recompute_command_applies_a_new_edition_and_dry_run_changes_nothing(missions):
    from io import StringIO

    from django.core.management import CommandError, call_command

    EmissionFactor.objects.create(
        edition=2030,
        mode="rail",
        kg_per_km_with_rf=Decimal("0.01000"),
        kg_per_km_without_rf=Decimal("0.01000"),
        source="test",
        source_url="https://example.org",
    )
    out = StringIO()
    call_command("recompute_travel_emissions", "--dry-run", stdout=out)
    assert "would change 1 travel legs" in out.getvalue()
    assert TravelLeg.objects.get(mode="rail").emissions_kg == Decimal("88.1")
    call_command("recompute_travel_emissions", stdout=out)
    # 621 km × 0.01 × 2 people × 2 ways = 24.84 → 24.8; flights have no 2030 row: unchanged.
    assert TravelLeg.objects.get(mode="rail").emissions_kg == Decimal("24.8")
    with pytest.raises(CommandError):
        call_command("recompute_travel_emissions", "--edition", "1999", stdout=out)
