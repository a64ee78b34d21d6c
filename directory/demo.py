"""Demo directory: people, organizations and the objectives of a fictional city plan.

Sample data for the fictional municipality of Puente Alto del Mar: every name is invented (or a
generic description), every address ends in .example. Spanish first, its English next to it;
the English versions are wagtail-localize translations (people's names are synchronised, not
translated). Running it again changes nothing. The missions demo looks records up by key with
:func:`demo_people`, :func:`demo_organizations` and :func:`demo_objectives`.
"""

from wagtail.models import Locale

from home.translation import Glossary, translate_instance

from .models import Organization, Person, StrategicObjective

t = Glossary()

ORI = t("Oficina de Relaciones Internacionales", "International Relations Office")
PLAN = t("Plan de Desarrollo Comunal 2024–2030", "City Development Plan 2024–2030")

PEOPLE = {
    "alcaldesa": {
        "name": "Carolina Fuentes Rivas",
        "position": t("Alcaldesa", "Mayor"),
        "unit": t("Alcaldía", "Mayor's Office"),
    },
    "jefe_ori": {
        "name": "Martín Soto Araya",
        "position": t(
            "Jefe de la Oficina de Relaciones Internacionales",
            "Head of the International Relations Office",
        ),
        "unit": ORI,
    },
    "cooperacion": {
        "name": "Valentina Muñoz Pérez",
        "position": t(
            "Coordinadora de cooperación internacional", "International cooperation coordinator"
        ),
        "unit": ORI,
    },
    "concejal": {
        "name": "Diego Herrera Campos",
        "position": t("Concejal", "Councillor"),
        "unit": t("Concejo Municipal", "Municipal Council"),
    },
    "economia": {
        "name": "Francisca Rojas Leiva",
        "position": t(
            "Directora de Desarrollo Económico Local", "Director of Local Economic Development"
        ),
        "unit": t("Dirección de Desarrollo Económico", "Economic Development Department"),
    },
    "ambiente": {
        "name": "Tomás Navarro Vidal",
        "position": t("Jefe de Medio Ambiente", "Head of Environment"),
        "unit": t("Dirección de Medio Ambiente", "Environment Department"),
    },
    "riesgos": {
        "name": "Javiera Castro Morales",
        "position": t("Encargada de gestión de riesgos", "Disaster risk officer"),
        "unit": t("Oficina de Gestión de Riesgos", "Disaster Risk Office"),
    },
    "movilidad": {
        "name": "Ignacio Paredes Olivares",
        "position": t("Director de Tránsito y Movilidad", "Director of Transport and Mobility"),
        "unit": t("Dirección de Tránsito", "Transport Department"),
    },
}

# The first five are also partners of the demo practices (practices/demo_content.py): same
# names, so whichever demo runs first creates them and the other finds them.
ORGANIZATIONS = {
    "utl": {
        "name": t("Universidad Técnica del Litoral", "Coastal Technical University"),
        "acronym": "UTL",
        "kind": "university",
        "country": "CL",
        "website": "https://utl.example.edu",
        "description": t(
            "Universidad regional con programas de ingeniería costera y energía.",
            "A regional university with coastal engineering and energy programmes.",
        ),
    },
    "camara": {
        "name": t(
            "Cámara de Comercio de Puente Alto del Mar", "Puente Alto del Mar Chamber of Commerce"
        ),
        "acronym": "CCPAM",
        "kind": "chamber",
        "country": "CL",
        "website": "",
        "description": t(
            "Reúne al comercio y los servicios de la comuna.",
            "Brings together the city's retailers and service companies.",
        ),
    },
    "rccp": {
        "name": t("Red de Ciudades Costeras del Pacífico", "Pacific Coastal Cities Network"),
        "acronym": "RCCP",
        "kind": "network",
        "country": "PE",
        "website": "https://ciudadescosteras.example.org",
        "description": t(
            "Red de gobiernos locales de la costa del Pacífico sur.",
            "A network of local governments on the South Pacific coast.",
        ),
    },
    "barrio_vivo": {
        "name": t("Fundación Barrio Vivo", "Barrio Vivo Foundation"),
        "acronym": "",
        "kind": "civil_society",
        "country": "CL",
        "website": "",
        "description": t(
            "Organización vecinal que trabaja en barrios vulnerables.",
            "A community organization working in deprived neighbourhoods.",
        ),
    },
    "san_martin": {
        "name": t("Municipio de San Martín del Lago", "Municipality of San Martín del Lago"),
        "acronym": "",
        "kind": "city",
        "country": "AR",
        "website": "",
        "description": t(
            "Ciudad hermana desde 2019; coopera en movilidad y reciclaje.",
            "A sister city since 2019; cooperates on mobility and recycling.",
        ),
    },
    "pescadores": {
        "name": t(
            "Asociación Gremial de Pescadores Artesanales del Litoral",
            "Coastal Artisanal Fishers' Guild",
        ),
        "acronym": "AGPAL",
        "kind": "guild",
        "country": "CL",
        "website": "https://pescadores-litoral.example.cl",
        "description": t(
            "Gremio de la pesca artesanal y sus caletas.",
            "The guild of the artisanal fishing coves.",
        ),
    },
    "exportaciones": {
        "name": t(
            "Agencia Nacional de Promoción de Exportaciones", "National Export Promotion Agency"
        ),
        "acronym": "ANPE",
        "kind": "public_agency",
        "country": "CL",
        "website": "https://anpe.example.gob.cl",
        "description": t(
            "Agencia pública que apoya a las empresas que exportan.",
            "The public agency that helps companies export.",
        ),
    },
    "conservas": {
        "name": t("Conservas del Pacífico S.A.", "Conservas del Pacífico S.A."),
        "acronym": "",
        "kind": "company",
        "country": "CL",
        "website": "https://conservas-pacifico.example.cl",
        "description": t(
            "Empresa local de conservas de productos del mar.",
            "A local seafood canning company.",
        ),
    },
    "villaribera": {
        "name": t("Ayuntamiento de Villaribera", "Villaribera City Council"),
        "acronym": "",
        "kind": "city",
        "country": "ES",
        "website": "https://villaribera.example.es",
        "description": t(
            "Ciudad portuaria con experiencia en economía circular.",
            "A port city with experience in the circular economy.",
        ),
    },
    "porto_claro": {
        "name": t("Prefectura de Porto Claro", "Porto Claro City Hall"),
        "acronym": "",
        "kind": "city",
        "country": "BR",
        "website": "",
        "description": t(
            "Ciudad costera que comparte su sistema de alerta temprana.",
            "A coastal city that shares its early-warning system.",
        ),
    },
    "bahia_serena": {
        "name": t("Gobierno Municipal de Bahía Serena", "Bahía Serena Municipal Government"),
        "acronym": "",
        "kind": "city",
        "country": "MX",
        "website": "",
        "description": t(
            "Ciudad interesada en la gestión comunitaria de riesgos.",
            "A city interested in community disaster-risk management.",
        ),
    },
    "resilientes": {
        "name": t(
            "Red Internacional de Ciudades Resilientes", "International Resilient Cities Network"
        ),
        "acronym": "RICR",
        "kind": "network",
        "country": "NL",
        "website": "https://resilient-cities.example.org",
        "description": t(
            "Red mundial de ciudades que se preparan ante desastres.",
            "A worldwide network of cities preparing for disasters.",
        ),
    },
    "banco": {
        "name": t(
            "Banco Interamericano para el Desarrollo Local",
            "Inter-American Bank for Local Development",
        ),
        "acronym": "BIDL",
        "kind": "multilateral",
        "country": "US",
        "website": "https://bidl.example.org",
        "description": t(
            "Organismo multilateral que financia proyectos urbanos.",
            "A multilateral body that funds urban projects.",
        ),
    },
    "embajada": {
        "name": t("Embajada de la República de Nordavia", "Embassy of the Republic of Nordavia"),
        "acronym": "",
        "kind": "embassy",
        "country": "CL",
        "website": "",
        "description": t(
            "Representación diplomática de un país ficticio; apoya proyectos de energía limpia.",
            "The diplomatic mission of a fictional country; supports clean-energy projects.",
        ),
    },
    "horizonte": {
        "name": t("Fundación Horizonte Verde", "Green Horizon Foundation"),
        "acronym": "",
        "kind": "foundation",
        "country": "DE",
        "website": "https://horizonte-verde.example.org",
        "description": t(
            "Fundación que financia proyectos de clima y agua en ciudades.",
            "A foundation funding climate and water projects in cities.",
        ),
    },
}

OBJECTIVES = {
    "movilidad": {
        "code": "1.1",
        "title": t("Movilidad sostenible y segura", "Sustainable and safe mobility"),
        "description": t(
            "Más viajes en transporte público, a pie y en bicicleta; menos accidentes.",
            "More trips by public transport, on foot and by bicycle; fewer accidents.",
        ),
    },
    "economia": {
        "code": "2.1",
        "title": t(
            "Economía local diversificada y exportadora", "A diversified, exporting local economy"
        ),
        "description": t(
            "Nuevos mercados para la pesca, el turismo y los servicios de la comuna.",
            "New markets for the city's fishing, tourism and services.",
        ),
    },
    "circular": {
        "code": "2.3",
        "title": t(
            "Economía circular y gestión de residuos", "Circular economy and waste management"
        ),
        "description": t(
            "Reducir a la mitad los residuos que llegan al relleno sanitario.",
            "Halve the waste that reaches the landfill.",
        ),
    },
    "riesgos": {
        "code": "3.2",
        "title": t("Ciudad preparada ante desastres", "A city prepared for disasters"),
        "description": t(
            "Barrios que saben qué hacer ante un tsunami, un incendio o una inundación.",
            "Neighbourhoods that know what to do in a tsunami, a fire or a flood.",
        ),
    },
    "participacion": {
        "code": "4.1",
        "title": t(
            "Participación ciudadana y gobierno abierto",
            "Citizen participation and open government",
        ),
        "description": t(
            "Decisiones tomadas con los vecinos y datos públicos abiertos.",
            "Decisions made with residents, and open public data.",
        ),
    },
    "agua_energia": {
        "code": "5.2",
        "title": t("Agua y energía limpias", "Clean water and energy"),
        "description": t(
            "Edificios municipales con energía solar y parques regados con agua reutilizada.",
            "Municipal buildings on solar power and parks watered with reused water.",
        ),
    },
}

for _objective in OBJECTIVES.values():
    _objective["plan_reference"] = PLAN


def _locales():
    spanish, _ = Locale.objects.get_or_create(language_code="es")
    english, _ = Locale.objects.get_or_create(language_code="en")
    return spanish, english


def _ensure(model, lookup, data, spanish, english, stdout):
    instance = model.objects.filter(locale=spanish, **lookup).first()
    if instance is None:
        instance = model.objects.create(locale=spanish, **data)
        stdout.write(f"  {model._meta.verbose_name} created: {instance}")
    if not instance.has_translation(english):
        translate_instance(instance, english, t.translate)
    return instance


def demo_people():
    """{key: Spanish Person} of the demo (loaded by :func:`load`)."""
    found = {p.name: p for p in Person.objects.filter(locale__language_code="es")}
    return {key: found[data["name"]] for key, data in PEOPLE.items() if data["name"] in found}


def demo_organizations():
    found = {o.name: o for o in Organization.objects.filter(locale__language_code="es")}
    return {
        key: found[data["name"]] for key, data in ORGANIZATIONS.items() if data["name"] in found
    }


def demo_objectives():
    found = {o.code: o for o in StrategicObjective.objects.filter(locale__language_code="es")}
    return {key: found[data["code"]] for key, data in OBJECTIVES.items() if data["code"] in found}


def load(stdout):
    spanish, english = _locales()
    for data in PEOPLE.values():
        _ensure(Person, {"name": data["name"]}, data, spanish, english, stdout)
    for data in ORGANIZATIONS.values():
        _ensure(Organization, {"name": data["name"]}, data, spanish, english, stdout)
    for data in OBJECTIVES.values():
        _ensure(StrategicObjective, {"code": data["code"]}, data, spanish, english, stdout)
