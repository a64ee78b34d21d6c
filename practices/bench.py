"""Benchmark hooks for scripts/bench.py: the practices pages a partner abroad actually loads.

``prepare()`` makes sure the demo practices exist and removes the stored PDF of the benchmarked
practice, so that the first PDF request measures rendering and the next ones the stored file.
"""

from django.core.files.storage import default_storage
from wagtail.models import Locale

from .models import PracticeIndexPage, PracticePage, PracticePDF

BENCH_SLUG = "buses-nocturnos-de-barrio"


def demo_practice(slug, language="es"):
    """A demo practice by its Spanish slug, loading the demo first if needed; ``language="en"``
    returns its English translation."""
    from home.demo.loader import Loader, demo_apps

    page = PracticePage.objects.filter(locale__language_code="es", slug=slug).first()
    if page is None:
        Loader().load(demo_apps(only=["practices"]))
        page = PracticePage.objects.get(locale__language_code="es", slug=slug)
    if language != "es":
        return page.get_translation(Locale.objects.get(language_code=language))
    return page


def _demo_practice(language):
    return demo_practice(BENCH_SLUG, language)


def prepare(count=0, stdout=None):
    """Demo practices, plus ``count`` synthetic ones (seed_practices) when asked for."""
    from home.demo.loader import Loader, demo_apps

    from .seed import seed, spanish_index

    Loader(stdout).load(demo_apps(only=["practices"]))
    if count:
        seed(spanish_index(), count)
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


def measurements():
    """PDF rendering time (what a first download waits for) against reading the stored file."""
    import time

    from .pdf import render_pdf, stored_pdf

    practice = _demo_practice("en")
    started = time.perf_counter()
    content = render_pdf(practice)
    rendered = time.perf_counter() - started
    record = stored_pdf(practice)
    started = time.perf_counter()
    with default_storage.open(record.file.name, "rb") as handle:
        handle.read()
    stored = time.perf_counter() - started
    return [
        ("practice PDF render (ms)", f"{rendered * 1000:.0f}"),
        ("practice PDF read from storage (ms)", f"{stored * 1000:.1f}"),
        ("practice PDF size (bytes)", len(content)),
    ]
