"""The practice as one PDF file in its own language, rendered once per published revision.

Rendering takes about a second, so the file is made when a revision is published (a task), and
for every demo practice when the demo is loaded, and kept in the default storage; a visitor's
request only renders when that file is missing. Then one render happens at a time per practice
and revision: the renderer holds a lock (the cache's atomic ``add()``: Redis's SET NX, so it
holds across processes and machines; with the local-memory cache, across the threads of one
process). Requests that find the lock taken wait up to PRACTICES_PDF_WAIT_SECONDS for the file,
then get a 503 "being prepared" answer with Retry-After. A database row lock would not do:
SQLite, the default database, has no SELECT … FOR UPDATE. The renderer fetches nothing over the
network: the only image is embedded as a data: URL.
"""

import base64
import logging
import time

from django.conf import settings
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction
from django.http import FileResponse, Http404, HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
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


LOCK_SECONDS = 120  # longer than any render; a crashed renderer's lock expires by itself
POLL_SECONDS = 0.2


class BeingPrepared(Exception):
    """Another process is rendering this PDF and it was not ready within the wait."""


def _ready(page, revision_id):
    record = PracticePDF.objects.filter(page=page, revision_id=revision_id).first()
    if record and default_storage.exists(record.file.name):
        return record
    return None


def stored_pdf(page, revision_id=None, wait=None):
    """The stored PDF of the page's live revision, rendering it first if it is missing.

    One render at a time per revision (see the module's docstring): while another holds the
    lock, wait up to ``wait`` seconds (PRACTICES_PDF_WAIT_SECONDS) for its file, then raise
    BeingPrepared.
    """
    revision_id = revision_id or page.live_revision_id
    if not revision_id:
        return None
    record = _ready(page, revision_id)
    if record:
        return record
    if wait is None:
        wait = getattr(settings, "PRACTICES_PDF_WAIT_SECONDS", 8)
    lock = f"practices:pdf-lock:{page.pk}:{revision_id}"
    deadline = time.monotonic() + wait
    while True:
        acquired = cache.add(lock, True, timeout=LOCK_SECONDS)
        if acquired is None:  # the cache is unreachable (Redis down): render without a lock
            return generate_pdf(page, revision_id)
        if acquired:
            try:
                # Made by the holder we waited for, between our last look and its release.
                return _ready(page, revision_id) or generate_pdf(page, revision_id)
            finally:
                cache.delete(lock)
        if time.monotonic() >= deadline:
            raise BeingPrepared
        time.sleep(POLL_SECONDS)
        record = _ready(page, revision_id)
        if record:
            return record


def generate_for_revision(page_id, revision_id):
    """Task body: skip pages gone offline and revisions already superseded."""
    page = PracticePage.objects.live().filter(pk=page_id).first()
    if page is None or page.live_revision_id != revision_id:
        return None
    try:
        return stored_pdf(page, revision_id)
    except BeingPrepared:  # a visitor's request is rendering this very revision
        return None


def download_name(page):
    return f"{page.slug}-{page.locale.language_code}.pdf"


def pdf_response(page, request):
    if getattr(request, "is_preview", False):
        raise Http404
    try:
        record = stored_pdf(page)
    except BeingPrepared:
        return being_prepared()
    if record is None:
        raise Http404
    response = FileResponse(
        default_storage.open(record.file.name, "rb"),
        as_attachment=True,
        filename=download_name(page),
        content_type="application/pdf",
    )
    response["Content-Language"] = record.language
    # The address stays the same from one revision to the next: browsers revalidate (the
    # ETag names the revision), so none keeps an old PDF after a new one is published.
    response["Cache-Control"] = "no-cache"
    response["ETag"] = f'"pdf-{page.pk}-r{record.revision_id}"'
    return response


def being_prepared():
    response = HttpResponse(
        _("The PDF of this practice is being prepared. Please try again in a few seconds."),
        status=503,
        content_type="text/plain; charset=utf-8",
    )
    response["Retry-After"] = "5"
    response["Cache-Control"] = "no-store"
    return response
