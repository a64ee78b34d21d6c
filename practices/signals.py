"""Render a practice's PDF as soon as a revision is published, once the publish has committed."""

import contextlib
import contextvars

from django.conf import settings
from django.db import transaction
from wagtail.signals import page_published

_suppressed = contextvars.ContextVar("practices_pdf_suppressed", default=False)


@contextlib.contextmanager
def pdfs_on_first_request():
    """Publish many pages (demo, seeding) without rendering a PDF for each: they are rendered
    when first downloaded instead."""
    token = _suppressed.set(True)
    try:
        yield
    finally:
        _suppressed.reset(token)


def queue_pdf(sender, instance, revision, **kwargs):
    enabled = getattr(settings, "PRACTICES_PDF_ON_PUBLISH", True) and not _suppressed.get()
    if not enabled or revision is None:
        return
    from .tasks import generate_practice_pdf

    page_id, revision_id = instance.pk, revision.pk
    transaction.on_commit(
        lambda: generate_practice_pdf.enqueue(page_id=page_id, revision_id=revision_id)
    )


def connect():
    from .models import PracticePage

    page_published.connect(queue_pdf, sender=PracticePage, dispatch_uid="practices_pdf")
