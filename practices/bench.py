"""Benchmark hooks for scripts/bench.py: the practices pages a partner abroad actually loads.

``prepare()`` makes sure the demo practices exist and removes the stored PDF of the benchmarked
practice, so that the first PDF request measures rendering and the next ones the stored file.
"""

from django.core.files.storage import default_storage

from .models import PracticeIndexPage, PracticePDF

BENCH_SLUG = "buses-nocturnos-de-barrio"


def _demo_practice(language):
    from .demo import demo_practice

    return demo_practice(BENCH_SLUG, language)


def prepare(stdout=None):
    from home import demo as home_demo

    from . import demo

    class _Quiet:
        def write(self, *args, **kwargs):
            pass

    out = stdout or _Quiet()
    home_demo.load(out)
    demo.load(out)
    practice = _demo_practice("en")
    for record in PracticePDF.objects.filter(page=practice):
        default_storage.delete(record.file.name)
        record.delete()


def bench_urls():
    """[(name, path)] in the order to request them: "pdf-first" renders, "pdf-cached" reuses."""
    spanish_index = PracticeIndexPage.objects.live().get(locale__language_code="es")
    english_index = PracticeIndexPage.objects.live().get(locale__language_code="en")
    practice = _demo_practice("en")
    pdf = practice.url + practice.reverse_subpage("pdf")
    return [
        ("practices-index-es", spanish_index.url),
        ("practices-index-en-filtered", english_index.url + "?sdg=11&status=operating"),
        ("practice-detail-en", practice.url),
        ("practice-pdf-first", pdf),
        ("practice-pdf-cached", pdf),
    ]
