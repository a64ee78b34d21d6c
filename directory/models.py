"""People, organizations and the city's strategic objectives: shared by missions and practices."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.records import SluggedRecord, unique_slug_constraint

from .identifiers import IdentifierScheme, validate_identifier


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


class Organization(TranslatableMixin, SluggedRecord, index.Indexed, ClusterableModel):
    """A partner abroad or an actor of the territory; no hierarchy between them.

    Each one has a public page under the directory page (partners.DirectoryIndexPage), at its
    slug. Popolo's organisation fields (other names, identifiers, parent, founding and
    dissolution dates) are here; memberships and agreements between organisations are in the
    partners app.
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
    city = models.CharField(_("city"), max_length=120, blank=True)
    # When the record (or a row edited with it) last changed: the open data's Last-Modified.
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="children",
        help_text=_("The organisation this one is part of, e.g. a faculty's university."),
    )
    international_work = models.TextField(
        _("what it does internationally"),
        blank=True,
        help_text=_("One or two sentences: its programmes, networks or projects abroad."),
    )
    themes = ParentalManyToManyField(
        "practices.Theme",
        verbose_name=_("themes of its international work"),
        blank=True,
        related_name="organizations",
    )
    works_with_countries = CountryField(
        _("countries it works with"),
        multiple=True,
        blank=True,
        help_text=_("Where its international work takes place or its partners are."),
    )
    founding_date = models.DateField(_("founded on"), null=True, blank=True)
    dissolution_date = models.DateField(_("dissolved on"), null=True, blank=True)
    contact_email = models.EmailField(_("public contact e-mail"), blank=True)
    contact_phone = models.CharField(_("public contact phone"), max_length=40, blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("acronym"),
        FieldPanel("kind"),
        FieldRowPanel([FieldPanel("country"), FieldPanel("city")]),
        FieldPanel("parent"),
        FieldPanel("website"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldPanel("international_work"),
                FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
                FieldPanel("works_with_countries"),
            ],
            heading=_("International work"),
        ),
        FieldRowPanel([FieldPanel("founding_date"), FieldPanel("dissolution_date")]),
        FieldRowPanel([FieldPanel("contact_email"), FieldPanel("contact_phone")]),
        InlinePanel("other_names", heading=_("Other names"), label=_("other name")),
        InlinePanel("identifiers", heading=_("Identifiers"), label=_("identifier")),
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
        SynchronizedField("city"),
        SynchronizedField("parent"),
        TranslatableField("international_work"),
        SynchronizedField("themes"),
        SynchronizedField("works_with_countries"),
        SynchronizedField("founding_date"),
        SynchronizedField("dissolution_date"),
        SynchronizedField("contact_email"),
        SynchronizedField("contact_phone"),
        SynchronizedField("other_names"),
        SynchronizedField("identifiers"),
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

    def clean(self):
        super().clean()
        errors = {}
        if (
            self.founding_date
            and self.dissolution_date
            and self.dissolution_date < self.founding_date
        ):
            errors["dissolution_date"] = _(
                "An organisation cannot be dissolved before it was founded."
            )
        if self.parent_id and self._parent_loops():
            errors["parent"] = _(
                "An organisation cannot be part of itself, directly or through its parents."
            )
        if errors:
            raise ValidationError(errors)

    def _parent_loops(self):
        """Whether following the parents from this organisation comes back to it."""
        seen, parent = set(), self.parent
        while parent is not None and parent.pk not in seen:
            if parent.translation_key == self.translation_key:
                return True
            seen.add(parent.pk)
            parent = parent.parent
        return False


class OrganizationName(Orderable):
    """Another name an organisation is or was known by (Popolo's other_names)."""

    class Kind(models.TextChoices):
        ACRONYM = "acronym", _("Acronym")
        FORMER = "former", _("Former name")
        ALTERNATE = "alternate", _("Other name")

    organization = ParentalKey(Organization, on_delete=models.CASCADE, related_name="other_names")
    name = models.CharField(_("name"), max_length=255)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.ALTERNATE)
    end_date = models.DateField(
        _("used until"), null=True, blank=True, help_text=_("For a former name.")
    )

    panels = [FieldRowPanel([FieldPanel("name"), FieldPanel("kind"), FieldPanel("end_date")])]

    class Meta(Orderable.Meta):
        verbose_name = _("other name")
        verbose_name_plural = _("other names")

    def __str__(self):
        return self.name


class OrganizationIdentifier(Orderable):
    """An identifier of an organisation in a register: a tax id, an IATI organisation id…"""

    organization = ParentalKey(Organization, on_delete=models.CASCADE, related_name="identifiers")
    scheme = models.CharField(_("scheme"), max_length=20, choices=IdentifierScheme.choices)
    identifier = models.CharField(_("identifier"), max_length=100)

    panels = [FieldRowPanel([FieldPanel("scheme"), FieldPanel("identifier")])]

    class Meta(Orderable.Meta):
        verbose_name = _("identifier")
        verbose_name_plural = _("identifiers")

    def __str__(self):
        return f"{self.scheme}: {self.identifier}"

    def clean(self):
        super().clean()
        self.identifier = (self.identifier or "").strip()
        message = validate_identifier(self.scheme, self.identifier)
        if message:
            raise ValidationError({"identifier": message})


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
