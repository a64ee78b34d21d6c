"""The objectives overview, an objective's page and the needs list in Chromium, in both
languages, with axe-core: no violations; a wide table's caption stays in view as it scrolls."""

import pytest

from .browser import axe_violations
from .module_data import committed_for_module

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


@pytest.fixture(scope="module")
def demo(django_db_blocker, initial_rows, module_live_server):
    from django.core.management import call_command

    with committed_for_module(django_db_blocker, initial_rows):
        call_command("load_demo", "--no-admin")
        yield module_live_server


@pytest.mark.parametrize(
    ("path", "heading"),
    [
        ("/es/objetivos/", "Objetivos de la ciudad"),
        ("/en/objectives/", "City objectives"),
        ("/es/objetivos/agua-y-energia-limpias/", "Agua y energía limpias"),
        ("/en/objectives/agua-y-energia-limpias/", "Clean water and energy"),
        ("/es/objetivos/needs/", "Proyectos de la ciudad: necesidades y respuestas"),
        ("/en/objectives/needs/", "City projects: needs and answers"),
        ("/es/misiones/carbon-methodology/", "Cómo se estiman las emisiones de los viajes"),
    ],
)
def test_return_pages_pass_axe_in_both_languages(demo, browser_page, path, heading):
    browser_page.goto(demo.url + path)
    assert heading in browser_page.locator("h1").inner_text()
    assert axe_violations(browser_page) == []


@pytest.mark.parametrize("width", [1280, 390])
def test_a_wide_tables_caption_is_read_whole_while_the_table_scrolls(demo, browser_page, width):
    browser_page.set_viewport_size({"width": width, "height": 900})
    browser_page.goto(demo.url + "/es/objetivos/")
    scroller = browser_page.locator(".table-scroll").first
    caption = scroller.locator("caption")
    assert "emisiones estimadas" in caption.inner_text()
    box, shown = caption.bounding_box(), scroller.bounding_box()
    assert browser_page.evaluate("s => s.scrollWidth > s.clientWidth", scroller.element_handle())
    assert box["x"] >= shown["x"] and box["x"] + box["width"] <= shown["x"] + shown["width"] + 1
    scroller.evaluate("s => { s.scrollLeft = s.scrollWidth; }")
    box = caption.bounding_box()
    assert box["x"] >= shown["x"] and box["x"] + box["width"] <= shown["x"] + shown["width"] + 1
