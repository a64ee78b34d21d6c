"""The home page's "practices published" figure."""

from django.utils.translation import gettext_lazy as _

from home import figures

from .models import PracticeIndexPage, PracticePage


@figures.register
def practices_figure(locale, year):
    count = PracticePage.objects.live().public().filter(locale=locale).count()
    index = PracticeIndexPage.objects.live().filter(locale=locale).first()
    return [
        {
            "label": _("Practices published"),
            "value": count,
            "kind": "count",
            "url": index.url if index else "",
        }
    ]
