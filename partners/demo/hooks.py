"""The partners demo beyond its YAML: dates counted from the load day, agreements signed at a
mission, the results they produced, and the themes of organisations loaded before the themes."""

import datetime

from wagtail.models import Site

from directory.models import Organization
from home.demo.loader import DemoError
from home.models import SiteSettings
from missions.models import MissionPage

DATES = {"signed": "signed_date", "effective": "effective_date", "expires": "expiry_date"}


def prepare_agreement(record, loader):
    where = f"partners/demo/agreements.yaml, record {record['slug']!r}"
    record.pop("result_kinds", None)
    record.pop("answers_needs", None)
    mission = loader.find(MissionPage, record["mission"], where) if "mission" in record else None
    for name, field in DATES.items():
        if name not in record:
            continue
        text = record.pop(name)
        if text == "at the mission":
            record[field] = mission.start_date + datetime.timedelta(days=1)
        else:
            record[field] = loader.date(text, where)
    if "interrupted" in record:
        record["interrupted_on"] = loader.date(record.pop("interrupted"), where)
    for amendment in record.get("amendments", []):
        amendment["date"] = loader.date(amendment["date"], where)
    return record


def created_agreement(agreement, record, loader):
    kinds = record.get("result_kinds")
    if kinds and agreement.mission_id:
        agreement.results.set(agreement.mission.results.filter(kind__in=kinds))
    needs = _needs(record.get("answers_needs", []), loader, record["slug"])
    if needs:
        agreement.answers_needs.set(needs)
    if kinds or needs:
        agreement.save()
    return agreement


def _needs(lines, loader, slug):
    """[[project key, need number from 1]] of returns/demo/projects.yaml → the needs."""
    projects = loader.records["returns.CityProject"]
    needs = []
    for project, number in lines:
        if project not in projects:
            raise DemoError(
                f"partners/demo/agreements.yaml, record {slug!r}: no project {project!r}"
            )
        needs.append(list(projects[project].needs.all())[number - 1])
    return needs


def prepare_membership(record, loader):
    where = "partners/demo/memberships.yaml"
    record["start_date"] = loader.date(record.pop("since"), where)
    if "until" in record:
        record["end_date"] = loader.date(record.pop("until"), where)
    return record


def finish(loader):
    """Themes of the organisations of directory/demo/, on the Spanish record and its
    translations (themes are synchronised); the city itself named in the site settings."""
    _municipality(loader)
    themes_of = loader.sections.get("directory.Organization", {}).get("themes_of", {})
    for key, theme_keys in themes_of.items():
        spanish = loader.find(Organization, key, "partners/demo/organizations.yaml, themes_of")
        themes = [loader.records["practices.Theme"][theme] for theme in theme_keys]
        for organisation in Organization.objects.filter(translation_key=spanish.translation_key):
            if not organisation.themes.exists():
                organisation.themes.set(themes)
                organisation.save()


def _municipality(loader):
    city = loader.find(Organization, "municipalidad", "partners/demo/organizations.yaml")
    for site in Site.objects.all():
        settings = SiteSettings.for_site(site)
        if settings.municipality_organization_id is None:
            settings.municipality_organization = city
            settings.save()
