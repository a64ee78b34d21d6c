"""The practices index: filters from GET parameters, pagination, cards ready to render.

A wrong parameter never fails the page: it is ignored and the reader is told so. The number of
queries does not grow with the number of practices (the page's cards are prefetched).
"""

from functools import cache

from django.db.models import Prefetch
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from wagtail.images import get_image_model

from home.cache.fragments import fragment
from home.pagination import paginate, shorten
from home.params import QueryParams
from home.translated import in_locale

from .models import PracticePage, SustainableDevelopmentGoal, Theme

PER_PAGE = 12


class PracticeListing:
    def __init__(self, index_page, request):
        self.index_page = index_page
        self.locale = index_page.locale
        self.params = QueryParams(request.GET)
        self.notices = []

    def _theme(self, themes):
        slug = self.params.choice("theme", [theme.slug for theme in themes])
        if self._rejected("theme"):
            self.notices.append(
                _("There is no theme “%(value)s”; showing every theme.")
                % {"value": shorten(self.params.raw("theme"))}
            )
        return next((theme for theme in themes if theme.slug == slug), None)

    def _goal(self, goals):
        number = self.params.integer("sdg", minimum=1, maximum=17)
        goal = next((goal for goal in goals if goal.number == number), None)
        if self._rejected("sdg") or (number is not None and goal is None):
            self.notices.append(
                _(
                    "“%(value)s” is not a Sustainable Development Goal (1 to 17); showing every goal."
                )
                % {"value": shorten(self.params.raw("sdg"))}
            )
        return goal

    def _status(self):
        status = self.params.choice("status", PracticePage.Status.values)
        if self._rejected("status"):
            self.notices.append(
                _("There is no status “%(value)s”; showing every status.")
                % {"value": shorten(self.params.raw("status"))}
            )
        return status

    def _rejected(self, name):
        return name in self.params.invalid_names

    def queryset(self):
        image_model = get_image_model()
        return (
            PracticePage.objects.child_of(self.index_page)
            .live()
            .public()
            .prefetch_related(
                Prefetch("image", queryset=image_model.objects.prefetch_renditions()),
                "themes",
                "sdgs",
            )
            .order_by("title")
        )

    def context(self):
        themes = list(Theme.objects.filter(locale=self.locale).order_by("name"))
        goals = list(SustainableDevelopmentGoal.objects.all())
        theme = self._theme(themes)
        goal = self._goal(goals)
        status = self._status()

        practices = self.queryset()
        if theme:
            practices = practices.filter(themes__translation_key=theme.translation_key)
        if goal:
            practices = practices.filter(sdgs=goal)
        if status:
            practices = practices.filter(status=status)
        page_obj = paginate(practices, self.params.raw("page"), PER_PAGE, self.notices)

        cards = list(page_obj.object_list)
        card_themes = in_locale(
            [t for card in cards for t in card.themes.all()], self.locale, distinct=False
        )
        position = 0
        for card in cards:
            count = len(card.themes.all())
            card.card_themes = card_themes[position : position + count]
            position += count

        return {
            "practices": cards,
            "page_obj": page_obj,
            "paginator": page_obj.paginator,
            "themes": themes,
            "goals": goals,
            "statuses": PracticePage.Status.choices,
            "selected_theme": theme.slug if theme else "",
            "selected_goal": goal.number if goal else None,
            "selected_status": status,
            "is_filtered": bool(theme or goal or status),
            "notices": self.notices,
        }

    def kept_context(self, request):
        """``context()`` read only when the filter form and cards are rendered, not while they
        are kept ({% cache %}, home/cache/fragments.py): each name is lazy, all read at once.
        They depend on the whole query string (the pagination links keep it) and the index's
        address (the form's action; a preview of a draft may change it)."""
        computed = cache(self.context)
        names = ("practices", "page_obj", "paginator", "themes", "goals", "selected_theme")
        names += ("selected_goal", "selected_status", "is_filtered", "notices")
        return {
            **{name: SimpleLazyObject(lambda name=name: computed()[name]) for name in names},
            "statuses": PracticePage.Status.choices,
            "listing_fragment": fragment(
                self.index_page.pk, self.index_page.url_path, sorted(request.GET.lists())
            ),
        }
