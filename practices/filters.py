"""The practices index: filters from GET parameters, pagination, cards ready to render.

A wrong parameter never fails the page: it is ignored and the reader is told so. The number of
queries does not grow with the number of practices (the page's cards are prefetched).
"""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import Prefetch
from django.utils.translation import gettext as _
from wagtail.images import get_image_model

from .localize import localized
from .models import PracticePage, SustainableDevelopmentGoal, Theme

PER_PAGE = 12


def _shorten(value, length=40):
    return value if len(value) <= length else value[: length - 1] + "…"


class PracticeListing:
    def __init__(self, index_page, request):
        self.index_page = index_page
        self.locale = index_page.locale
        self.params = request.GET
        self.notices = []

    def _theme(self, themes):
        slug = self.params.get("theme", "").strip()
        if not slug:
            return None
        for theme in themes:
            if theme.slug == slug:
                return theme
        self.notices.append(
            _("There is no theme “%(value)s”; showing every theme.") % {"value": _shorten(slug)}
        )
        return None

    def _goal(self, goals):
        raw = self.params.get("sdg", "").strip()
        if not raw:
            return None
        if raw.isdigit():
            for goal in goals:
                if goal.number == int(raw):
                    return goal
        self.notices.append(
            _("“%(value)s” is not a Sustainable Development Goal (1 to 17); showing every goal.")
            % {"value": _shorten(raw)}
        )
        return None

    def _status(self):
        raw = self.params.get("status", "").strip()
        if not raw:
            return ""
        if raw in PracticePage.Status.values:
            return raw
        self.notices.append(
            _("There is no status “%(value)s”; showing every status.") % {"value": _shorten(raw)}
        )
        return ""

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

    def _paginate(self, practices):
        paginator = Paginator(practices, PER_PAGE)
        number = self.params.get("page", "1")
        try:
            return paginator, paginator.page(number)
        except (PageNotAnInteger, EmptyPage):
            self.notices.append(
                _("There is no page “%(value)s” of results; showing the first.")
                % {"value": _shorten(number, 20)}
            )
            return paginator, paginator.page(1)

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
        paginator, page_obj = self._paginate(practices)

        cards = list(page_obj.object_list)
        card_themes = localized([t for card in cards for t in card.themes.all()], self.locale)
        position = 0
        for card in cards:
            count = len(card.themes.all())
            card.card_themes = card_themes[position : position + count]
            position += count

        return {
            "practices": cards,
            "page_obj": page_obj,
            "paginator": paginator,
            "themes": themes,
            "goals": goals,
            "statuses": PracticePage.Status.choices,
            "selected_theme": theme.slug if theme else "",
            "selected_goal": goal.number if goal else None,
            "selected_status": status,
            "is_filtered": bool(theme or goal or status),
            "notices": self.notices,
        }
