"""The carbon estimate of one travel leg: distance, haul and the conversion factor to use.

Method (UK DESNZ greenhouse-gas conversion factors, "Business travel – air" and "– land"):
- a flight's distance is the great-circle distance between the two airports (coordinates from
  the offline ``airportsdata`` package), on a sphere of mean radius 6371.0088 km, plus the
  factor set's distance uplift (8 %) for indirect routes and holding;
- its haul is *domestic* when both airports are in one country, *short* under 3700 km and
  *long* from 3700 km, as DESNZ bands them;
- rail, coach and car legs carry the distance an editor enters (roads and tracks are not
  great circles) and no uplift;
- emissions = distance × factor × travellers (a car's factor is per vehicle, so its
  travellers share it) × 2 for a return journey; with and without radiative forcing.
Pure functions: the models call them on clean() and save(), the tests call them directly.
"""

import math
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

EARTH_RADIUS_KM = 6371.0088
LONG_HAUL_FROM_KM = Decimal(3700)
KM = Decimal("0.1")
KG = Decimal("0.1")


@lru_cache(maxsize=1)
def airports():
    """{IATA code: {"lat", "lon", "country", "name", "city"}} from airportsdata (read once)."""
    import airportsdata

    return airportsdata.load("IATA")


def airport(code):
    """The airport with IATA ``code`` (any case), or None when there is no such code."""
    code = (code or "").strip().upper()
    if len(code) != 3:
        return None
    return airports().get(code)


def great_circle_km(lat1, lon1, lat2, lon2):
    """Haversine distance in km, as a Decimal to 0.1 km."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlambda = phi2 - phi1, math.radians(lon2 - lon1)
    h = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    km = 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(h))
    return Decimal(repr(km)).quantize(KM, rounding=ROUND_HALF_UP)


def flight_distance_km(origin, destination):
    """Great-circle km between two airports given as dicts from ``airport()``."""
    return great_circle_km(origin["lat"], origin["lon"], destination["lat"], destination["lon"])


def flight_haul(origin, destination, distance_km):
    if origin["country"] == destination["country"]:
        return "domestic"
    return "long" if distance_km >= LONG_HAUL_FROM_KM else "short"


def leg_emissions_kg(distance_km, uplift, factor, travellers, return_trip, per_vehicle=False):
    """kg CO2e of one leg, to 0.1 kg: distance × (1 + uplift) × factor × travellers × trips."""
    people = 1 if per_vehicle else travellers
    trips = 2 if return_trip else 1
    kg = Decimal(distance_km) * (1 + Decimal(uplift)) * Decimal(factor) * people * trips
    return kg.quantize(KG, rounding=ROUND_HALF_UP)
