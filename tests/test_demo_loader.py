"""The shared demo loader: YAML files found through each app's config, references by key with a
clear error, one set of organisations for practices and missions, generated PDFs with accents."""

import io
import textwrap
from io import StringIO
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.core.management import call_command
from pypdf import PdfReader

from directory.models import Organization, Person
from home.demo.loader import DemoError, Loader, demo_apps
from home.translation import MissingTranslation
from missions.models import MissionPage
from practices.models import PracticePage, Theme

pytestmark = pytest.mark.django_db


def _sample_app(tmp_path, files):
    """An app-like config whose demo folder holds ``files`` ({name: YAML text})."""
    folder = tmp_path / "demo"
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_text(textwrap.dedent(text), encoding="utf-8")
    return SimpleNamespace(label="sample", name="sample", path=str(tmp_path), demo="demo")


PERSON = """
    model: directory.Person
    match: name
    records:
      ana:
        name: Ana Pérez
        position: {es: Alcaldesa, en: Mayor}
"""


def test_an_unknown_reference_names_file_record_and_key_and_saves_nothing(tmp_path):
    mission = """
        model: missions.MissionPage
        match: slug
        records:
          un-viaje:
            title: {es: Un viaje, en: A trip}
            slug: {es: un-viaje, en: a-trip}
            delegation:
              - person: nadie
                role: {es: Jefa de delegación, en: Head of delegation}
    """
    config = _sample_app(tmp_path, {"a-people.yaml": PERSON, "b-missions.yaml": mission})
    with pytest.raises(DemoError) as raised:
        Loader().load([config])
    assert str(raised.value) == (
        "sample/demo/b-missions.yaml, record 'un-viaje': unknown Person 'nadie' (known: ana)"
    )
    assert not Person.objects.filter(name="Ana Pérez").exists()  # the earlier file rolled back
    assert not MissionPage.objects.exists()


def test_a_text_without_its_english_stops_the_load(tmp_path):
    untranslated = PERSON.replace("{es: Alcaldesa, en: Mayor}", "Alcaldesa")
    config = _sample_app(tmp_path, {"people.yaml": untranslated})
    with pytest.raises(MissingTranslation) as raised:
        Loader().load([config])
    assert "sample/demo/people.yaml, record 'ana'" in str(raised.value)
    assert "'Alcaldesa'" in str(raised.value)
    assert not Person.objects.exists()


def test_load_demo_finds_each_app_through_its_config(tmp_path, monkeypatch):
    assert [c.label for c in demo_apps()] == [
        "home",
        "directory",
        "practices",
        "missions",
        "returns",  # before partners (agreements answer its needs) and standards (its statements)
        "partners",
        "standards",
        "portal",
    ]
    # Any app that names a demo folder on its config takes part, after the apps it names.
    search = apps.get_app_config("search")
    themes = """
        model: practices.Theme
        match: slug
        records:
          puertos:
            slug: {es: puertos, en: ports}
            name: {es: Puertos, en: Ports}
    """
    folder = _sample_app(tmp_path, {"themes.yaml": themes}).path
    monkeypatch.setattr(search, "demo", f"{folder}/demo", raising=False)
    monkeypatch.setattr(search, "demo_after", ("directory",), raising=False)
    labels = [c.label for c in demo_apps()]
    assert labels.index("search") > labels.index("directory")
    out = io.StringIO()
    Loader(out).load(demo_apps(only=["search"]))
    assert [c.label for c in demo_apps(only=["search"])] == ["directory", "search"]
    english = Theme.objects.get(locale__language_code="en", slug="ports")
    assert english.name == "Ports"
    assert "search:" in out.getvalue() and "directory:" in out.getvalue()


def test_a_demo_that_names_a_missing_app_says_so(monkeypatch):
    monkeypatch.setattr(apps.get_app_config("missions"), "demo_after", ("ghost",))
    with pytest.raises(DemoError, match="missions: demo_after names 'ghost', which has no demo"):
        demo_apps()


@pytest.fixture
def whole_demo(settings):
    settings.PRACTICES_PDF_ON_PUBLISH = False
    out = StringIO()
    call_command("load_demo", "--no-admin", stdout=out)
    return out.getvalue()


def test_the_whole_demo_shares_organisations_and_renders_accented_pdfs(whole_demo):
    """One test: loading the whole demo takes most of half a minute."""
    for label in ("home:", "directory:", "practices:", "missions:"):
        assert label in whole_demo

    # Practices and missions point at the very same organisation records.
    spanish = {"locale__language_code": "es"}
    assert (
        Organization.objects.filter(**spanish, name="Universidad Técnica del Litoral").count() == 1
    )
    partners = set(PracticePage.objects.filter(**spanish).values_list("partners__name", flat=True))
    in_missions = set(
        MissionPage.objects.filter(**spanish).values_list("agenda__organization__name", flat=True)
    )
    assert "Municipio de San Martín del Lago" in partners & in_missions
    assert partners <= set(Organization.objects.filter(**spanish).values_list("name", flat=True))
    twinning = MissionPage.objects.get(**spanish, slug="hermanamiento-san-martin")
    desk = PracticePage.objects.get(**spanish, slug="ventanilla-unica-para-migrantes")
    assert twinning.agenda.get().organization in desk.partners.all()

    # Generated decrees and trip reports are real PDFs with their accents intact.
    mission = MissionPage.objects.get(**spanish, slug="foro-ciudades-costeras-lima")
    text = PdfReader(mission.authorization_document.file.open("rb")).pages[0].extract_text()
    assert "Demo misión: decreto foro-ciudades-costeras-lima" in text
    assert "Asamblea de la Red de Ciudades Costeras en Lima" in text
    report = MissionPage.objects.filter(**spanish, report_document__isnull=False).first()
    assert "misión" in PdfReader(report.report_document.file.open("rb")).pages[0].extract_text()
