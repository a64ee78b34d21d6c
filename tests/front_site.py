"""A small bilingual site with one page of every type, for the front-end checks.

Built with the factories (loading the whole demo takes minutes): a content page, the missions
index with a mission whose figures are demo-sized (tens of millions of pesos, foreign currency
lines, delegation and agenda), the data dictionary, the practices index with a practice, search
and a missing page, each in Spanish and English. ``front_pages(site)`` lists their addresses.
"""

import datetime
from decimal import Decimal

from django.utils import timezone
from wagtail.models import Site

from home.models import SiteSettings

from .factories import ContentPageFactory
from .missions_factories import (
    MissionIndexPageFactory,
    OrganizationFactory,
    PersonFactory,
    StrategicObjectiveFactory,
    build_mission,
    cost_line,
    result,
)
from .practices_factories import PracticeIndexPageFactory, ThemeFactory, ToEnglish, make_practice


def show_sample_banner():
    """The sample-data notice on, as the demo is served."""
    SiteSettings.for_site(Site.objects.get(is_default_site=True))
    SiteSettings.objects.update(is_sample_data=True)


def build_front_site(home, translate):
    """One page of every type in Spanish, each translated to English; returns them by name."""
    show_sample_banner()
    about = ContentPageFactory(
        parent=home,
        title="Sobre la oficina",
        slug="sobre-la-oficina",
        summary="Quiénes somos y qué hacemos por la ciudad.",
        show_in_menus=True,
    )
    about.save_revision().publish()
    about_en = translate(
        about,
        ToEnglish(
            {
                "Sobre la oficina": "About the office",
                "sobre-la-oficina": "about-the-office",
                "Quiénes somos y qué hacemos por la ciudad.": "Who we are and what we do.",
                "Texto de la página.": "The page's text.",
            }
        ),
    )

    index = MissionIndexPageFactory(parent=home, show_in_menus=True)
    index.save_revision().publish()
    index_en = translate(
        index,
        ToEnglish(
            {
                "Misiones": "Missions",
                "misiones": "missions",
                "Viajes oficiales, sus costos y sus resultados.": "Official trips, costs, results.",
            }
        ),
    )
    person = PersonFactory(name="Javiera Castro Morales", position="Encargada de gestión")
    host = OrganizationFactory(name="Municipalidad de Lima", country="PE")
    objective = StrategicObjectiveFactory(code="1.2", title="Ciudad costera resiliente")
    for snippet in (person, host, objective):
        translate(snippet, ToEnglish())
    ended = timezone.localdate() - datetime.timedelta(days=20)
    start = ended - datetime.timedelta(days=4)
    mission = build_mission(
        index,
        title="Foro de ciudades costeras en Lima",
        slug="foro-ciudades-costeras-lima",
        start_date=start,
        end_date=ended,
        objectives=[objective],
        destinations=[("Lima", "PE")],
        delegation=[(person, "Jefa de delegación y expositora del programa de reciclaje")],
        agenda=[(start, host, "Reunión técnica sobre alerta temprana de tsunamis")],
        cost_lines=[
            cost_line(amount=Decimal("14558810"), description="Pasajes de la delegación"),
            cost_line(
                category="lodging",
                description="Hotel durante el foro",
                amount=Decimal("9138.25"),
                currency="USD",
                exchange_rate=Decimal("950.5"),
                payer="host",
                paying_organization=host,
            ),
            cost_line(
                category="registration",
                description="Inscripción",
                amount=Decimal("1800"),
                currency="EUR",
                exchange_rate=Decimal("1030.25"),
                payer="partner",
            ),
        ],
        results=[
            result(
                status="achieved",
                achieved_date=ended,
                value_clp=Decimal("125000000"),
                follow_ups=[{"date": ended, "note": "Convenio firmado.", "new_status": "achieved"}],
            )
        ],
    )
    mission_en = translate(mission, ToEnglish({"foro-ciudades-costeras-lima": "coastal-forum"}))

    practices = PracticeIndexPageFactory(parent=home, show_in_menus=True)
    practices.save_revision().publish()
    practices_en = translate(
        practices,
        ToEnglish({"Buenas prácticas": "Good practices", "buenas-practicas": "practices"}),
    )
    theme = ThemeFactory(name="Movilidad", slug="movilidad")
    translate(theme, {"Movilidad": "Mobility", "movilidad": "mobility"})
    practice = make_practice(
        practices, themes=[theme], title="Buses nocturnos de barrio", slug="buses-nocturnos"
    )
    practice_en = translate(practice, ToEnglish({"Buses nocturnos de barrio": "Night buses"}))
    return {
        "about": (about, about_en),
        "missions": (index, index_en),
        "mission": (mission, mission_en),
        "practices": (practices, practices_en),
        "practice": (practice, practice_en),
    }


def front_pages(pages):
    """{name: (Spanish path, English path)} for every page type of the site."""
    from django.urls import reverse
    from django.utils import translation

    def search(language, query):
        with translation.override(language):
            return f"{reverse('search')}?q={query}"

    index, index_en = pages["missions"]
    return {
        "home": ("/es/", "/en/"),
        "content page": (pages["about"][0].url, pages["about"][1].url),
        "missions index": (index.url, index_en.url),
        "mission page": (pages["mission"][0].url, pages["mission"][1].url),
        "data dictionary": (index.url + "data-dictionary/", index_en.url + "data-dictionary/"),
        "practices index": (pages["practices"][0].url, pages["practices"][1].url),
        "practice page": (pages["practice"][0].url, pages["practice"][1].url),
        "search": (search("es", "oficina"), search("en", "office")),
        "missing page": ("/es/no-existe/", "/en/missing/"),
    }
