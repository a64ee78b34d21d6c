"""A page of results as the reader sees them: type, title and summary with the matched words
marked, date, link, and each type's own facts (fetched for the whole page at once)."""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from wagtail.models import Page

from home.formats import format_date

from .text import highlight
from .types import page_relations, type_for_model


@dataclass
class Result:
    obj: object
    type: object
    title: str
    summary: str
    url: str | None
    date: str
    iso: str = ""

    @property
    def template(self):
        return self.type.template


def _selected_specific(page):
    """The specific page fetched with ``page`` by ``select_related`` (search/engine.py), or
    None when it was not."""
    for path in page_relations().values():
        obj = page
        for name in path.split("__"):
            related = getattr(type(obj), name).related
            if not related.is_cached(obj):
                obj = None
                break
            obj = related.get_cached_value(obj)
            if obj is None:
                break
        if obj is not None:
            return obj
    return None


def _specific(objects):
    """Pages as their specific type: fetched with them when the search selected them, else
    fetched as their search type says (one query per type, plus its prefetches); other
    records unchanged."""
    by_model = defaultdict(list)
    specific = {}
    for obj in objects:
        if isinstance(obj, Page) and type(obj) is Page:
            selected = _selected_specific(obj)
            if selected is not None:
                specific[obj.pk] = selected
            else:
                model = ContentType.objects.get_for_id(obj.content_type_id).model_class()
                by_model[model].append(obj.pk)
    for model, pks in by_model.items():
        search_type = type_for_model(model)
        queryset = model._default_manager.filter(pk__in=pks)
        specific.update(search_type.fetch(queryset).in_bulk() if search_type else {})
    return [specific.get(obj.pk, obj) if isinstance(obj, Page) else obj for obj in objects]


def _day(value):
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value


def _summary(obj, search_type):
    for name in search_type.summary:
        value = getattr(obj, name, "")
        if value:
            return str(value)
    return ""


def present(objects, query, language, request, locale):
    objects = _specific(objects)
    by_type = defaultdict(list)
    for obj in objects:
        by_type[type_for_model(type(obj))].append(obj)
    context = {"request": request, "locale": locale}
    for search_type, group in by_type.items():
        if search_type and search_type.decorate:
            search_type.decorate(group, context)
    results = []
    for obj in objects:
        search_type = type_for_model(type(obj))
        if search_type is None:
            continue
        day = _day(getattr(obj, search_type.date, None)) if search_type.date else None
        title = getattr(obj, "title", None) or getattr(obj, "name", None) or str(obj)
        results.append(
            Result(
                obj=obj,
                type=search_type,
                title=highlight(title, query, language, length=1000),
                summary=highlight(_summary(obj, search_type), query, language),
                url=search_type.result_url(obj, request),
                date=format_date(day) if day else "",
                iso=day.isoformat() if day else "",
            )
        )
    return results
