from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from .blocks import BodyBlock, SocialLinkBlock
from .figures import key_figures
from .translated import TRANSLATED_PAGE_FIELDS


class HomePage(Page):
    """The root of each language's tree: what the office is for and this year's figures."""

    intro = models.CharField(
        _("introduction"),
        max_length=300,
        help_text=_("One or two sentences under the title: what the office does and for whom."),
    )
    body = RichTextField(
        _("why it exists"),
        blank=True,
        features=["bold", "italic", "link", "ol", "ul"],
        help_text=_("The office's purpose, in the words a citizen would use."),
    )
    featured_title = models.CharField(
        _("featured section title"), max_length=120, blank=True, default=""
    )
    featured_pages = StreamField(
        [("page", blocks.PageChooserBlock(label=_("Page")))],
        blank=True,
        verbose_name=_("featured pages"),
        help_text=_("Pages to highlight on the home page, in this order."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("featured_title"), FieldPanel("featured_pages")], heading=_("Featured")
        ),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    translatable_fields = [
        *TRANSLATED_PAGE_FIELDS,
        TranslatableField("intro"),
        TranslatableField("body"),
        TranslatableField("featured_title"),
        SynchronizedField("featured_pages"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["key_figures"] = key_figures(self.locale)
        return context


class ContentPage(Page):
    """A plain page: about the office, how it works with the territory's actors, and the like."""

    summary = models.CharField(
        _("summary"),
        max_length=300,
        blank=True,
        help_text=_("Shown under the title and in search results."),
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("summary"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("summary"), index.SearchField("body")]
    translatable_fields = [
        *TRANSLATED_PAGE_FIELDS,
        TranslatableField("summary"),
        TranslatableField("body"),
    ]

    parent_page_types = ["home.HomePage", "home.ContentPage"]
    subpage_types = ["home.ContentPage"]

    class Meta:
        verbose_name = _("content page")


class IndexPage(Page):
    """Base for a language's listing page (missions, practices): an introduction, one per home."""

    intro = models.CharField(
        _("introduction"),
        max_length=400,
        blank=True,
        help_text=_("One or two sentences: what a reader will find here."),
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    translatable_fields = [
        *TRANSLATED_PAGE_FIELDS,
        TranslatableField("intro"),
    ]

    parent_page_types = ["home.HomePage"]
    max_count_per_parent = 1

    class Meta:
        abstract = True


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """The office's contact details and the rules the public pages apply."""

    office_name = models.CharField(
        _("office name"), max_length=200, default="Oficina de Relaciones Internacionales"
    )
    municipality_name = models.CharField(
        _("municipality"), max_length=200, default="Municipalidad de Puente Alto del Mar"
    )
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    address = models.TextField(_("address"), blank=True)
    social_links = StreamField(
        [("link", SocialLinkBlock())],
        blank=True,
        verbose_name=_("social links"),
    )
    open_data_licence_name = models.CharField(
        _("open-data licence"), max_length=120, default="CC BY 4.0"
    )
    open_data_licence_url = models.URLField(
        _("open-data licence address"), default="https://creativecommons.org/licenses/by/4.0/"
    )
    report_days = models.PositiveSmallIntegerField(
        _("days allowed for a trip report"),
        default=30,
        validators=[MinValueValidator(1)],
        help_text=_(
            "A mission without a report this many days after its return is marked overdue."
        ),
    )
    is_sample_data = models.BooleanField(
        _("show the sample-data notice"),
        default=False,
        help_text=_("Tick while the site holds demonstration content."),
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("office_name"),
                FieldPanel("municipality_name"),
                FieldPanel("is_sample_data"),
            ],
            heading=_("Office"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("contact_email"),
                FieldPanel("phone"),
                FieldPanel("address"),
                FieldPanel("social_links"),
            ],
            heading=_("Contact"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("open_data_licence_name"),
                FieldPanel("open_data_licence_url"),
                FieldPanel("report_days"),
            ],
            heading=_("Transparency rules"),
        ),
    ]

    class Meta:
        verbose_name = _("site settings")
