"""Agreements on other apps' pages: ``{% mission_agreements page as agreements %}`` on a mission
page (those signed during the mission, and those its results produced), then
``agreements|of_result:result`` in each result. One query per mission page (two with the
agreements' results)."""

from django import template
from django.db.models import F, Prefetch, Q

from missions.models import MissionResult

from ..activity import in_reader_language
from ..models import Agreement

register = template.Library()


@register.simple_tag
def mission_agreements(mission):
    """The agreements of ``mission`` (any of its translations), each in the mission's language
    when translated: {"signed": [agreement], "by_result": {result translation key: [agreement]}}."""
    if not getattr(mission, "pk", None):
        return {"signed": [], "by_result": {}}
    key = mission.translation_key
    agreements = in_reader_language(
        list(
            Agreement.objects.filter(
                Q(mission__translation_key=key) | Q(results__page__translation_key=key)
            )
            .annotate(mission_key=F("mission__translation_key"))
            .distinct()
            .prefetch_related(
                Prefetch("results", queryset=MissionResult.objects.only("pk", "translation_key"))
            )
            .order_by("-signed_date", "title", "pk")
        ),
        mission.locale_id,
        record=lambda agreement: agreement,
    )
    signed = [agreement for agreement in agreements if agreement.mission_key == key]
    by_result = {}
    for agreement in agreements:
        for result in agreement.results.all():
            by_result.setdefault(result.translation_key, []).append(agreement)
    return {"signed": signed, "by_result": by_result}


@register.filter
def of_result(agreements, result):
    """The agreements (from mission_agreements) that ``result`` produced."""
    if not agreements:
        return []
    return agreements["by_result"].get(result.translation_key, [])
