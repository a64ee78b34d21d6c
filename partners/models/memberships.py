"""Memberships between organisations: who belongs to which network or alliance (Popolo)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel


class MembershipRole(models.TextChoices):
    MEMBER = "member", _("Member")
    FOUNDING_MEMBER = "founding_member", _("Founding member")
    BOARD = "board", _("Board member")
    CHAIR = "chair", _("Chair")
    OBSERVER = "observer", _("Observer")
    ASSOCIATE = "associate", _("Associate member")


class Membership(models.Model):
    """``member`` belongs to ``organization`` (a network, an alliance…) in a role, for a time.

    Organisations are translatable records; a membership links the two organisations whatever
    the language the editor picked them in, and pages show each in the reader's language.
    """

    member = models.ForeignKey(
        "directory.Organization",
        verbose_name=_("member"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    organization = models.ForeignKey(
        "directory.Organization",
        verbose_name=_("network or alliance"),
        on_delete=models.CASCADE,
        related_name="members",
    )
    role = models.CharField(
        _("role"), max_length=20, choices=MembershipRole.choices, default=MembershipRole.MEMBER
    )
    start_date = models.DateField(_("since"), null=True, blank=True)
    end_date = models.DateField(_("until"), null=True, blank=True)
    source_url = models.URLField(
        _("source"),
        blank=True,
        help_text=_("Where the membership is published: the network's list of members, an act…"),
    )

    panels = [
        FieldPanel("member"),
        FieldPanel("organization"),
        FieldPanel("role"),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
        FieldPanel("source_url"),
    ]

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["organization__name", "start_date", "pk"]

    def __str__(self):
        return f"{self.member} → {self.organization}"

    def clean(self):
        super().clean()
        errors = {}
        if (
            self.member_id
            and self.organization_id
            and self.member.translation_key == self.organization.translation_key
        ):
            errors["organization"] = _("An organisation cannot be a member of itself.")
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("A membership cannot end before it starts.")
        if errors:
            raise ValidationError(errors)

    def is_current(self, today):
        return (self.start_date is None or self.start_date <= today) and (
            self.end_date is None or self.end_date >= today
        )
