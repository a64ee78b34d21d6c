"""Uploaded documents are what their extension says (WAGTAILDOCS_DOCUMENT_FORM_CLASS).

A document is served with the content type of its extension, so a file whose bytes are of
another kind (an HTML page named ``.pdf``) is refused at upload: binary formats by their
signature, text formats as text that is not a web page.
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm

ZIP = (b"PK\x03\x04",)
SIGNATURES = {
    "pdf": (b"%PDF-",),
    "docx": ZIP,
    "pptx": ZIP,
    "xlsx": ZIP,
    "odt": ZIP,
    "zip": ZIP,
}
TEXT = {"csv", "txt"}
MARKUP = (b"<!doctype", b"<html", b"<script", b"<svg", b"<?xml", b"<body", b"<iframe")


def matches_extension(extension, head):
    """Whether ``head`` (the file's first bytes) can be a file of ``extension``."""
    if extension in SIGNATURES:
        return head.startswith(SIGNATURES[extension])
    if extension in TEXT:
        if b"\x00" in head:
            return False
        lowered = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
        return not any(marker in lowered[:1024] for marker in MARKUP)
    return True


class DocumentForm(BaseDocumentForm):
    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if not upload or not hasattr(upload, "read"):
            return upload
        extension = upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
        position = upload.tell() if hasattr(upload, "tell") else 0
        head = upload.read(4096)
        upload.seek(position)
        if not matches_extension(extension, head):
            raise forms.ValidationError(
                _("This file’s content is not a .%(extension)s file; upload it with its real type.")
                % {"extension": extension},
                code="content_mismatch",
            )
        return upload
