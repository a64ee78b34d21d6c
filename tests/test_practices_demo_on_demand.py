"""demo_practice() loads the demo itself when it is missing.

Apart from tests/test_practices_demo.py, whose tests share one demo loaded for the whole module:
this one must start from a database without it.
"""

import pytest

from practices import demo as practices_demo

pytestmark = pytest.mark.django_db


def test_demo_practice_loads_the_demo_when_needed(home, settings):
    settings.PRACTICES_PDF_ON_PUBLISH = False
    page = practices_demo.demo_practice("compostaje-domiciliario")
    assert page.live and page.title == "Compostaje domiciliario"
