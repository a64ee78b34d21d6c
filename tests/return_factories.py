"""Factories for the return (returns app): the objectives page, projects and their needs."""

import wagtail_factories

from returns.models import CityProject, ObjectiveIndexPage, ProjectNeed

from .factories import spanish


class ObjectiveIndexPageFactory(wagtail_factories.PageFactory):
    title = "Objetivos de la ciudad"
    slug = "objetivos"
    intro = "Lo que el trabajo internacional costó y aportó a cada objetivo."
    locale = wagtail_factories.factories.factory.LazyFunction(spanish)

    class Meta:
        model = ObjectiveIndexPage


def build_objective_index(home, english_home=None, translate=None):
    index = ObjectiveIndexPageFactory(parent=home)
    index.save_revision().publish()
    english = None
    if english_home is not None:
        english = translate(
            index,
            {
                index.title: "City objectives",
                index.slug: "objectives",
                index.intro: "What international work cost and brought to each objective.",
            },
        )
    return index, english


def build_project(objective, needs, **fields):
    """A city project under ``objective`` with ``needs`` [(kind, description, amount)]."""
    project = CityProject(
        objective=objective, unit="Dirección de Medio Ambiente", locale=objective.locale, **fields
    )
    project.needs = [
        ProjectNeed(kind=kind, description=description, amount_clp=amount)
        for kind, description, amount in needs
    ]
    project.save()
    return project
