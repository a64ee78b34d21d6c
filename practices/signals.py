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


def queue_missing_pdfs():
    """Once the current transaction commits, queue the PDF of every live practice that has none
    for its live revision (the demo load publishes without rendering, then calls this)."""
    from .models import PracticePage, PracticePDF
    from .tasks import generate_practice_pdf

    have = set(PracticePDF.objects.values_list("page_id", "revision_id"))
    for page_id, revision_id in PracticePage.objects.live().values_list("pk", "live_revision_id"):
        if revision_id and (page_id, revision_id) not in have:
            transaction.on_commit(
                lambda p=page_id, r=revision_id: generate_practice_pdf.enqueue(
                    page_id=p, revision_id=r
                )
            )


def connect():
    from .models import PracticePage

    page_published.connect(queue_pdf, sender=PracticePage, dispatch_uid="practices_pdf")
