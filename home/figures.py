"""This year's key figures for the home page.

Each content app contributes its own figures through a function registered here, so the home
page shows the same numbers as the app's own pages (they come from the same queries).
"""

from django.utils import timezone

_PROVIDERS = []


def register(provider):
    """Register ``provider(locale, year) -> list[dict(label, value, kind)]``."""
    _PROVIDERS.append(provider)
    return provider


def key_figures(locale, year=None):
    year = year or timezone.localdate().year
    figures = []
    for provider in _PROVIDERS:
        figures.extend(provider(locale, year))
    return figures
