"""The home page's "practices published" figure."""

from django.utils.translation import gettext_lazy as _

from home import figures
from home.pages import index_page

from .models import PracticeIndexPage, PracticePage


@figures.register
def practices_figure(locale, year):
    count = PracticePage.objects.live().public().filter(locale=locale).count()
    index = index_page(PracticeIndexPage, locale)
    return [
        {
            "label": _("Practices published"),
            "value": count,
            "kind": "count",
            "url": index.url if index else "",
        }
    ]
