import copy

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import translation
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, Page, Site, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from .blocks import BodyBlock, SocialLinkBlock
from .cache.fragments import page_fragment
from .figures import key_figures
from .pages import per_request
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
        locale = self.locale
        # Read only when the page's body is rendered, not when it is kept (home_fragment).
        context["key_figures"] = SimpleLazyObject(lambda: key_figures(locale))
        context["featured"] = SimpleLazyObject(self.featured)
        context["home_fragment"] = page_fragment(self, request)
        return context

    def featured(self):
        """The featured pages in this page's language where translated, live ones only, in the
        editor's order: a fixed number of queries however many are featured."""
        from .translated import in_locale

        ids = [block["value"] for block in self.featured_pages.raw_data if block.get("value")]
        if not ids:
            return []
        # The picked pages and their live translations in this language, read together.
        keys = Page.objects.filter(pk__in=ids).values("translation_key")
        rows = Page.objects.filter(
            Q(pk__in=ids) | Q(translation_key__in=keys, locale_id=self.locale_id, live=True)
        ).specific()
        found = {page.pk: page for page in rows}
        picked = [found[pk] for pk in ids if pk in found]
        translations = [
            page for page in found.values() if page.locale_id == self.locale_id and page.live
        ]
        shown = in_locale(picked, self.locale_id, translations, distinct=False)
        return [page for page in shown if page.live]


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


DEFAULT_OFFICE_NAME = "Oficina de Relaciones Internacionales"
DEFAULT_MUNICIPALITY_NAME = "Municipalidad de Puente Alto del Mar"


class SiteIdentity(TranslatableMixin, models.Model):
    """Who publishes the site, in each language: the office, its municipality, its address.

    Why a translatable snippet and not per-language fields on SiteSettings: every other text a
    reader sees is translated the same way (a Spanish source, an English translation made and
    kept in step with wagtail-localize, the admin's "Translate" action), so translators work
    in one place, stale translations are flagged like any other, and a third language needs no
    migration. Wagtail's settings themselves cannot be translated (one row per site), so the
    texts live here, one row per site and language; what does not depend on the language
    (e-mail, phone, licence, report deadline) stays in SiteSettings. Read it through
    ``SiteSettings.identity()`` or ``SiteIdentity.for_site()``, which fall back to the Spanish
    source while no translation exists.
    """

    site = models.ForeignKey(
        "wagtailcore.Site",
        verbose_name=_("site"),
        on_delete=models.CASCADE,
        related_name="identities",
    )
    office_name = models.CharField(_("office name"), max_length=200, default=DEFAULT_OFFICE_NAME)
    municipality_name = models.CharField(
        _("municipality"), max_length=200, default=DEFAULT_MUNICIPALITY_NAME
    )
    address = models.TextField(_("address"), blank=True)

    panels = [
        FieldPanel("site"),
        FieldPanel("office_name"),
        FieldPanel("municipality_name"),
        FieldPanel("address"),
    ]
    translatable_fields = [
        SynchronizedField("site", overridable=False),
        TranslatableField("office_name"),
        TranslatableField("municipality_name"),
        TranslatableField("address"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("site identity")
        verbose_name_plural = _("site identities")
        constraints = [
            models.UniqueConstraint(
                fields=["site", "locale"], name="home_siteidentity_one_per_site_and_language"
            )
        ]

    def __str__(self):
        return self.office_name

    @classmethod
    def for_site(cls, site, locale=None):
        """The identity of ``site`` in ``locale`` (the active language unless given).

        Falls back to the source in the default language, then to any language, then to an
        unsaved identity with the default texts, so a page never lacks the office's name.
        """
        site_id = getattr(site, "pk", site)  # a Site or its id: no query for the site itself
        rows = list(cls.objects.filter(site_id=site_id).select_related("locale")) if site else []
        return cls.pick(rows, site_id, locale)

    @classmethod
    def pick(cls, rows, site_id, locale=None):
        """``for_site``'s choice among ``rows`` (the site's identities, with their locales)."""
        language = locale.language_code if locale else active_language()
        by_language = {row.locale.language_code: row for row in rows}
        for code in (language, settings.LANGUAGE_CODE):
            if code in by_language:
                return by_language[code]
        return rows[0] if rows else cls(site_id=site_id)


def active_language():
    """The content language of the request (or of ``translation.override``) being served."""
    return get_supported_content_language_variant(translation.get_language())


def _identity_text(name):
    """A SiteSettings attribute that reads ``name`` from the identity in the reader's language.

    Assigning it (as code written before the texts moved still does) changes the identity in
    the default language when the settings are saved.
    """

    def getter(self):
        return getattr(self.identity(), name)

    def setter(self, value):
        self.__dict__.setdefault("_identity_changes", {})[name] = value

    return property(getter, setter)


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """The office's contact details and the rules the public pages apply.

    The texts that depend on the reader's language (office name, municipality, address) are
    in SiteIdentity; ``office_name``, ``municipality_name`` and ``address`` read them in the
    active language, so templates and feeds keep writing ``settings.office_name``.
    """

    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
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
    review_flag_days = models.PositiveSmallIntegerField(
        _("days before a waiting review is flagged"),
        default=5,
        validators=[MinValueValidator(1)],
        help_text=_(
            "A record submitted for review and not approved or sent back within this many "
            "days is flagged in Reports › Reviews waiting."
        ),
    )
    standards_grace_days = models.PositiveSmallIntegerField(
        _("days of grace for a standard's measurement"),
        default=30,
        help_text=_(
            "A service standard whose last period ended more than this many days ago without "
            "a measurement is listed in Reports › Stale standards and shows “no recent data”."
        ),
    )
    is_sample_data = models.BooleanField(
        _("show the sample-data notice"),
        default=False,
        help_text=_("Tick while the site holds demonstration content."),
    )
    municipality_organization = models.ForeignKey(
        "directory.Organization",
        verbose_name=_("the municipality in the directory"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "The directory's record of the city itself: the directory lists it apart and does "
            "not count it among the international partners or the other cities."
        ),
    )

    panels = [
        MultiFieldPanel(
            [
                HelpPanel(
                    content=_(
                        "The office's name, its municipality and its address are edited, and "
                        "translated, under Settings › Site identity."
                    )
                ),
                FieldPanel("is_sample_data"),
                FieldPanel("municipality_organization"),
            ],
            heading=_("Office"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("contact_email"),
                FieldPanel("phone"),
                FieldPanel("social_links"),
            ],
            heading=_("Contact"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("open_data_licence_name"),
                FieldPanel("open_data_licence_url"),
                FieldPanel("report_days"),
                FieldPanel("review_flag_days"),
                FieldPanel("standards_grace_days"),
            ],
            heading=_("Transparency rules"),
        ),
    ]

    class Meta:
        verbose_name = _("site settings")

    office_name = _identity_text("office_name")
    municipality_name = _identity_text("municipality_name")
    address = _identity_text("address")

    @classmethod
    def for_request(cls, request):
        """The request's site's settings, read once per content generation while requests are
        served (home/cache/shared.py) instead of once per request: a copy of the shared instance, so that nothing one request
        sets on it (Wagtail's ``_request``) reaches another. The identities found by
        ``identity()`` are shared too, read once per language and generation."""
        attr_name = cls.get_cache_attr_name()
        if hasattr(request, attr_name):
            return getattr(request, attr_name)
        site = Site.find_for_request(request)
        if site is None:
            return super().for_request(request)  # Wagtail's DoesNotExist for a site-less request
        instance = copy.copy(cls.shared_for_site(site))
        instance._request = request
        setattr(request, attr_name, instance)
        return instance

    @classmethod
    def shared_for_site(cls, site):
        """``site``'s settings as requests share them (read with the identities, once per
        content generation): read them, never change them; ``for_request`` gives a copy."""

        def read():
            # The identities, their site and its settings in one query (the settings through
            # the site's reverse one-to-one); Wagtail's get-or-create when there is no identity
            # or no settings row yet.
            rows = list(
                SiteIdentity.objects.filter(site_id=site.pk).select_related(
                    "locale", "site__sitesettings"
                )
            )
            instance = getattr(rows[0].site, "sitesettings", None) if rows else None
            if instance is None:
                instance = cls.for_site(site)
            instance.__dict__["_identities"] = {}  # filled per language, shared by the copies
            instance.__dict__["_identity_rows"] = rows
            return instance

        return per_request(("site_settings", site.pk), read, shared=True)

    def identity(self, locale=None):
        """This site's SiteIdentity in ``locale`` (the active language unless given), cached."""
        language = locale.language_code if locale else active_language()
        cache = self.__dict__.setdefault("_identities", {})
        if language not in cache:
            rows = self.__dict__.get("_identity_rows")
            cache[language] = (
                SiteIdentity.pick(rows, self.site_id, locale)
                if rows is not None
                else SiteIdentity.for_site(self.site_id, locale)
            )
        return cache[language]

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        changes = self.__dict__.pop("_identity_changes", None)
        if changes:
            source = SiteIdentity.objects.filter(
                site=self.site, locale=Locale.get_default()
            ).first() or SiteIdentity(site=self.site, locale=Locale.get_default())
            for name, value in changes.items():
                setattr(source, name, value)
            source.save()
            self.__dict__.pop("_identities", None)
            self.__dict__.pop("_identity_rows", None)
