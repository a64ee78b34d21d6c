"""Layout in a real Chromium at phone to desktop widths: key figures never break inside a
number, wide tables scroll inside a labelled focusable region, and no page scrolls sideways at
320 px (WCAG 1.4.10 reflow)."""

import pytest

from .front_site import build_front_site, front_pages

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# For each figure: its text, how many lines it takes, and whether it overflows its box.
FIGURE_LINES = """() => Array.from(document.querySelectorAll('.figure-item dd')).map(dd => {
  const range = document.createRange();
  range.selectNodeContents(dd);
  const lines = new Set(Array.from(range.getClientRects()).map(rect => Math.round(rect.top)));
  return {text: dd.textContent.trim(), lines: lines.size, overflows: dd.scrollWidth > dd.clientWidth};
})"""


@pytest.fixture
def site(live_server, home, english_home, translate):
    pages = build_front_site(home, translate)
    return live_server.url, front_pages(pages)


def test_key_figures_keep_each_number_on_one_line(site, browser_page):
    url, pages = site
    broken = {}
    for width in (320, 375, 768, 1024, 1280):
        browser_page.set_viewport_size({"width": width, "height": 900})
        for name in ("home", "missions index", "mission page"):
            for path in pages[name]:
                browser_page.goto(url + path)
                figures = browser_page.evaluate(FIGURE_LINES)
                assert len(figures) >= 4, path
                # demo-sized amounts: "$25.099.167", "CLP25,099,167"
                assert any(len(figure["text"]) >= 11 for figure in figures), figures
                for figure in figures:
                    if figure["lines"] != 1 or figure["overflows"]:
                        broken.setdefault(f"{path} at {width} px", []).append(figure)
    assert broken == {}


def test_no_page_scrolls_sideways_at_320_px(site, browser_page):
    url, pages = site
    browser_page.set_viewport_size({"width": 320, "height": 800})
    too_wide = {}
    for paths in pages.values():
        for path in paths:
            browser_page.goto(url + path)
            assert browser_page.locator("h1").count() == 1, path
            width = browser_page.evaluate("document.documentElement.scrollWidth")
            if width > browser_page.evaluate("window.innerWidth"):
                too_wide[path] = width
    assert too_wide == {}


def test_wide_tables_scroll_in_a_labelled_focusable_region(site, browser_page):
    url, pages = site
    browser_page.set_viewport_size({"width": 375, "height": 800})
    seen = 0
    for name in ("mission page", "missions index", "data dictionary", "practice page"):
        for path in pages[name]:
            browser_page.goto(url + path)
            tables = browser_page.evaluate(
                """() => Array.from(document.querySelectorAll('main table')).map(table => {
                  const box = table.parentElement;
                  const label = document.getElementById(box.getAttribute('aria-labelledby') || '');
                  return {
                    caption: table.caption ? table.caption.textContent.trim() : '',
                    role: box.getAttribute('role'),
                    tabindex: box.getAttribute('tabindex'),
                    label: label ? label.textContent.trim() : '',
                    scrolls: getComputedStyle(box).overflowX,
                  };
                })"""
            )
            assert tables, path
            for table in tables:
                seen += 1
                assert table == {
                    "caption": table["caption"],
                    "role": "region",
                    "tabindex": "0",
                    "label": table["caption"],
                    "scrolls": "auto",
                }, path
                assert table["caption"], path
    assert seen >= 10
    # The cost table: wider than a phone, so it scrolls inside its box and its amounts stay whole.
    browser_page.goto(url + pages["mission page"][1])
    costs = browser_page.locator("table.mission-costs")
    box = browser_page.get_by_role("region", name="Cost lines")
    assert box.evaluate("box => box.scrollWidth > box.clientWidth")
    box.focus()
    assert browser_page.evaluate("document.activeElement.getAttribute('aria-labelledby')") == (
        "costs-caption"
    )
    browser_page.keyboard.press("ArrowRight")
    browser_page.wait_for_function("() => document.activeElement.scrollLeft > 0")
    amounts = costs.locator("td.num").evaluate_all(
        """cells => cells.map(cell => {
          const tops = new Set();
          const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
          while (walker.nextNode()) {
            if (walker.currentNode.parentElement.closest('.visually-hidden')) continue;
            const range = document.createRange();
            range.selectNodeContents(walker.currentNode);
            for (const rect of range.getClientRects()) tops.add(Math.round(rect.top));
          }
          return [cell.textContent, tops.size];
        })"""
    )
    assert len(amounts) >= 9
    assert [(text, lines) for text, lines in amounts if lines != 1] == []
