"""Real-browser helpers: Debian's Chromium driven by Playwright, and axe-core checks.

The `browser` and `browser_page` fixtures live in tests/conftest.py; mark such tests with
``@pytest.mark.browser``. Build the pages once per module: a module fixture that uses
``module_live_server`` and commits its data inside ``committed_for_module`` (tests/module_data.py),
with tests marked ``django_db``, as tests/test_foundation_browser.py does. pytest-django's
``live_server`` with ``transactional_db`` also works, but empties the database after every test.
"""

from pathlib import Path

from axe_playwright_python.sync_playwright import Axe

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

_axe = Axe()

# The promise is WCAG 2.2 AA: run exactly those rules (every level up to AA of 2.0, 2.1 and 2.2)
# plus axe's best practices, named explicitly so that a new axe-core default cannot narrow them.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}


def axe_violations(page) -> list:
    """axe-core's violations of the WCAG 2.2 A/AA rules and best practices on the page as it is
    now: [{id, impact, help, nodes: [...]}].

    Each node is summarised as its CSS target and the first check's message, so that
    ``assert axe_violations(page) == []`` fails with a message a person can act on.
    """
    results = _axe.run(page, options=AXE_OPTIONS)
    violations = []
    for violation in results.response["violations"]:
        nodes = []
        for node in violation["nodes"]:
            checks = node.get("any", []) + node.get("all", []) + node.get("none", [])
            message = checks[0]["message"] if checks else ""
            nodes.append(f"{', '.join(map(str, node['target']))}: {message}")
        violations.append(
            {
                "id": violation["id"],
                "impact": violation["impact"],
                "help": violation["help"],
                "nodes": nodes,
            }
        )
    return violations
