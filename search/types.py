"""What a reader can find, one declaration per type.

To make a new type searchable, give its model ``search_fields`` (Wagtail's ``index``) and add
one line to ``declarations()``:

- a page type: ``PageType(StandardPage, date="last_published_at", summary=("commitment",))``
- a snippet record: ``RecordType(Organization, summary=("description",))``; its result links
  to ``obj.get_url(request)`` when the record has public pages, or to ``url(obj, request)``.

``date`` and ``summary`` name attributes (the first non-empty summary is shown, cut around the
matched words); ``template`` shows extra facts (a mission's cost and destinations); ``decorate``
fetches those facts for a whole page of results at once. Types not declared here, such as the
index pages, are never searched nor offered as filters.
"""

from dataclasses import dataclass, field
from functools import lru_cache

from django.db.models import Count
from wagtail.models import get_page_models


@dataclass(frozen=True)
class SearchType:
    model: type
    date: str | None = None
    summary: tuple = ()
    template: str = "search/results/default.html"
    decorate: object = None  # callable(results, context) for a page of results of this type
    url: object = None  # callable(obj, request) -> url, for records without pages
    label: object = None
    select: object = None  # callable(queryset) -> queryset: what results are fetched with
    is_page: bool = field(default=False, init=False)

    @property
    def key(self):
        return self.model._meta.label_lower

    @property
    def verbose_name(self):
        return self.label or self.model._meta.verbose_name

    @property
    def verbose_name_plural(self):
        return self.model._meta.verbose_name_plural

    def queryset(self, locale):
        return self.model.objects.filter(locale_id=locale.pk)

    def fetch(self, queryset):
        """``queryset`` with what a page of results needs (annotations, prefetches), so that
        results are fetched with their facts rather than one query per fact afterwards."""
        return self.select(queryset) if self.select else queryset

    def result_url(self, obj, request):
        if self.url is not None:
            return self.url(obj, request)
        get_url = getattr(obj, "get_url", None)
        return get_url(request) if get_url else None


@dataclass(frozen=True)
class PageType(SearchType):
    date: str | None = "last_published_at"
    summary: tuple = ("search_description", "summary")
    is_page: bool = field(default=True, init=False)

    def queryset(self, locale):
        return self.fetch(self.model.objects.live().public().filter(locale=locale))


def _record_pages(records, context):
    """Each record's public page, under the live index page that serves its model in the
    reader's language (home/records.py), when there is one (kept across requests)."""
    from home.pages import index_page
    from home.records import RecordIndexMixin

    label = records[0]._meta.label_lower
    for model in get_page_models():
        if issubclass(model, RecordIndexMixin) and model.record_model.lower() == label:
            index = index_page(model, context["locale"])
            if index:
                for record in records:
                    record.search_url = index.record_url(record, context["request"])
                return


@dataclass(frozen=True)
class RecordType(SearchType):
    """A snippet record; its result links to its public page when an index page serves its
    model (home/records.py), or wherever ``decorate`` sets ``search_url``."""

    decorate: object = _record_pages

    def result_url(self, obj, request):
        if self.url is not None:
            return self.url(obj, request)
        return getattr(obj, "search_url", None)


def _missions_with_facts(missions):
    """Missions fetched with their total cost (CLP) and their destinations in order: one
    query for the missions, one for all their destinations."""
    from django.db.models import Prefetch

    from missions.models import MissionDestination

    ordered = MissionDestination.objects.order_by("sort_order", "pk")
    return missions.with_total_cost().prefetch_related(Prefetch("destinations", queryset=ordered))


def _missions_facts(missions, context):
    """Total cost and destinations for a page of mission results: fetched with them when the
    search was of missions only (``_missions_with_facts``), else one query for the totals and
    one for the destinations of the whole page."""
    from django.db.models import Prefetch, prefetch_related_objects

    from missions.models import MissionDestination, MissionPage

    missing = [mission.pk for mission in missions if not hasattr(mission, "total_cost_clp")]
    if missing:
        totals = dict(
            MissionPage.objects.filter(pk__in=missing)
            .with_total_cost()
            .values_list("pk", "total_cost_clp")
        )
        for mission in missions:
            if mission.pk in totals:
                mission.total_cost_clp = totals[mission.pk]
    ordered = MissionDestination.objects.order_by("sort_order", "pk")
    prefetch_related_objects(missions, Prefetch("destinations", queryset=ordered))
    for mission in missions:
        mission.search_total_cost = getattr(mission, "total_cost_clp", None)
        mission.search_destinations = list(mission.destinations.all())


def _people_facts(people, context):
    """How many of this language's missions each person travelled on, and where they are
    listed: the missions index filtered by that person."""
    from home.pages import index_page
    from missions.models import DelegationMember, MissionIndexPage

    locale = context["locale"]
    index = index_page(MissionIndexPage, locale)
    counts = dict(
        DelegationMember.objects.filter(
            person__translation_key__in=[person.translation_key for person in people],
            page__live=True,
            page__locale=locale,
        )
        .values("person__translation_key")
        .annotate(missions=Count("page", distinct=True))
        .values_list("person__translation_key", "missions")
    )
    for person in people:
        person.search_missions = counts.get(person.translation_key, 0)
        if index and person.search_missions:
            url = index.get_url(context["request"])
            person.search_url = f"{url}?person={person.pk}"


@lru_cache(maxsize=1)
def declarations():
    """Every searchable type, in the order the filter offers them."""
    from directory.models import Organization, Person
    from home.models import ContentPage
    from missions.models import MissionPage
    from practices.models import PracticePage
    from standards.models import StandardPage

    return (
        PageType(
            MissionPage,
            date="start_date",
            summary=("purpose",),
            template="search/results/mission.html",
            decorate=_missions_facts,
            select=_missions_with_facts,
        ),
        PageType(PracticePage, date="first_published_at", summary=("summary",)),
        PageType(StandardPage, summary=("search_description", "commitment")),
        PageType(ContentPage, summary=("search_description", "summary")),
        RecordType(
            Person,
            summary=("position", "unit"),
            template="search/results/person.html",
            decorate=_people_facts,
        ),
        RecordType(Organization, summary=("description",)),
    )


def types_by_key():
    return {search_type.key: search_type for search_type in declarations()}


def page_types():
    return [search_type for search_type in declarations() if search_type.is_page]


@lru_cache(maxsize=1)
def page_relations():
    """{page model: the path from Page to it} for every page type, for ``select_related``: a
    mixed page of results is fetched with each page's specific fields in the same query,
    rather than one more query per page type shown."""
    from wagtail.models import Page

    relations = {}
    for search_type in page_types():
        path, model = [], search_type.model
        while model is not Page:
            parent = next(iter(model._meta.parents))
            path.insert(0, model._meta.get_ancestor_link(parent).remote_field.get_accessor_name())
            model = parent
        relations[search_type.model] = "__".join(path)
    return relations


def type_for_model(model):
    for search_type in declarations():
        if issubclass(model, search_type.model):
            return search_type
    return None
