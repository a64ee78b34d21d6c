"""Factories for the partners app: the directory page and the records it links."""

import datetime

import wagtail_factories
from django.utils import timezone

from missions.models import MissionResult
from partners.models import (
    Agreement,
    AgreementIndexPage,
    AgreementParty,
    DirectoryIndexPage,
    Membership,
)

from .factories import spanish
from .missions_factories import (
    MissionIndexPageFactory,
    OrganizationFactory,
    build_mission,
    cost_line,
)
from .missions_factories import result as mission_result
from .module_data import build_english_home, build_home
from .module_data import translate_into_english as translate
from .practices_factories import PracticeIndexPageFactory, ThemeFactory, make_practice


class DirectoryIndexPageFactory(wagtail_factories.PageFactory):
    title = "Organizaciones"
    slug = "organizaciones"
    intro = "Quién hace qué en el territorio."
    locale = wagtail_factories.factories.factory.LazyFunction(spanish)

    class Meta:
        model = DirectoryIndexPage


def build_directory(home, english_home=None, translate=None):
    """A published Spanish directory page under ``home``, and its English translation."""
    index = DirectoryIndexPageFactory(parent=home)
    index.save_revision().publish()
    english = None
    if english_home is not None:
        english = translate(
            index,
            {
                "Organizaciones": "Organisations",
                "organizaciones": "organisations",
                "Quién hace qué en el territorio.": "Who does what in the territory.",
            },
        )
    return index, english


def today():
    """The site's date now, not when this module was imported: a run that passes local
    midnight would otherwise count an agreement's days from yesterday."""
    return timezone.localdate()


def ago(days):
    return today() - datetime.timedelta(days=days)


def org(name, english=None, **fields):
    fields = {"kind": "city", "country": "AR", **fields}
    record = OrganizationFactory(name=name, **fields)
    if english:
        translate(
            record,
            {
                name: english,
                **(
                    {fields["description"]: "EN " + fields["description"]}
                    if fields.get("description")
                    else {}
                ),
            },
        )
    return record


def build_partner_site():
    """A bilingual site with a directory, agreements, missions, a practice and organisations
    linked every way the partners pages show (module fixtures build it once)."""
    if True:
        home = build_home()
        english_home = build_english_home(home)
        index, english_index = build_directory(home, english_home, translate)
        agreements_index = AgreementIndexPage(title="Acuerdos", slug="acuerdos", intro="")
        home.add_child(instance=agreements_index)
        agreements_index.save_revision().publish()
        translate(agreements_index, {"Acuerdos": "Agreements", "acuerdos": "agreements"})
        mission_index = MissionIndexPageFactory(parent=home)
        mission_index.save_revision().publish()
        mobility = ThemeFactory(name="Movilidad", slug="movilidad")
        city = org(
            "Municipalidad de Puente Alto del Mar",
            "Municipality of Puente Alto del Mar",
            country="CL",
        )
        partner = org("Municipio de San Martín", "Municipality of San Martín")
        network = org(
            "Red de Ciudades Costeras", "Coastal Cities Network", kind="network", country="PE"
        )
        university = org(
            "Universidad del Litoral",
            "Coastal University",
            kind="university",
            country="CL",
            works_with_countries=["ES", "AR"],
        )
        university.themes.set([mobility])
        university.save()  # a ParentalManyToManyField is stored on save
        faculty = org("Facultad de Ingeniería", kind="university", country="CL", parent=university)
        quiet = org(
            "Junta Vecinal Norte", "North Residents' Board", kind="civil_society", country="CL"
        )
        mission = build_mission(
            mission_index,
            title="Hermanamiento en San Martín",
            slug="hermanamiento",
            start_date=ago(40),
            end_date=ago(36),
            agenda=[(ago(39), partner, "Firma del hermanamiento")],
            cost_lines=[
                cost_line(
                    amount=250,
                    currency="USD",
                    exchange_rate=900,
                    payer="host",
                    paying_organization=partner,
                )
            ],
            results=[mission_result(description="Hermanamiento firmado", status="committed")],
        )
        result = MissionResult.objects.get(page=mission)
        result.organizations = [partner, university]
        result.save()
        practice_index = PracticeIndexPageFactory(parent=home)
        practice_index.save_revision().publish()
        practice = make_practice(
            practice_index, title="Buses nocturnos", partners=[partner], image=False
        )
        twinning = Agreement.objects.create(
            title="Hermanamiento con San Martín",
            kind="twinning",
            signed_date=ago(38),
            expiry_date=today() + datetime.timedelta(days=60),
            mission=mission,
            locale=city.locale,
            scope="Cooperación en movilidad.",
        )
        AgreementParty.objects.create(
            agreement=twinning,
            organization=city,
            role="signatory",
            locale=city.locale,
            signatory_position="Alcaldesa",
        )
        AgreementParty.objects.create(
            agreement=twinning, organization=partner, role="signatory", locale=city.locale
        )
        AgreementParty.objects.create(
            agreement=twinning, organization=university, role="implementing", locale=city.locale
        )
        twinning.results.set([result])
        twinning.save()
        english_twinning = translate(
            twinning,
            {
                "Hermanamiento con San Martín": "Twinning with San Martín",
                "Cooperación en movilidad.": "Cooperation on mobility.",
                "Alcaldesa": "Mayor",
            },
        )
        old = Agreement.objects.create(
            title="Memorándum vencido",
            kind="mou",
            signed_date=ago(800),
            expiry_date=ago(10),
            locale=city.locale,
        )
        AgreementParty.objects.create(
            agreement=old, organization=faculty, role="signatory", locale=city.locale
        )
        AgreementParty.objects.create(
            agreement=old, organization=partner, role="signatory", locale=city.locale
        )
        Membership.objects.create(
            member=city,
            organization=network,
            role="founding_member",
            start_date=ago(700),
            source_url="https://red.example.org/miembros",
        )
        Membership.objects.create(
            member=university, organization=network, role="associate", start_date=ago(300)
        )
        return {
            "index": index,
            "mission": mission,
            "practice": practice,
            "partner": partner,
            "university": university,
            "faculty": faculty,
            "quiet": quiet,
            "twinning": twinning,
            "english_twinning": english_twinning,
        }
