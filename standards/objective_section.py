"""The standards that serve an objective, as a section of the objective's page
(returns/sections.py)."""

from django.utils.translation import gettext_lazy as _

from returns import sections

from .models import standards_serving


@sections.register(sections.STANDARDS)
def standards_of_objective(objective, missions, request):
    standards = list(standards_serving(objective))
    if not standards:
        return None
    return {
        "title": _("Service standards that serve it"),
        "template": "standards/includes/objective_standards.html",
        "context": {"standards": standards},
    }
