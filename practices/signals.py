"""Render a practice's PDF as soon as a revision is published, once the publish has committed."""

from django.conf import settings
from django.db import transaction
from wagtail.signals import page_published


def queue_pdf(sender, instance, revision, **kwargs):
    if not getattr(settings, "PRACTICES_PDF_ON_PUBLISH", True) or revision is None:
        return
    from .tasks import generate_practice_pdf

    page_id, revision_id = instance.pk, revision.pk
    transaction.on_commit(
        lambda: generate_practice_pdf.enqueue(page_id=page_id, revision_id=revision_id)
    )


def connect():
    from .models import PracticePage

    page_published.connect(queue_pdf, sender=PracticePage, dispatch_uid="practices_pdf")
