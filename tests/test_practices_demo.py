"""The demo practices: bilingual through wagtail-localize, with generated images, idempotent."""

import pytest
from django.test import override_settings
from wagtail.images import get_image_model
from wagtail_localize.models import Translation

from home.demo.loader import Loader, demo_apps
from practices import bench
from practices.models import PracticeIndexPage, PracticePage, Theme

from .module_data import rolled_back_after_module

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def _loaded_demo(django_db_blocker):
    """The home and practices demo, loaded once for the module and rolled back at its end."""
    with (
        rolled_back_after_module(django_db_blocker),
        override_settings(PRACTICES_PDF_ON_PUBLISH=False),
    ):
        Loader().load(demo_apps(only=["practices"]))
        yield


@pytest.fixture
def demo(_loaded_demo, db, settings):
    settings.PRACTICES_PDF_ON_PUBLISH = False


def test_demo_has_ten_practices_with_images_in_each_language_and_loads_once(demo):
    for language in ("es", "en"):
        index = PracticeIndexPage.objects.live().get(locale__language_code=language)
        assert index.get_parent().specific_class.__name__ == "HomePage"
        assert PracticePage.objects.child_of(index).live().count() == 10
    assert Theme.objects.filter(locale__language_code="en").count() == 7
    for page in PracticePage.objects.live():
        assert page.image is not None and page.image_alt
        assert page.image.width == 1600
    assert get_image_model().objects.count() == 10
    # loading again finds everything it made before
    counts = (
        PracticePage.objects.count(),
        Theme.objects.count(),
        get_image_model().objects.count(),
    )
    Loader().load(demo_apps(only=["practices"]))
    assert counts == (
        PracticePage.objects.count(),
        Theme.objects.count(),
        get_image_model().objects.count(),
    )


def test_english_practices_are_wagtail_localize_translations(demo):
    spanish = bench.demo_practice("buses-nocturnos-de-barrio")
    english = bench.demo_practice("buses-nocturnos-de-barrio", "en")
    assert english.translation_key == spanish.translation_key
    assert english.title == "Neighbourhood night buses"
    assert english.image_alt == "A lit bus waiting at a neighbourhood stop at night."
    assert [i.name for i in english.indicators.all()] == [
        "Average night journey to the centre",
        "Passengers per night",
    ]
    assert Translation.objects.filter(
        source__object_id=spanish.translation_key, target_locale=english.locale
    ).exists()


def test_bench_hooks_give_pages_that_answer(demo, client):
    bench.prepare()
    urls = dict(bench.bench_urls())
    assert set(urls) == {
        "practices-index-es",
        "practices-index-en-filtered",
        "practice-detail-en",
        "practice-pdf-first",
        "practice-pdf-cached",
    }
    for name, path in urls.items():
        response = client.get(path)
        assert response.status_code == 200, name
