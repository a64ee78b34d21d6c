"""Practice PDFs are made before anyone asks (on publish, at demo load); when a request does
arrive first, one render happens per practice however many visitors ask at once, and a visitor
who would wait too long gets a clear "being prepared" answer to retry."""

import threading

import pytest
from django.core.cache import cache
from django.db import connection
from django.db.models.signals import post_save
from django.test import Client

from practices.models import PracticePDF, SustainableDevelopmentGoal
from practices.signals import queue_missing_pdfs

from .module_data import build_home
from .practices_factories import PracticeIndexPageFactory, make_practice


@pytest.fixture
def practice(settings):
    settings.PRACTICES_PDF_ON_PUBLISH = False  # nothing made beforehand: the request comes first
    SustainableDevelopmentGoal.ensure_all()
    home = build_home()
    index = PracticeIndexPageFactory(parent=home, locale=home.locale)
    index.save_revision().publish()
    return make_practice(index, title="Huertos escolares", slug="huertos", image=False)


@pytest.fixture
def renders():
    """Each stored render of a PDF (a PracticePDF row written)."""
    seen = []

    def count(sender, instance, **kwargs):
        seen.append(instance.revision_id)

    post_save.connect(count, sender=PracticePDF, dispatch_uid="count_pdf_renders")
    yield seen
    post_save.disconnect(dispatch_uid="count_pdf_renders", sender=PracticePDF)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_simultaneous_first_requests_render_the_pdf_once(practice, renders):
    url = practice.url + "pdf/"
    start = threading.Barrier(3)
    answers = []

    def visitor():
        try:
            start.wait()
            response = Client().get(url)
            answers.append((response.status_code, b"".join(response.streaming_content)))
        finally:
            connection.close()

    threads = [threading.Thread(target=visitor) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert [status for status, _body in answers] == [200, 200, 200]
    assert len({body for _status, body in answers}) == 1 and answers[0][1].startswith(b"%PDF")
    assert renders == [practice.live_revision_id]


@pytest.mark.django_db
def test_a_visitor_who_would_wait_too_long_is_told_to_retry(practice, renders, settings):
    settings.PRACTICES_PDF_WAIT_SECONDS = 0.3
    lock = f"practices:pdf-lock:{practice.pk}:{practice.live_revision_id}"
    cache.add(lock, True, timeout=60)  # another process is rendering it
    response = Client().get(practice.url + "pdf/")
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert "Se está preparando el PDF" in response.content.decode()
    assert "X-Page-Cache" not in response and renders == []
    cache.delete(lock)  # the other process stopped without a file: the next visitor renders
    response = Client().get(practice.url + "pdf/")
    assert response.status_code == 200 and renders == [practice.live_revision_id]
    assert response["Cache-Control"] == "no-cache"
    assert response["ETag"] == f'"pdf-{practice.pk}-r{practice.live_revision_id}"'


@pytest.mark.django_db
def test_the_demo_load_queues_every_missing_pdf(
    practice, renders, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        queue_missing_pdfs()
    assert renders == [practice.live_revision_id]
    with django_capture_on_commit_callbacks(execute=True):
        queue_missing_pdfs()  # nothing missing any more
    assert len(renders) == 1
    response = Client().get(practice.url + "pdf/")
    assert response.status_code == 200 and len(renders) == 1
