"""The agreements of an objective, as a section of the objective's page (returns/sections.py):
those that came of its missions (signed during one, or produced by one of their results) and
those that answer the needs of its city projects, each in the objective's language when
translated."""

from django.db.models import Prefetch, Q
from django.utils.translation import gettext_lazy as _

from missions.models import MissionPage
from returns import sections
from returns.models import ProjectNeed

from .activity import in_reader_language
from .models import Agreement

ORDER = ("-signed_date", "title", "pk")


def _shown(agreements, locale_id):
    return in_reader_language(list(agreements), locale_id, record=lambda agreement: agreement)


@sections.register(sections.AGREEMENTS)
def agreements_of_objective(objective, missions, request):
    versions = MissionPage.objects.filter(
        translation_key__in=missions.values("translation_key")
    ).values("pk")
    came_of_missions = _shown(
        Agreement.objects.filter(Q(mission__in=versions) | Q(results__page__in=versions))
        .distinct()
        .order_by(*ORDER),
        objective.locale_id,
    )
    needs = ProjectNeed.objects.filter(
        project__objective__translation_key=objective.translation_key
    ).select_related("project")
    answering = _shown(
        Agreement.objects.filter(answers_needs__in=needs)
        .prefetch_related(Prefetch("answers_needs", queryset=needs.order_by("project__title")))
        .distinct()
        .order_by(*ORDER),
        objective.locale_id,
    )
    if not came_of_missions and not answering:
        return None
    return {
        "title": _("Agreements that came of it"),
        "template": "partners/includes/objective_agreements.html",
        "context": {"agreements": came_of_missions, "answering_needs": answering},
    }
