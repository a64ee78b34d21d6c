"""The missions index page; its listing, filters, charts and open data are built on MissionQuerySet."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import TranslatableField


class MissionIndexPage(RoutablePageMixin, Page):
    """Lists a language's missions."""

    intro = models.CharField(
        _("introduction"),
        max_length=400,
        blank=True,
        help_text=_("One or two sentences: what a citizen can audit here."),
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        TranslatableField("slug"),
        TranslatableField("intro"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["missions.MissionPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("missions index")

    def missions(self):
        """This index's live missions, newest first."""
        from .mission import MissionPage

        return MissionPage.objects.child_of(self).live().order_by("-start_date", "title")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["missions"] = self.missions()
        return context
