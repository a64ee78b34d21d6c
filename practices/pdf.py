"""The practice as one PDF file in its own language, rendered once per published revision.

Rendering takes about a second, so the file is made when a revision is published (a task) and
kept in the default storage; the download route only renders when that file is missing. The
renderer fetches nothing over the network: the only image is embedded as a data: URL.
"""

import base64
import logging

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction
from django.http import FileResponse, Http404
from django.template.loader import render_to_string
from django.utils import timezone, translation
from weasyprint import HTML
from weasyprint.urls import URLFetcher

from home.models import SiteIdentity
from home.translated import in_locale

from .models import PracticePage, PracticePDF, pdf_path

logger = logging.getLogger(__name__)

PDF_IMAGE_SPEC = "max-1200x700|format-jpeg|jpegquality-80"


def _image_data_url(page):
    if not page.image_id:
        return ""
    rendition = page.image.get_rendition(PDF_IMAGE_SPEC)
    with rendition.file.open("rb") as handle:
        encoded = base64.b64encode(handle.read()).decode("ascii")
    return f"data:image/jpeg;base64,{encoded}"


def render_pdf(page):
    """The PDF bytes of ``page`` (a live PracticePage), in the page's own language."""
    with translation.override(page.locale.language_code):
        html = render_to_string(
            "practices/practice_pdf.html",
            {
                "page": page,
                "image_data_url": _image_data_url(page),
                "themes": in_locale(page.themes.all(), page.locale),
                "partners": in_locale(page.partners.all(), page.locale),
                "goals": list(page.sdgs.all()),
                "indicators": list(page.indicators.all()),
                "page_url": page.get_full_url(),
                "generated_on": timezone.localdate(),
                "identity": SiteIdentity.for_site(page.get_site(), page.locale),
                "LANGUAGE_CODE": page.locale.language_code,
            },
        )
    # Only data: URLs are fetched, so rendering can never reach the network or the file system.
    fetcher = URLFetcher(allowed_protocols={"data"})
    return HTML(string=html, url_fetcher=fetcher).write_pdf()


def generate_pdf(page, revision_id):
    """Render and store the PDF of ``page`` at ``revision_id``; drop files of older revisions."""
    content = render_pdf(page)
    path = pdf_path(page, revision_id)
    if default_storage.exists(path):
        default_storage.delete(path)
    name = default_storage.save(path, ContentFile(content))
    try:
        with transaction.atomic():
            record, _created = PracticePDF.objects.update_or_create(
                page=page,
                revision_id=revision_id,
                defaults={
                    "language": page.locale.language_code,
                    "file": name,
                    "size": len(content),
                },
            )
    except IntegrityError:  # another worker stored the same revision first
        record = PracticePDF.objects.get(page=page, revision_id=revision_id)
    for old in PracticePDF.objects.filter(page=page).exclude(revision_id=revision_id):
        default_storage.delete(old.file.name)
        old.delete()
    return record


def stored_pdf(page, revision_id=None):
    """The stored PDF of the page's live revision, rendering it first if it is missing."""
    revision_id = revision_id or page.live_revision_id
    if not revision_id:
        return None
    record = PracticePDF.objects.filter(page=page, revision_id=revision_id).first()
    if record and default_storage.exists(record.file.name):
        return record
    return generate_pdf(page, revision_id)


def generate_for_revision(page_id, revision_id):
    """Task body: skip pages gone offline and revisions already superseded."""
    page = PracticePage.objects.live().filter(pk=page_id).first()
    if page is None or page.live_revision_id != revision_id:
        return None
    return stored_pdf(page, revision_id)


def download_name(page):
    return f"{page.slug}-{page.locale.language_code}.pdf"


def pdf_response(page, request):
    if getattr(request, "is_preview", False):
        raise Http404
    record = stored_pdf(page)
    if record is None:
        raise Http404
    response = FileResponse(
        default_storage.open(record.file.name, "rb"),
        as_attachment=True,
        filename=download_name(page),
        content_type="application/pdf",
    )
    response["Content-Language"] = record.language
    response["Cache-Control"] = "public, max-age=300"
    return response
