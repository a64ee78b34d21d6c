"""Practice pages: exportable good-practice case studies, and the index that lists them."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.cache.fragments import page_fragment
from home.models import IndexPage
from home.routing import RoutedPageMixin
from home.translated import TRANSLATED_PAGE_FIELDS, in_locale

from ..adoption import adoption_log
from ..blocks import DocumentsBlock, GalleryBlock, PracticeBodyBlock
from ..seo import share_image, structured_data

RICH_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class PracticeIndexPage(RoutedPageMixin, IndexPage):
    """Lists a language's practices, filtered by theme, goal and status (practices/views.py)."""

    routes = "practices.routes.index"
    subpage_types = ["practices.PracticePage"]
    # The theme filter names a theme by its slug, which differs between languages.
    query_translations = {"theme": ("practices.Theme", "slug")}

    class Meta:
        verbose_name = _("practices index")


class PracticePageForm(WagtailAdminPageForm):
    """Offers only the themes and organizations of the page's own language."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        locale_id = self.instance.locale_id or (self.parent_page and self.parent_page.locale_id)
        for name in ("themes", "partners"):
            if name in self.fields and locale_id:
                field = self.fields[name]
                field.queryset = field.queryset.filter(locale_id=locale_id)


class PracticePage(RoutedPageMixin, Page):
    """One practice: what it solved, what it achieved, and what it takes to replicate it.

    Its routes (the page and its PDF summary) are in practices/routes/practice.py.
    """

    routes = "practices.routes.practice"

    class Status(models.TextChoices):
        PILOT = "pilot", _("Pilot")
        OPERATING = "operating", _("Operating")
        SCALED = "scaled", _("Scaled up")
        CONCLUDED = "concluded", _("Concluded")

    summary = models.TextField(
        _("summary"),
        max_length=600,
        help_text=_("Three or four sentences a partner abroad reads to decide whether to go on."),
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("main image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image_alt = models.CharField(
        _("alternative text of the main image"),
        max_length=250,
        blank=True,
        help_text=_("Describe what the image shows for people who cannot see it."),
    )
    themes = ParentalManyToManyField(
        "practices.Theme", verbose_name=_("themes"), blank=True, related_name="practices"
    )
    sdgs = ParentalManyToManyField(
        "practices.SustainableDevelopmentGoal",
        verbose_name=_("Sustainable Development Goals"),
        blank=True,
        related_name="practices",
    )
    responsible_unit = models.CharField(_("responsible unit"), max_length=200)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    start_year = models.PositiveSmallIntegerField(
        _("start year"), validators=[MinValueValidator(1950), MaxValueValidator(2100)]
    )
    body = StreamField(PracticeBodyBlock(), verbose_name=_("body"), blank=True)
    budget_clp = models.DecimalField(
        _("budget (CLP)"),
        max_digits=15,
        decimal_places=0,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("Total cost in Chilean pesos, whole pesos."),
    )
    team_size = models.PositiveSmallIntegerField(
        _("team size"), null=True, blank=True, help_text=_("People working on it, in total.")
    )
    duration_months = models.PositiveSmallIntegerField(
        _("duration in months"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("From the start to full operation."),
    )
    partners = ParentalManyToManyField(
        "directory.Organization", verbose_name=_("partners"), blank=True, related_name="practices"
    )
    replication_conditions = RichTextField(
        _("conditions to replicate"),
        features=RICH_FEATURES,
        help_text=_("What must be in place in a city before it starts."),
    )
    key_costs = RichTextField(_("key costs"), features=RICH_FEATURES, blank=True)
    pitfalls = RichTextField(_("pitfalls"), features=RICH_FEATURES, blank=True)
    adaptations = RichTextField(
        _("what an adopting city must adapt"), features=RICH_FEATURES, blank=True
    )
    contact_name = models.CharField(_("contact name"), max_length=200)
    contact_role = models.CharField(_("contact role"), max_length=200)
    contact_email = models.EmailField(_("contact e-mail"))
    documents = StreamField(DocumentsBlock(), verbose_name=_("documents"), blank=True)
    gallery = StreamField(GalleryBlock(), verbose_name=_("image gallery"), blank=True)

    base_form_class = PracticePageForm
    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt")], heading=_("Main image")),
        MultiFieldPanel(
            [
                FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
                FieldPanel("sdgs", widget=forms.CheckboxSelectMultiple),
                FieldPanel("responsible_unit"),
                FieldRowPanel([FieldPanel("status"), FieldPanel("start_year")]),
            ],
            heading=_("Classification"),
        ),
        FieldPanel("body"),
        InlinePanel("indicators", heading=_("Results with indicators"), label=_("Indicator")),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("budget_clp"),
                        FieldPanel("team_size"),
                        FieldPanel("duration_months"),
                    ]
                ),
                FieldPanel("partners"),
            ],
            heading=_("Resources and partners"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("replication_conditions"),
                FieldPanel("key_costs"),
                FieldPanel("pitfalls"),
                FieldPanel("adaptations"),
            ],
            heading=_("Transferability"),
        ),
        MultiFieldPanel(
            [FieldPanel("contact_name"), FieldPanel("contact_role"), FieldPanel("contact_email")],
            heading=_("Contact"),
        ),
        FieldPanel("documents"),
        FieldPanel("gallery"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("responsible_unit"),
        index.SearchField("replication_conditions"),
        index.FilterField("status"),
        index.FilterField("start_year"),
    ]
    translatable_fields = [
        *TRANSLATED_PAGE_FIELDS,
        TranslatableField("summary"),
        SynchronizedField("image"),
        TranslatableField("image_alt"),
        SynchronizedField("themes"),
        SynchronizedField("sdgs"),
        TranslatableField("responsible_unit"),
        SynchronizedField("status"),
        SynchronizedField("start_year"),
        TranslatableField("body"),
        TranslatableField("indicators"),
        SynchronizedField("budget_clp"),
        SynchronizedField("team_size"),
        SynchronizedField("duration_months"),
        SynchronizedField("partners"),
        TranslatableField("replication_conditions"),
        TranslatableField("key_costs"),
        TranslatableField("pitfalls"),
        TranslatableField("adaptations"),
        SynchronizedField("contact_name"),
        TranslatableField("contact_role"),
        SynchronizedField("contact_email"),
        TranslatableField("documents"),
        TranslatableField("gallery"),
    ]

    parent_page_types = ["practices.PracticeIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("practice")
        verbose_name_plural = _("practices")

    def clean(self):
        super().clean()
        errors = {}
        if self.image_id and not self.image_alt.strip():
            errors["image_alt"] = ValidationError(
                _("Describe the main image: alternative text is required."), code="required"
            )
        if self.start_year and self.start_year > timezone.localdate().year:
            errors["start_year"] = ValidationError(
                _("The start year cannot be in the future."), code="future"
            )
        if errors:
            raise ValidationError(errors)

    # What the templates show -------------------------------------------------------------

    def localized_themes(self):
        return in_locale(self.themes.all(), self.locale)

    def localized_partners(self):
        return in_locale(self.partners.all(), self.locale)

    def adoption_log(self):
        return adoption_log(self)

    def detail_context(self, request):
        """What the page shows besides its own fields: its index, themes, partners, goals,
        indicators, adoption log, link-preview image and structured data."""
        context = {
            "index_page": self.get_parent(),
            "themes": self.localized_themes(),
            "partners": self.localized_partners(),
            "goals": list(self.sdgs.all()),
            "indicators": list(self.indicators.all()),
            "adoption_log": self.adoption_log(),
            "share_image": share_image(self, request),
        }
        context["structured_data"] = structured_data(
            self,
            request,
            context["themes"],
            context["goals"],
            context["partners"],
            context["share_image"],
        )
        return context

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Its head and body are rendered once per content generation, language and date
        # ({% cache %} in the template); ``practice`` is read only when they are rendered, so
        # kept parts cost no query. The share image's address is absolute: by scheme and host.
        context["practice"] = SimpleLazyObject(lambda: self.detail_context(request))
        context["practice_fragment"] = page_fragment(
            self, request, request.scheme, request.get_host()
        )
        return context
