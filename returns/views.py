"""Public pages of the return: the carbon methodology (a route of the missions index)."""

from django.template.response import TemplateResponse

from .models import EmissionFactor


def carbon_methodology(index, request):
    """How travel emissions are estimated, with every factor in use, in the reader's language."""
    factors = list(EmissionFactor.objects.all())
    editions = sorted({factor.edition for factor in factors}, reverse=True)
    current = editions[0] if editions else None
    return TemplateResponse(
        request,
        "returns/carbon_methodology.html",
        {
            "page": index,
            "self": index,
            "edition": current,
            "factors": [factor for factor in factors if factor.edition == current],
            "older_editions": editions[1:],
            "source": next((f for f in factors if f.edition == current), None),
        },
    )
