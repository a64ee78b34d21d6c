"""demo_practice() loads the demo itself when it is missing.

Apart from tests/test_practices_demo.py, whose tests share one demo loaded for the whole module:
this one must start from a database without it (the demo brings its own home page).
"""

import pytest

from practices import bench

pytestmark = pytest.mark.django_db


def test_demo_practice_loads_the_demo_when_needed(db, settings):
    settings.PRACTICES_PDF_ON_PUBLISH = False
    page = bench.demo_practice("compostaje-domiciliario")
    assert page.live and page.title == "Compostaje domiciliario"
