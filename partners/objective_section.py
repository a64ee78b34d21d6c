"""The agreements that came of an objective's missions, as a section of the objective's page
(returns/sections.py): signed during one of its missions or produced by one of their results,
each in the objective's language when translated."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from missions.models import MissionPage
from returns import sections

from .activity import in_reader_language
from .models import Agreement


@sections.register(sections.AGREEMENTS)
def agreements_of_objective(objective, missions, request):
    versions = MissionPage.objects.filter(
        translation_key__in=missions.values("translation_key")
    ).values("pk")
    agreements = in_reader_language(
        list(
            Agreement.objects.filter(Q(mission__in=versions) | Q(results__page__in=versions))
            .distinct()
            .order_by("-signed_date", "title", "pk")
        ),
        objective.locale_id,
        record=lambda agreement: agreement,
    )
    if not agreements:
        return None
    return {
        "title": _("Agreements that came of it"),
        "template": "partners/includes/objective_agreements.html",
        "context": {"agreements": agreements},
    }
