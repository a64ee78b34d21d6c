"""The one-file PDF summary: in the page's language, stored once per published revision."""

import io

import pytest
from django.core.files.storage import default_storage
from pypdf import PdfReader

from practices.models import PracticePDF, SustainableDevelopmentGoal
from practices.pdf import stored_pdf

from .practices_factories import PracticeIndexPageFactory, add_indicator, make_practice, publish

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def sdg_rows(db):
    """The goals come from a data migration; browser tests elsewhere may have flushed them."""
    SustainableDevelopmentGoal.ensure_all()


ENGLISH = {
    "Buses nocturnos de barrio": "Neighbourhood night buses",
    "buses-nocturnos-de-barrio": "neighbourhood-night-buses",
    "Un resumen de la práctica para socios del extranjero.": "A summary for partners abroad.",
    "Ciclistas en una ciclovía protegida": "Cyclists on a protected bike lane",
    "Dirección de Tránsito": "Traffic Department",
    "Un equipo municipal de tres personas.": "A municipal team of three.",
    "Coordinadora de proyectos": "Project coordinator",
    "Viajes nocturnos": "Night trips",
    "viajes": "trips",
    "Conteo municipal 2025": "Municipal count 2025",
    "Buenas prácticas": "Good practices",
    "buenas-practicas": "good-practices",
    "Prácticas que otras ciudades pueden adoptar.": "Practices other cities can adopt.",
}


@pytest.fixture
def practice(home, settings, django_capture_on_commit_callbacks):
    settings.PRACTICES_PDF_ON_PUBLISH = False
    index = PracticeIndexPageFactory(parent=home, locale=home.locale)
    index.save_revision().publish()
    page = make_practice(
        index,
        title="Buses nocturnos de barrio",
        slug="buses-nocturnos-de-barrio",
        indicators=0,
    )
    add_indicator(page, name="Viajes nocturnos", baseline=1000, target=3000, current_value=2240.5)
    page.save()
    settings.PRACTICES_PDF_ON_PUBLISH = True
    with django_capture_on_commit_callbacks(execute=True):
        return publish(page)


def download(client, page):
    response = client.get(page.url + "pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    return response, b"".join(response.streaming_content)


def text_of(content):
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def test_pdf_in_spanish_has_title_indicator_values_and_address(client, practice):
    response, content = download(client, practice)
    assert content.startswith(b"%PDF")
    assert (
        response["Content-Disposition"] == 'attachment; filename="buses-nocturnos-de-barrio-es.pdf"'
    )
    text = text_of(content)
    assert "Buses nocturnos de barrio" in text
    assert "Viajes nocturnos" in text
    for value in ("1.000", "3.000", "2.240,5"):  # Spanish number format
        assert value in text
    assert "ana.rojas@example.org" in text
    assert "/es/buenas-practicas/buses-nocturnos-de-barrio/" in text.replace("\n", "")


def test_pdf_in_english_is_rendered_from_the_translation(client, practice, translate):
    translate(practice.get_parent(), ENGLISH)
    english = translate(practice, ENGLISH)
    response, content = download(client, english)
    assert response["Content-Language"] == "en"
    assert "neighbourhood-night-buses-en.pdf" in response["Content-Disposition"]
    text = text_of(content)
    assert "Neighbourhood night buses" in text
    assert "Night trips" in text
    for value in ("1,000", "3,000", "2,240.5"):  # English number format
        assert value in text
    assert "Transferability" in text or "How to replicate it" in text


def test_publishing_renders_the_pdf_once_and_downloads_reuse_it(client, practice):
    # The fixture's publish queued the render task, which ran (immediately) at commit.
    record = PracticePDF.objects.get(page=practice)
    assert record.revision_id == practice.live_revision_id
    stored = default_storage.open(record.file.name).read()
    _response, first = download(client, practice)
    _response, second = download(client, practice)
    assert first == second == stored
    assert PracticePDF.objects.filter(page=practice).count() == 1
    assert stored_pdf(practice).pk == record.pk


def test_a_new_published_revision_gets_a_new_pdf_and_the_old_file_goes(
    client, practice, django_capture_on_commit_callbacks
):
    _response, before = download(client, practice)
    old = PracticePDF.objects.get(page=practice)
    practice.title = "Buses nocturnos de barrio, segunda etapa"
    with django_capture_on_commit_callbacks(execute=True):
        publish(practice)
    current = PracticePDF.objects.get(page=practice)  # rendered by the publish task
    assert current.revision_id == practice.live_revision_id != old.revision_id
    _response, after = download(client, practice)
    assert after != before
    assert "segunda etapa" in text_of(after)
    assert PracticePDF.objects.get(page=practice).pk == current.pk
    assert not default_storage.exists(old.file.name)


def test_missing_file_is_rendered_again_on_request(client, practice):
    record = stored_pdf(practice)
    default_storage.delete(record.file.name)
    _response, content = download(client, practice)
    assert "Buses nocturnos de barrio" in text_of(content)
    assert default_storage.exists(record.file.name)


def test_an_unpublished_practice_has_no_pdf(client, practice):
    url = practice.url + "pdf/"
    practice.unpublish()
    assert client.get(url).status_code == 404
