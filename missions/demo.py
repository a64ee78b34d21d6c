"""Demo missions: 25 bilingual official trips over this year and the two before. Safe to rerun.

Sample data for a fictional municipality. Dates are relative to the day the demo is loaded, so
the home page's "this year" figures always have something to show. Among them: trips paid by
the municipality, by hosts and by partners, a trip at no cost to the city, reports submitted
and overdue, an upcoming trip, a withdrawn mission (with its public reason) and a corrected one
(published, then changed through a correction note, as an editor would), and results that
transferred demo practices (they appear in those practices' adoption logs).

Missions are written in Spanish and translated into English through wagtail-localize after the
directory snippets they point at (directory.demo).
"""

import datetime
from decimal import Decimal

from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Locale

from directory.demo import demo_objectives, demo_organizations, demo_people
from directory.demo import t as directory_glossary
from home.demo import ensure_index_page
from home.translation import Glossary, translate_instance

from .models import (
    AgendaItem,
    CostLine,
    DelegationMember,
    MissionDestination,
    MissionIndexPage,
    MissionPage,
    MissionResult,
    ResultFollowUp,
)

t = Glossary()
DOCUMENT_PREFIX = "Demo misión: "

INDEX = {
    "title": t("Misiones", "Missions"),
    "slug": t("misiones", "missions"),
    "intro": t(
        "Cada viaje oficial al extranjero: quién viajó, dónde, para qué, cuánto costó, quién pagó "
        "y qué resultó. Datos de ejemplo de una municipalidad ficticia.",
        "Every official trip abroad: who went, where, what for, what it cost, who paid and what "
        "came of it. Sample data for a fictional municipality.",
    ),
}

# Roles reused across missions.
HEAD = t("Jefa de delegación", "Head of delegation")
HEAD_M = t("Jefe de delegación", "Head of delegation")
SPEAKER = t("Expositora", "Speaker")
SPEAKER_M = t("Expositor", "Speaker")
TECHNICAL = t("Apoyo técnico", "Technical support")
COUNCIL = t("Representante del concejo", "Council representative")

AIRFARE = t("Pasaje aéreo ida y vuelta", "Return airfare")
HOTEL = t("Alojamiento", "Lodging")
PER_DIEM = t("Viático", "Per diem")
FEE = t("Inscripción", "Registration fee")
TRANSFER = t("Traslados locales", "Local transfers")
INSURANCE = t("Seguro de viaje", "Travel insurance")

CORRECTION_NOTE = t(
    "Se corrigió el tipo de cambio del pasaje aéreo: se había usado el del día de la reserva y "
    "no el del día del pago.",
    "The exchange rate of the airfare was corrected: the booking day's rate had been used "
    "instead of the payment day's.",
)
WITHDRAWAL_REASON = t(
    "El registro duplicaba la misión a Villaribera de la misma fecha; los costos y resultados "
    "están en ese registro.",
    "This record duplicated the mission to Villaribera on the same dates; its costs and "
    "results are in that record.",
)

USD, EUR, BRL, ARS, MXN, PEN = (
    ("USD", "945"),
    ("EUR", "1025.5"),
    ("BRL", "172.3"),
    ("ARS", "0.98"),
    ("MXN", "52.4"),
    ("PEN", "251.2"),
)


def city(name_es, name_en=None):
    return t(name_es, name_en or name_es)


def cost(category, description, amount, currency=None, payer="municipality", org=None):
    code, rate = currency or ("CLP", None)
    return {
        "category": category,
        "description": description,
        "amount": amount,
        "currency": code,
        "exchange_rate": Decimal(rate) if rate else None,
        "payer": payer,
        "org": org,
    }


def res(kind, description, status, *, value=None, practice=None, orgs=(), follow=(), **extra):
    """A result; dates are days after the trip's end (clipped to today)."""
    return {
        "kind": kind,
        "description": description,
        "status": status,
        "value": Decimal(value) if value else None,
        "practice": practice,
        "orgs": orgs,
        "follow": follow,
        **extra,
    }


# when: ("ago", days) this year, days before today; ("ahead", days) upcoming;
# (years_back, month, day) in a previous year.
MISSIONS = [
    {
        "slug": t("foro-ciudades-costeras-lima", "coastal-cities-forum-lima"),
        "title": t(
            "Asamblea de la Red de Ciudades Costeras en Lima",
            "Coastal Cities Network assembly in Lima",
        ),
        "when": ("ago", 40),
        "days": 4,
        "type": "network_assembly",
        "destinations": [(city("Lima"), "PE")],
        "purpose": t(
            "Presentar los simulacros comunitarios de tsunami y votar el plan de trabajo de la red.",
            "Present the community tsunami drills and vote on the network's work plan.",
        ),
        "objectives": ["riesgos"],
        "delegation": [("riesgos", HEAD), ("cooperacion", TECHNICAL)],
        "agenda": [
            (1, "rccp", t("Asamblea anual de la red", "The network's annual assembly")),
            (2, "bahia_serena", t("Reunión sobre alerta temprana", "Meeting on early warning")),
        ],
        "costs": [
            cost("airfare", AIRFARE, "980", USD),
            cost("lodging", HOTEL, "1500", PEN, "host", "rccp"),
            cost("per_diem", PER_DIEM, "420000"),
        ],
        "results": [
            res(
                "practice_transfer",
                t(
                    "Bahía Serena adoptará la metodología de simulacros por barrio.",
                    "Bahía Serena will adopt the neighbourhood drill method.",
                ),
                "in_progress",
                practice="simulacros-comunitarios-de-tsunami",
                orgs=["bahia_serena"],
                expected=180,
                follow=[
                    (
                        10,
                        t("Se enviaron los protocolos traducidos.", "Translated protocols sent."),
                        "in_progress",
                    )
                ],
            )
        ],
        "report": False,  # overdue
    },
    {
        "slug": t("promocion-pesca-artesanal-madrid", "artisanal-fishing-promotion-madrid"),
        "title": t(
            "Misión comercial de la pesca artesanal en Madrid",
            "Artisanal fishing trade mission in Madrid",
        ),
        "when": ("ago", 200),
        "days": 6,
        "type": "promotion",
        "destinations": [(city("Madrid"), "ES"), (city("Villaribera"), "ES")],
        "purpose": t(
            "Abrir mercado en Europa para las conservas de las caletas de la comuna.",
            "Open a European market for the canned seafood of the city's fishing coves.",
        ),
        "objectives": ["economia"],
        "delegation": [("economia", HEAD), ("concejal", COUNCIL)],
        "agenda": [
            (1, "exportaciones", t("Rueda de negocios", "Business matchmaking")),
            (2, "conservas", t("Degustación para importadores", "Tasting for importers")),
            (4, "villaribera", t("Visita al puerto pesquero", "Visit to the fishing port")),
        ],
        "costs": [
            cost("airfare", AIRFARE, "2 * 1150", USD),
            cost("lodging", HOTEL, "1800", EUR, "national_government", "exportaciones"),
            cost("registration", FEE, "600", EUR, "partner_or_sponsor", "pescadores"),
            cost("per_diem", PER_DIEM, "980000"),
        ],
        "results": [
            res(
                "investment_lead",
                t(
                    "Primer pedido de conservas de un importador español.",
                    "First order of canned seafood from a Spanish importer.",
                ),
                "achieved",
                value="18500000",
                orgs=["conservas", "pescadores"],
                achieved=75,
                evidence_url="https://conservas-pacifico.example.cl/primer-envio",
                follow=[
                    (30, t("Muestras enviadas.", "Samples sent."), "in_progress"),
                    (
                        75,
                        t("Primer contenedor despachado.", "First container shipped."),
                        "achieved",
                    ),
                ],
            )
        ],
        "report": True,
    },
    {
        "slug": t("premio-movilidad-bogota", "mobility-award-bogota"),
        "title": t("Premio de movilidad urbana en Bogotá", "Urban mobility award in Bogotá"),
        "when": ("ago", 150),
        "days": 3,
        "type": "award",
        "destinations": [(city("Bogotá"), "CO")],
        "purpose": t(
            "Recibir el premio regional por los buses nocturnos de barrio.",
            "Receive the regional award for the neighbourhood night buses.",
        ),
        "objectives": ["movilidad"],
        "delegation": [("movilidad", HEAD_M)],
        "agenda": [(1, "resilientes", t("Ceremonia de premiación", "Award ceremony"))],
        "costs": [cost("airfare", AIRFARE, "640", USD, "host", "resilientes")],
        "no_municipal_cost": True,
        "results": [
            res(
                "recognition",
                t(
                    "Premio regional a la movilidad de barrio.",
                    "Regional neighbourhood mobility award.",
                ),
                "achieved",
                practice="buses-nocturnos-de-barrio",
                achieved=0,
            )
        ],
        "report": True,
    },
    {
        "slug": t("cooperacion-residuos-villaribera", "waste-cooperation-villaribera"),
        "title": t(
            "Cooperación en economía circular con Villaribera",
            "Circular economy cooperation with Villaribera",
        ),
        "when": ("ago", 95),
        "days": 5,
        "type": "bilateral",
        "destinations": [(city("Villaribera"), "ES")],
        "purpose": t(
            "Conocer la planta de compostaje de Villaribera y preparar un convenio.",
            "Visit Villaribera's composting plant and prepare an agreement.",
        ),
        "objectives": ["circular"],
        "delegation": [("ambiente", HEAD_M), ("jefe_ori", TECHNICAL)],
        "agenda": [
            (1, "villaribera", t("Visita a la planta de compostaje", "Composting plant visit")),
            (2, "villaribera", t("Borrador del convenio", "Draft agreement")),
        ],
        "costs": [
            cost("airfare", AIRFARE, "2 * 1080", USD),
            cost("lodging", HOTEL, "900", EUR),
            cost("per_diem", PER_DIEM, "700000"),
            cost("insurance", INSURANCE, "45000"),
        ],
        "results": [
            res(
                "agreement",
                t("Convenio de cooperación en compostaje.", "Composting cooperation agreement."),
                "committed",
                practice="compostaje-domiciliario",
                orgs=["villaribera"],
                expected=120,
            )
        ],
        "report": True,
        "corrected": True,
    },
    {
        "slug": t("registro-duplicado-villaribera", "duplicate-record-villaribera"),
        "title": t("Visita técnica a Villaribera", "Technical visit to Villaribera"),
        "when": ("ago", 95),
        "days": 5,
        "type": "bilateral",
        "destinations": [(city("Villaribera"), "ES")],
        "purpose": t(
            "Visita técnica a la planta de compostaje.", "Technical visit to the composting plant."
        ),
        "objectives": ["circular"],
        "delegation": [("ambiente", HEAD_M)],
        "agenda": [],
        "costs": [],
        "no_municipal_cost": True,
        "results": [],
        "report": False,
        "withdrawn": True,
    },
    {
        "slug": t("fondo-clima-berlin", "climate-fund-berlin"),
        "title": t(
            "Búsqueda de financiamiento climático en Berlín", "Climate funding search in Berlin"
        ),
        "when": ("ago", 60),
        "days": 5,
        "type": "cooperation",
        "destinations": [(city("Berlín", "Berlin"), "DE")],
        "purpose": t(
            "Postular el riego de parques con aguas grises a un fondo para ciudades.",
            "Apply for city funding to water parks with greywater.",
        ),
        "objectives": ["agua_energia"],
        "delegation": [("cooperacion", HEAD), ("ambiente", TECHNICAL)],
        "agenda": [(1, "horizonte", t("Presentación del proyecto", "Project pitch"))],
        "costs": [
            cost("airfare", AIRFARE, "2 * 1240", USD, "partner_or_sponsor", "horizonte"),
            cost("lodging", HOTEL, "1100", EUR, "partner_or_sponsor", "horizonte"),
            cost("per_diem", PER_DIEM, "560000"),
        ],
        "results": [
            res(
                "funding",
                t(
                    "Financiamiento para regar tres parques con aguas grises.",
                    "Funding to water three parks with greywater.",
                ),
                "achieved",
                value="96000000",
                practice="reuso-de-aguas-grises-en-parques",
                orgs=["horizonte"],
                achieved=45,
                follow=[
                    (20, t("Postulación enviada.", "Application submitted."), "in_progress"),
                    (45, t("Fondo adjudicado.", "Grant awarded."), "achieved"),
                ],
            )
        ],
        "report": True,
    },
    {
        "slug": t(
            "capacitacion-gobierno-abierto-montevideo", "open-government-training-montevideo"
        ),
        "title": t(
            "Capacitación en gobierno abierto en Montevideo",
            "Open government training in Montevideo",
        ),
        "when": ("ago", 250),
        "days": 4,
        "type": "training",
        "destinations": [(city("Montevideo"), "UY")],
        "purpose": t(
            "Formar al equipo del presupuesto participativo digital.",
            "Train the digital participatory budgeting team.",
        ),
        "objectives": ["participacion"],
        "delegation": [("jefe_ori", HEAD_M)],
        "agenda": [(1, "banco", t("Taller de datos abiertos", "Open data workshop"))],
        "costs": [
            cost("airfare", AIRFARE, "520", USD),
            cost("registration", FEE, "300", USD, "host", "banco"),
            cost("per_diem", PER_DIEM, "380000"),
        ],
        "results": [
            res(
                "technical_assistance",
                t(
                    "Asistencia técnica para publicar los datos del presupuesto.",
                    "Technical assistance to publish the budget data.",
                ),
                "achieved",
                practice="presupuesto-participativo-digital",
                orgs=["banco"],
                achieved=90,
            )
        ],
        "report": True,
    },
    {
        "slug": t("foro-energia-solar-sao-paulo", "solar-energy-forum-sao-paulo"),
        "title": t("Foro de energía solar en São Paulo", "Solar energy forum in São Paulo"),
        "when": ("ago", 20),
        "days": 3,
        "type": "conference",
        "destinations": [(city("São Paulo"), "BR")],
        "purpose": t(
            "Presentar los techos solares municipales y buscar proveedores.",
            "Present the municipal solar roofs and look for suppliers.",
        ),
        "objectives": ["agua_energia"],
        "delegation": [("ambiente", SPEAKER_M)],
        "agenda": [(1, "embajada", t("Panel de energía limpia", "Clean energy panel"))],
        "costs": [
            cost("airfare", AIRFARE, "610", USD, "host", "embajada"),
            cost("lodging", HOTEL, "1300", BRL),
            cost("per_diem", PER_DIEM, "290000"),
        ],
        "results": [
            res(
                "practice_transfer",
                t(
                    "Dos ciudades pidieron el pliego técnico de los techos solares.",
                    "Two cities asked for the solar roofs' technical specifications.",
                ),
                "in_progress",
                practice="techos-solares-municipales",
                expected=90,
            )
        ],
        "report": False,  # still within the allowed days
    },
    {
        "slug": t("asamblea-ciudades-resilientes-rotterdam", "resilient-cities-assembly-rotterdam"),
        "title": t(
            "Asamblea de ciudades resilientes en Róterdam", "Resilient cities assembly in Rotterdam"
        ),
        "when": ("ahead", 25),
        "days": 4,
        "type": "network_assembly",
        "destinations": [(city("Róterdam", "Rotterdam"), "NL")],
        "purpose": t(
            "Asumir la vicepresidencia regional de la red.",
            "Take up the network's regional vice-presidency.",
        ),
        "objectives": ["riesgos"],
        "delegation": [("alcaldesa", HEAD), ("riesgos", TECHNICAL)],
        "agenda": [(1, "resilientes", t("Asamblea general", "General assembly"))],
        "costs": [
            cost("airfare", AIRFARE, "2 * 1390", USD),
            cost("lodging", HOTEL, "1600", EUR, "host", "resilientes"),
        ],
        "results": [],
        "report": False,
    },
    {
        "slug": t("mercados-pagos-digitales-ciudad-de-mexico", "digital-payments-mexico-city"),
        "title": t(
            "Pagos digitales en ferias: intercambio con Ciudad de México",
            "Digital payments at street markets: exchange with Mexico City",
        ),
        "when": ("ago", 120),
        "days": 5,
        "type": "bilateral",
        "destinations": [(city("Ciudad de México", "Mexico City"), "MX")],
        "purpose": t(
            "Compartir la experiencia de pagos digitales en ferias libres.",
            "Share the experience of digital payments at street markets.",
        ),
        "objectives": ["economia"],
        "delegation": [("economia", SPEAKER)],
        "agenda": [
            (1, "bahia_serena", t("Mesa de mercados municipales", "Municipal markets roundtable"))
        ],
        "costs": [
            cost("airfare", AIRFARE, "890", USD),
            cost("lodging", HOTEL, "9800", MXN),
            cost("per_diem", PER_DIEM, "450000"),
        ],
        "results": [
            res(
                "practice_transfer",
                t(
                    "Bahía Serena probará los pagos digitales en dos mercados.",
                    "Bahía Serena will pilot digital payments in two markets.",
                ),
                "committed",
                practice="pagos-digitales-en-ferias-libres",
                orgs=["bahia_serena"],
                expected=240,
            ),
            res(
                "network_membership",
                t(
                    "Ingreso a la red de mercados municipales.",
                    "Joined the municipal markets network.",
                ),
                "not_achieved",
                follow=[
                    (
                        60,
                        t(
                            "La red suspendió las nuevas incorporaciones.",
                            "The network froze new memberships.",
                        ),
                        "not_achieved",
                    )
                ],
            ),
        ],
        "report": False,  # overdue
    },
    # Last year ---------------------------------------------------------------------------------
    {
        "slug": t("asamblea-red-costera-valparaiso-2", "coastal-network-assembly-2"),
        "title": t(
            "Asamblea anual de la Red de Ciudades Costeras",
            "Coastal Cities Network annual assembly",
        ),
        "when": (1, 4, 14),
        "days": 3,
        "type": "network_assembly",
        "destinations": [(city("Arequipa"), "PE")],
        "purpose": t(
            "Presentar el balance de la ciudad en la red y renovar la membresía.",
            "Report on the city's work in the network and renew its membership.",
        ),
        "objectives": ["riesgos", "participacion"],
        "delegation": [("jefe_ori", HEAD_M)],
        "agenda": [(1, "rccp", t("Asamblea anual de la red", "The network's annual assembly"))],
        "costs": [
            cost("airfare", AIRFARE, "450", USD),
            cost("lodging", HOTEL, "900", PEN),
            cost("registration", FEE, "250", USD),
        ],
        "results": [
            res(
                "network_membership",
                t("Membresía renovada por tres años.", "Membership renewed for three years."),
                "achieved",
                orgs=["rccp"],
                achieved=2,
            )
        ],
        "report": True,
    },
    {
        "slug": t("buses-nocturnos-san-martin", "night-buses-san-martin"),
        "title": t(
            "Transferencia de los buses nocturnos a San Martín del Lago",
            "Night buses transfer to San Martín del Lago",
        ),
        "when": (1, 5, 19),
        "days": 4,
        "type": "bilateral",
        "destinations": [(city("San Martín del Lago"), "AR")],
        "purpose": t(
            "Asesorar a la ciudad hermana en el diseño de recorridos nocturnos.",
            "Advise the sister city on designing night routes.",
        ),
        "objectives": ["movilidad"],
        "delegation": [("movilidad", HEAD_M), ("cooperacion", TECHNICAL)],
        "agenda": [
            (1, "san_martin", t("Taller de diseño de recorridos", "Route design workshop")),
            (2, "san_martin", t("Recorrido nocturno de prueba", "Night test ride")),
        ],
        "costs": [
            cost("airfare", AIRFARE, "2 * 380", USD),
            cost("lodging", HOTEL, "310000", ARS, "host", "san_martin"),
            cost("per_diem", PER_DIEM, "510000"),
        ],
        "results": [
            res(
                "technical_assistance",
                t(
                    "San Martín del Lago abrió dos recorridos nocturnos.",
                    "San Martín del Lago opened two night routes.",
                ),
                "achieved",
                practice="buses-nocturnos-de-barrio",
                orgs=["san_martin"],
                achieved=160,
                follow=[
                    (60, t("Licitación publicada.", "Tender published."), "in_progress"),
                    (160, t("Primeros buses en servicio.", "First buses in service."), "achieved"),
                ],
            )
        ],
        "report": True,
    },
    {
        "slug": t("ronda-inversion-miami", "investment-round-miami"),
        "title": t("Ronda de inversión en Miami", "Investment round in Miami"),
        "when": (1, 6, 9),
        "days": 5,
        "type": "promotion",
        "destinations": [(city("Miami"), "US")],
        "purpose": t(
            "Presentar el borde costero a inversionistas en turismo.",
            "Present the waterfront to tourism investors.",
        ),
        "objectives": ["economia"],
        "delegation": [("alcaldesa", HEAD), ("economia", TECHNICAL)],
        "agenda": [
            (1, "exportaciones", t("Seminario de inversión", "Investment seminar")),
            (2, "camara", t("Reuniones con inversionistas", "Investor meetings")),
        ],
        "costs": [
            cost("airfare", AIRFARE, "2 * 1350", USD),
            cost("lodging", HOTEL, "2400", USD),
            cost("per_diem", PER_DIEM, "1200000"),
            cost("local_transport", TRANSFER, "320", USD, "national_government", "exportaciones"),
        ],
        "results": [
            res(
                "investment_lead",
                t(
                    "Carta de intención para un hotel en el borde costero.",
                    "Letter of intent for a waterfront hotel.",
                ),
                "cancelled",
                follow=[
                    (
                        120,
                        t(
                            "El inversionista retiró la carta de intención.",
                            "The investor withdrew the letter of intent.",
                        ),
                        "cancelled",
                    )
                ],
            )
        ],
        "report": True,
    },
    {
        "slug": t("ventanilla-migrantes-madrid", "migrants-desk-madrid"),
        "title": t("Foro de ciudades de acogida en Madrid", "Welcoming cities forum in Madrid"),
        "when": (1, 7, 7),
        "days": 4,
        "type": "conference",
        "destinations": [(city("Madrid"), "ES")],
        "purpose": t(
            "Presentar la ventanilla única para migrantes.",
            "Present the one-stop desk for migrants.",
        ),
        "objectives": ["participacion"],
        "delegation": [("concejal", SPEAKER_M)],
        "agenda": [(1, "villaribera", t("Panel de ciudades de acogida", "Welcoming cities panel"))],
        "costs": [
            cost("airfare", AIRFARE, "1190", USD, "host", "villaribera"),
            cost("lodging", HOTEL, "720", EUR, "host", "villaribera"),
        ],
        "no_municipal_cost": True,
        "results": [
            res(
                "practice_transfer",
                t(
                    "La ventanilla única fue incluida en la guía de buenas prácticas del foro.",
                    "The one-stop desk was included in the forum's good practice guide.",
                ),
                "achieved",
                practice="ventanilla-unica-para-migrantes",
                achieved=90,
            )
        ],
        "report": True,
    },
    {
        "slug": t("alerta-temprana-porto-claro", "early-warning-porto-claro"),
        "title": t("Alerta temprana: visita a Porto Claro", "Early warning: visit to Porto Claro"),
        "when": (1, 8, 25),
        "days": 4,
        "type": "training",
        "destinations": [(city("Porto Claro"), "BR")],
        "purpose": t(
            "Aprender el sistema de sirenas y mensajería de Porto Claro.",
            "Learn Porto Claro's siren and messaging system.",
        ),
        "objectives": ["riesgos"],
        "delegation": [("riesgos", HEAD)],
        "agenda": [(1, "porto_claro", t("Centro de monitoreo", "Monitoring centre"))],
        "costs": [
            cost("airfare", AIRFARE, "720", USD),
            cost("lodging", HOTEL, "1400", BRL),
            cost("per_diem", PER_DIEM, "300000"),
        ],
        "results": [
            res(
                "technical_assistance",
                t(
                    "Porto Claro revisará el protocolo de evacuación de la comuna.",
                    "Porto Claro will review the city's evacuation protocol.",
                ),
                "in_progress",
                orgs=["porto_claro"],
                expected=200,
                follow=[(45, t("Protocolo enviado.", "Protocol sent."), "in_progress")],
            )
        ],
        "report": False,  # overdue
    },
    {
        "slug": t("feria-alimentos-sao-paulo", "food-fair-sao-paulo"),
        "title": t("Feria de alimentos del mar en São Paulo", "Seafood fair in São Paulo"),
        "when": (1, 9, 15),
        "days": 4,
        "type": "promotion",
        "destinations": [(city("São Paulo"), "BR")],
        "purpose": t(
            "Acompañar a las caletas en su primera feria internacional.",
            "Accompany the fishing coves at their first international fair.",
        ),
        "objectives": ["economia"],
        "delegation": [("economia", HEAD)],
        "agenda": [(1, "pescadores", t("Stand de la comuna", "The city's stand"))],
        "costs": [
            cost("airfare", AIRFARE, "590", USD),
            cost("registration", FEE, "3500", BRL, "national_government", "exportaciones"),
            cost("per_diem", PER_DIEM, "290000"),
        ],
        "results": [
            res(
                "investment_lead",
                t("Cuatro contactos comerciales.", "Four trade leads."),
                "achieved",
                value="7200000",
                orgs=["pescadores", "conservas"],
                achieved=100,
            )
        ],
        "report": True,
    },
    {
        "slug": t("asistencia-compostaje-san-martin", "composting-assistance-san-martin"),
        "title": t(
            "Compostaje domiciliario en San Martín del Lago",
            "Household composting in San Martín del Lago",
        ),
        "when": (1, 10, 20),
        "days": 3,
        "type": "bilateral",
        "destinations": [(city("San Martín del Lago"), "AR")],
        "purpose": t(
            "Capacitar a los monitores de compostaje de la ciudad hermana.",
            "Train the sister city's composting instructors.",
        ),
        "objectives": ["circular"],
        "delegation": [("ambiente", SPEAKER_M)],
        "agenda": [(1, "san_martin", t("Taller para monitores", "Instructors' workshop"))],
        "costs": [cost("airfare", AIRFARE, "360", USD, "host", "san_martin")],
        "no_municipal_cost": True,
        "results": [
            res(
                "practice_transfer",
                t(
                    "Doscientos hogares de San Martín del Lago compostan en casa.",
                    "Two hundred households in San Martín del Lago compost at home.",
                ),
                "achieved",
                practice="compostaje-domiciliario",
                orgs=["san_martin"],
                achieved=180,
            )
        ],
        "report": True,
    },
    {
        "slug": t("cumbre-clima-nueva-york", "climate-summit-new-york"),
        "title": t(
            "Cumbre de alcaldes por el clima en Nueva York", "Mayors' climate summit in New York"
        ),
        "when": (1, 11, 10),
        "days": 4,
        "type": "conference",
        "destinations": [(city("Nueva York", "New York"), "US")],
        "purpose": t(
            "Firmar el compromiso de ciudades por la energía limpia.",
            "Sign the cities' clean energy pledge.",
        ),
        "objectives": ["agua_energia"],
        "delegation": [("alcaldesa", HEAD), ("jefe_ori", TECHNICAL)],
        "agenda": [(1, "banco", t("Plenario de alcaldes", "Mayors' plenary"))],
        "costs": [
            cost("airfare", AIRFARE, "2 * 1450", USD),
            cost("lodging", HOTEL, "2900", USD),
            cost("per_diem", PER_DIEM, "1100000"),
            cost("insurance", INSURANCE, "60000"),
        ],
        "results": [
            res(
                "agreement",
                t(
                    "Compromiso firmado: 30 % de energía solar en edificios municipales.",
                    "Pledge signed: 30% solar energy in municipal buildings.",
                ),
                "achieved",
                practice="techos-solares-municipales",
                achieved=3,
                evidence_url="https://bidl.example.org/compromiso-ciudades",
            )
        ],
        "report": True,
    },
    # Two years ago -----------------------------------------------------------------------------
    {
        "slug": t("primera-asamblea-red-costera", "first-coastal-network-assembly"),
        "title": t("Ingreso a la Red de Ciudades Costeras", "Joining the Coastal Cities Network"),
        "when": (2, 3, 11),
        "days": 3,
        "type": "network_assembly",
        "destinations": [(city("Lima"), "PE")],
        "purpose": t(
            "Formalizar el ingreso de la ciudad a la red.", "Formalise the city's membership."
        ),
        "objectives": ["riesgos"],
        "delegation": [("jefe_ori", HEAD_M)],
        "agenda": [(1, "rccp", t("Asamblea de la red", "Network assembly"))],
        "costs": [cost("airfare", AIRFARE, "430", USD), cost("lodging", HOTEL, "800", PEN)],
        "results": [
            res(
                "network_membership",
                t("La ciudad es miembro pleno de la red.", "The city is a full network member."),
                "achieved",
                orgs=["rccp"],
                achieved=1,
            )
        ],
        "report": True,
    },
    {
        "slug": t("hermanamiento-san-martin", "twinning-san-martin"),
        "title": t("Hermanamiento con San Martín del Lago", "Twinning with San Martín del Lago"),
        "when": (2, 4, 22),
        "days": 3,
        "type": "bilateral",
        "destinations": [(city("San Martín del Lago"), "AR")],
        "purpose": t(
            "Renovar el acuerdo de ciudades hermanas con metas medibles.",
            "Renew the sister city agreement with measurable targets.",
        ),
        "objectives": ["movilidad", "circular"],
        "delegation": [("alcaldesa", HEAD), ("concejal", COUNCIL)],
        "agenda": [(1, "san_martin", t("Firma del acuerdo", "Agreement signing"))],
        "costs": [
            cost("airfare", AIRFARE, "2 * 340", USD),
            cost("lodging", HOTEL, "250000", ARS),
            cost("per_diem", PER_DIEM, "480000"),
        ],
        "results": [
            res(
                "agreement",
                t("Acuerdo de ciudades hermanas renovado.", "Sister city agreement renewed."),
                "achieved",
                orgs=["san_martin"],
                achieved=1,
            )
        ],
        "report": True,
    },
    {
        "slug": t("curso-datos-abiertos-washington", "open-data-course-washington"),
        "title": t("Curso de datos abiertos en Washington", "Open data course in Washington"),
        "when": (2, 6, 3),
        "days": 6,
        "type": "training",
        "destinations": [(city("Washington"), "US")],
        "purpose": t(
            "Capacitarse para publicar los gastos de la municipalidad como datos abiertos.",
            "Learn to publish the municipality's spending as open data.",
        ),
        "objectives": ["participacion"],
        "delegation": [("cooperacion", HEAD)],
        "agenda": [(1, "banco", t("Curso de datos abiertos", "Open data course"))],
        "costs": [
            cost("airfare", AIRFARE, "1280", USD, "partner_or_sponsor", "banco"),
            cost("lodging", HOTEL, "1500", USD, "partner_or_sponsor", "banco"),
            cost("per_diem", PER_DIEM, "420000"),
        ],
        "results": [
            res(
                "technical_assistance",
                t("Portal de datos abiertos de la comuna.", "The city's open data portal."),
                "achieved",
                orgs=["banco"],
                achieved=150,
            )
        ],
        "report": True,
    },
    {
        "slug": t("embajada-energia-solar", "embassy-solar-energy"),
        "title": t(
            "Cooperación en energía solar con Nordavia", "Solar energy cooperation with Nordavia"
        ),
        "when": (2, 7, 15),
        "days": 6,
        "type": "cooperation",
        "destinations": [(city("Helsinki"), "FI")],
        "purpose": t(
            "Conocer proyectos de energía solar en edificios públicos.",
            "Visit solar energy projects on public buildings.",
        ),
        "objectives": ["agua_energia"],
        "delegation": [("ambiente", HEAD_M), ("economia", TECHNICAL)],
        "agenda": [(1, "embajada", t("Programa de visitas", "Visit programme"))],
        "costs": [
            cost("airfare", AIRFARE, "2 * 1600", USD, "national_government"),
            cost("lodging", HOTEL, "2100", EUR, "partner_or_sponsor", "embajada"),
            cost("per_diem", PER_DIEM, "900000"),
        ],
        "results": [
            res(
                "funding",
                t("Aporte para los primeros techos solares.", "Grant for the first solar roofs."),
                "achieved",
                value="45000000",
                practice="techos-solares-municipales",
                orgs=["embajada"],
                achieved=200,
            )
        ],
        "report": True,
    },
    {
        "slug": t("congreso-reciclaje-buenos-aires", "recycling-congress-buenos-aires"),
        "title": t("Congreso de reciclaje en Buenos Aires", "Recycling congress in Buenos Aires"),
        "when": (2, 9, 9),
        "days": 3,
        "type": "conference",
        "destinations": [(city("Buenos Aires"), "AR")],
        "purpose": t(
            "Conocer modelos de reciclaje con recicladores de base.",
            "Learn recycling models that include waste pickers.",
        ),
        "objectives": ["circular"],
        "delegation": [("ambiente", HEAD_M)],
        "agenda": [(1, "barrio_vivo", t("Mesa de recicladores", "Waste pickers' roundtable"))],
        "costs": [
            cost("airfare", AIRFARE, "390", USD),
            cost("registration", FEE, "150", USD),
            cost("per_diem", PER_DIEM, "240000"),
        ],
        "results": [
            res(
                "other",
                t("Propuesta de reciclaje inclusivo.", "An inclusive recycling proposal."),
                "not_achieved",
                follow=[
                    (
                        200,
                        t(
                            "El concejo no aprobó el presupuesto de la propuesta.",
                            "The council did not approve the proposal's budget.",
                        ),
                        "not_achieved",
                    )
                ],
            )
        ],
        "report": False,  # overdue
    },
    {
        "slug": t("simulacros-bahia-serena", "drills-bahia-serena"),
        "title": t(
            "Simulacros comunitarios con Bahía Serena", "Community drills with Bahía Serena"
        ),
        "when": (2, 10, 14),
        "days": 5,
        "type": "cooperation",
        "destinations": [(city("Bahía Serena"), "MX")],
        "purpose": t(
            "Acordar un programa de intercambio sobre simulacros de tsunami.",
            "Agree an exchange programme on tsunami drills.",
        ),
        "objectives": ["riesgos"],
        "delegation": [("riesgos", HEAD), ("cooperacion", TECHNICAL)],
        "agenda": [(1, "bahia_serena", t("Simulacro conjunto", "Joint drill"))],
        "costs": [
            cost("airfare", AIRFARE, "2 * 990", USD),
            cost("lodging", HOTEL, "14000", MXN, "host", "bahia_serena"),
            cost("per_diem", PER_DIEM, "650000"),
        ],
        "results": [
            res(
                "agreement",
                t("Programa de intercambio firmado.", "Exchange programme signed."),
                "achieved",
                practice="simulacros-comunitarios-de-tsunami",
                orgs=["bahia_serena"],
                achieved=4,
            )
        ],
        "report": True,
    },
    {
        "slug": t("premio-participacion-montevideo", "participation-award-montevideo"),
        "title": t(
            "Premio a la participación ciudadana en Montevideo",
            "Citizen participation award in Montevideo",
        ),
        "when": (2, 11, 25),
        "days": 2,
        "type": "award",
        "destinations": [(city("Montevideo"), "UY")],
        "purpose": t(
            "Recibir la mención al presupuesto participativo digital.",
            "Receive the mention for the digital participatory budget.",
        ),
        "objectives": ["participacion"],
        "delegation": [("concejal", COUNCIL)],
        "agenda": [(1, "rccp", t("Ceremonia", "Ceremony"))],
        "costs": [
            cost("airfare", AIRFARE, "480", USD),
            cost("per_diem", PER_DIEM, "160000"),
        ],
        "results": [
            res(
                "recognition",
                t("Mención honrosa regional.", "Regional honourable mention."),
                "achieved",
                practice="presupuesto-participativo-digital",
                achieved=0,
            )
        ],
        "report": True,
    },
]


def _pdf(title):
    """A one-page PDF that says it is sample data (no external file needed)."""
    text = title.encode("latin-1", "replace").replace(b"(", b"[").replace(b")", b"]")
    stream = b"BT /F1 14 Tf 60 760 Td (" + text + b") Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return out


def _document(title, filename):
    model = get_document_model()
    full_title = DOCUMENT_PREFIX + title
    document = model.objects.filter(title=full_title).first()
    if document is None:
        document = model(title=full_title)
        document.file.save(
            filename, ContentFile(_pdf(full_title + " (datos de ejemplo)")), save=False
        )
        document.save()
    return document


def _amount(value):
    """Amounts like "2 * 1150" (two tickets) are multiplied out, as Decimals."""
    factors = [Decimal(part.strip()) for part in str(value).split("*")]
    total = Decimal(1)
    for factor in factors:
        total *= factor
    return total


def _start(when, today):
    if when[0] == "ago":
        # Keep this year's trips inside this year even early in January.
        elapsed = (today - datetime.date(today.year, 1, 1)).days
        return today - datetime.timedelta(days=min(when[1], max(elapsed - 10, 0)))
    if when[0] == "ahead":
        return today + datetime.timedelta(days=when[1])
    years_back, month, day = when
    return datetime.date(today.year - years_back, month, day)


def _build(index, data, spanish, people, organizations, objectives, today):
    start = _start(data["when"], today)
    end = start + datetime.timedelta(days=data["days"] - 1)

    def after_end(days):
        return min(end + datetime.timedelta(days=days), today)

    slug = data["slug"]
    page = MissionPage(
        locale=spanish,
        title=data["title"],
        slug=slug,
        start_date=start,
        end_date=end,
        mission_type=data["type"],
        purpose=data["purpose"],
        no_municipal_cost=data.get("no_municipal_cost", False),
        authorization_act_type="mayoral_decree",
        authorization_number=f"{100 + MISSIONS.index(data) * 7}/{start.year}",
        authorization_date=start - datetime.timedelta(days=21),
        authorization_document=_document(f"decreto {slug}", f"decreto-{slug}.pdf"),
    )
    if data["report"] and end + datetime.timedelta(days=20) <= today:
        page.report_document = _document(f"informe {slug}", f"informe-{slug}.pdf")
        page.report_date = end + datetime.timedelta(days=20)
    page.destinations = [
        MissionDestination(city=name, country=country) for name, country in data["destinations"]
    ]
    page.delegation = [
        DelegationMember(person=people[key], role=role) for key, role in data["delegation"]
    ]
    page.agenda = [
        AgendaItem(
            date=start + datetime.timedelta(days=offset),
            organization=organizations[key],
            subject=subject,
        )
        for offset, key, subject in data["agenda"]
    ]
    page.cost_lines = [
        CostLine(
            category=line["category"],
            description=line["description"],
            amount=_amount(line["amount"]),
            currency=line["currency"],
            exchange_rate=line["exchange_rate"] if line["currency"] != "CLP" else Decimal(1),
            payer=line["payer"],
            paying_organization=organizations.get(line["org"]) if line["org"] else None,
        )
        for line in data["costs"]
    ]
    page.objectives = [objectives[key] for key in data["objectives"]]
    results = []
    for item in data["results"]:
        result = MissionResult(
            kind=item["kind"],
            description=item["description"],
            status=item["status"],
            value_clp=item["value"],
            expected_date=end + datetime.timedelta(days=item["expected"])
            if "expected" in item
            else None,
            achieved_date=after_end(item["achieved"]) if "achieved" in item else None,
            evidence_url=item.get("evidence_url", ""),
        )
        if item["practice"]:
            from practices.demo import demo_practice

            result.practice = demo_practice(item["practice"])
        result.organizations = [organizations[key] for key in item["orgs"]]
        result.follow_ups = [
            ResultFollowUp(date=after_end(days), note=note, new_status=status)
            for days, note, status in item["follow"]
            if end + datetime.timedelta(days=days) <= today
        ]
        results.append(result)
    page.results = results
    index.add_child(instance=page)
    page.save_revision().publish()

    if data.get("corrected"):
        # As an editor would: change a figure of the live mission with a correction note, and
        # publish. The page_published receiver turns the note into a dated public correction.
        page = MissionPage.objects.get(pk=page.pk)
        lines = list(page.cost_lines.all())
        lines[0].exchange_rate = lines[0].exchange_rate - Decimal("12.5")
        page.cost_lines = lines
        page.correction_note = CORRECTION_NOTE
        page.save_revision().publish()
    if data.get("withdrawn"):
        page = MissionPage.objects.get(pk=page.pk)
        page.withdrawn = True
        page.withdrawal_reason = WITHDRAWAL_REASON
        page.save_revision().publish()
    return MissionPage.objects.get(pk=page.pk)


def _translator(text):
    try:
        return t.translate(text)
    except KeyError:
        return directory_glossary.translate(text)


def load(stdout):
    from directory import demo as directory_demo

    spanish, _ = Locale.objects.get_or_create(language_code="es")
    english, _ = Locale.objects.get_or_create(language_code="en")
    directory_demo.load(stdout)  # finds what it made before
    people, organizations, objectives = demo_people(), demo_organizations(), demo_objectives()
    index = ensure_index_page(MissionIndexPage, INDEX, _translator, stdout)
    today = timezone.localdate()
    for data in MISSIONS:
        page = MissionPage.objects.child_of(index).filter(slug=data["slug"]).first()
        if page is None:
            page = _build(index, data, spanish, people, organizations, objectives, today)
            stdout.write(f"  mission created: {page.title}")
        if not page.has_translation(english):
            translate_instance(page, english, _translator)
            stdout.write(f"  translated to English: {page.title}")
