"""Factories for the partners app: the directory page and the records it links."""

import wagtail_factories

from partners.models import DirectoryIndexPage

from .factories import spanish


class DirectoryIndexPageFactory(wagtail_factories.PageFactory):
    title = "Organizaciones"
    slug = "organizaciones"
    intro = "Quién hace qué en el territorio."
    locale = wagtail_factories.factories.factory.LazyFunction(spanish)

    class Meta:
        model = DirectoryIndexPage


def build_directory(home, english_home=None, translate=None):
    """A published Spanish directory page under ``home``, and its English translation."""
    index = DirectoryIndexPageFactory(parent=home)
    index.save_revision().publish()
    english = None
    if english_home is not None:
        english = translate(
            index,
            {
                "Organizaciones": "Organisations",
                "organizaciones": "organisations",
                "Quién hace qué en el territorio.": "Who does what in the territory.",
            },
        )
    return index, english
