"""People, organizations and the city's strategic objectives: shared by missions and practices."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.records import SluggedRecord, unique_slug_constraint


class Person(TranslatableMixin, index.Indexed, models.Model):
    """Someone who travels or works for the office; position and unit are translated."""

    name = models.CharField(_("name"), max_length=200)
    position = models.CharField(_("position"), max_length=200)
    unit = models.CharField(_("unit"), max_length=200, blank=True)

    panels = [FieldPanel("name"), FieldPanel("position"), FieldPanel("unit")]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("locale_id"),
    ]
    translatable_fields = [
        SynchronizedField("name"),
        TranslatableField("position"),
        TranslatableField("unit"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["name"]

    def __str__(self):
        return f"{self.name} ({self.position})"


class Organization(TranslatableMixin, SluggedRecord, index.Indexed, models.Model):
    """A partner abroad or an actor of the territory; no hierarchy between them.

    Each one has a public page under the directory index (directory/pages.py), at its slug.
    """

    class Kind(models.TextChoices):
        UNIVERSITY = "university", _("University")
        GUILD = "guild", _("Business guild")
        CHAMBER = "chamber", _("Chamber of commerce")
        CIVIL_SOCIETY = "civil_society", _("Civil-society organization")
        PUBLIC_AGENCY = "public_agency", _("Public agency")
        COMPANY = "company", _("Company")
        CITY = "city", _("City or local government")
        NATIONAL_GOVERNMENT = "national_government", _("National government")
        MULTILATERAL = "multilateral", _("Multilateral body")
        NETWORK = "network", _("Network of cities")
        EMBASSY = "embassy", _("Embassy")
        FOUNDATION = "foundation", _("Foundation")

    LOCAL_KINDS = {
        Kind.UNIVERSITY,
        Kind.GUILD,
        Kind.CHAMBER,
        Kind.CIVIL_SOCIETY,
        Kind.PUBLIC_AGENCY,
        Kind.COMPANY,
    }

    name = models.CharField(_("name"), max_length=255)
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    country = CountryField(_("country"))
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(_("description"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("acronym"),
        FieldPanel("kind"),
        FieldPanel("country"),
        FieldPanel("website"),
        FieldPanel("description"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("acronym"),
        index.SearchField("description"),
        index.FilterField("kind"),
        index.FilterField("locale_id"),
    ]
    translatable_fields = [
        TranslatableField("name"),
        SynchronizedField("slug"),
        SynchronizedField("acronym"),
        SynchronizedField("kind"),
        SynchronizedField("country"),
        SynchronizedField("website"),
        TranslatableField("description"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("organization")
        verbose_name_plural = _("organizations")
        ordering = ["name"]
        constraints = [unique_slug_constraint("directory_organization")]

    def __str__(self):
        return f"{self.name} ({self.acronym})" if self.acronym else self.name

    @property
    def is_local(self):
        return self.kind in self.LOCAL_KINDS


class StrategicObjective(TranslatableMixin, SluggedRecord, index.Indexed, models.Model):
    """An objective of the city's development plan that international work must serve.

    Each one has a public page under the objectives index (returns.ObjectiveIndexPage), at its
    slug: what international work cost and brought to it.
    """

    slug_source = "title"

    code = models.CharField(
        _("code"), max_length=20, help_text=_("The objective's number in the city plan, e.g. 2.3.")
    )
    title = models.CharField(_("title"), max_length=255)
    description = models.TextField(_("description"), blank=True)
    plan_reference = models.CharField(
        _("city plan reference"),
        max_length=255,
        blank=True,
        help_text=_(
            "Which plan and chapter it comes from, e.g. Plan de Desarrollo Comunal 2024–2030, eje 2."
        ),
    )

    panels = [
        FieldPanel("code"),
        FieldPanel("title"),
        FieldPanel("description"),
        FieldPanel("plan_reference"),
        FieldPanel("slug"),
    ]
    search_fields = [
        index.SearchField("title"),
        index.AutocompleteField("title"),
        index.FilterField("locale_id"),
    ]
    translatable_fields = [
        SynchronizedField("slug"),
        SynchronizedField("code"),
        TranslatableField("title"),
        TranslatableField("description"),
        TranslatableField("plan_reference"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("strategic objective")
        verbose_name_plural = _("strategic objectives")
        ordering = ["code"]
        constraints = [unique_slug_constraint("directory_strategicobjective")]

    def __str__(self):
        return f"{self.code} {self.title}"
