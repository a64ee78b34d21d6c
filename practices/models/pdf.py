"""The one-file summary of a practice, rendered once per published revision and kept in storage."""

from django.db import models
from django.utils.translation import gettext_lazy as _


def pdf_path(page, revision_id):
    """Deterministic: the same page revision always maps to the same file."""
    language = page.locale.language_code
    return f"practices/pdf/{page.pk}/{page.slug}-{language}-r{revision_id}.pdf"


class PracticePDF(models.Model):
    page = models.ForeignKey(
        "practices.PracticePage", on_delete=models.CASCADE, related_name="pdfs"
    )
    revision_id = models.PositiveBigIntegerField(_("revision"))
    language = models.CharField(_("language"), max_length=10)
    file = models.FileField(_("file"), max_length=255)
    size = models.PositiveIntegerField(_("size in bytes"), default=0)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("practice PDF")
        verbose_name_plural = _("practice PDFs")
        constraints = [
            models.UniqueConstraint(
                fields=["page", "revision_id"], name="practices_pdf_one_per_revision"
            )
        ]

    def __str__(self):
        return self.file.name
