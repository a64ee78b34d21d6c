"""The words and numbers seeded missions are made of, in Spanish and English."""

from decimal import Decimal

FIRST_YEAR = 2019

CITIES = [
    ("Buenos Aires", "AR"),
    ("Rosario", "AR"),
    ("Lima", "PE"),
    ("Bogotá", "CO"),
    ("Medellín", "CO"),
    ("Ciudad de México", "MX"),
    ("Montevideo", "UY"),
    ("São Paulo", "BR"),
    ("Quito", "EC"),
    ("Madrid", "ES"),
    ("Barcelona", "ES"),
    ("Lisboa", "PT"),
    ("París", "FR"),
    ("Berlín", "DE"),
    ("Bruselas", "BE"),
    ("Ámsterdam", "NL"),
    ("Nueva York", "US"),
    ("Toronto", "CA"),
    ("Seúl", "KR"),
    ("Tokio", "JP"),
]
# Foreign currency of each country's costs and a plausible rate to CLP.
CURRENCY = {"ES": "EUR", "PT": "EUR", "FR": "EUR", "DE": "EUR", "BE": "EUR", "NL": "EUR"}
RATES = {"USD": (Decimal("880"), Decimal("990")), "EUR": (Decimal("960"), Decimal("1080"))}
TEXT = {
    "es": {
        "title": "{kind} en {city} ({year})",
        "kinds": {
            "conference": "Foro",
            "bilateral": "Reunión bilateral",
            "network_assembly": "Asamblea de red",
            "cooperation": "Búsqueda de cooperación",
            "training": "Capacitación",
            "promotion": "Promoción comercial",
            "award": "Premio",
            "other": "Visita",
        },
        "purpose": "Presentar los programas de la ciudad y buscar cooperación en {city}.",
        "role": ["Jefa de delegación", "Asesor técnico", "Encargada de cooperación"],
        "subject": "Reunión de trabajo sobre {topic}",
        "topics": ["movilidad", "reciclaje", "turismo", "innovación", "vivienda", "agua"],
        "line": {
            "airfare": "Pasaje aéreo",
            "lodging": "Alojamiento",
            "per_diem": "Viático",
            "registration": "Inscripción",
        },
        "result": "Acuerdo de cooperación sobre {topic}",
        "follow_up": "Se revisó el avance con la contraparte.",
        "withdrawn": "Registro duplicado por error.",
        "person": "Persona de prueba {n}",
        "position": "Profesional de relaciones internacionales",
        "objective": "Objetivo de prueba {n}",
        "organization": "Organización de prueba {n}",
    },
    "en": {
        "title": "{kind} in {city} ({year})",
        "kinds": {
            "conference": "Forum",
            "bilateral": "Bilateral meeting",
            "network_assembly": "Network assembly",
            "cooperation": "Cooperation search",
            "training": "Training",
            "promotion": "Trade promotion",
            "award": "Award",
            "other": "Visit",
        },
        "purpose": "Present the city's programmes and seek cooperation in {city}.",
        "role": ["Head of delegation", "Technical adviser", "Cooperation officer"],
        "subject": "Working meeting on {topic}",
        "topics": ["mobility", "recycling", "tourism", "innovation", "housing", "water"],
        "line": {
            "airfare": "Airfare",
            "lodging": "Lodging",
            "per_diem": "Per diem",
            "registration": "Registration",
        },
        "result": "Cooperation agreement on {topic}",
        "follow_up": "Progress reviewed with the counterpart.",
        "withdrawn": "Duplicate record entered by mistake.",
        "person": "Test person {n}",
        "position": "International relations officer",
        "objective": "Test objective {n}",
        "organization": "Test organization {n}",
    },
}
PAYERS = (
    ["municipality"] * 13
    + ["host"] * 3
    + ["partner_or_sponsor"] * 2
    + [
        "national_government",
        "other",
    ]
)
STATUSES = (
    ["achieved"] * 4
    + ["in_progress"] * 3
    + ["committed"] * 2
    + [
        "not_achieved",
        "cancelled",
    ]
)
