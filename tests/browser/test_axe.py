"""WCAG 2.1 AA: axe-core finds no violation, on phone and desktop widths, in both colour schemes.

Each page is checked as loaded, then the search dialog is opened, showing results, and checked.
axe-core comes bundled with axe-playwright-python (its version is in the failure message).
"""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.conftest import WIDTHS, open_search

PAGES = {
    "start": "",
    "office": "stellen/leipzig-plagwitz/",
    "district": "kreise/leipzig/",
    "hinweise": "hinweise/",
    "impressum": "impressum/",
    "datenschutz": "datenschutz/",
    "barrierefreiheit": "barrierefreiheit/",
    "leichte-sprache": "leichte-sprache/",
    "404": "404.html",
}
SCHEMES = {"light": "default", "dark": "slate"}
AXE = Axe()


def violations(page, context: str | None = None) -> list[str]:
    results = AXE.run(page, context).response
    return [
        f"{v['id']} ({v['impact']}): {', '.join(str(node['target']) for node in v['nodes'][:5])} – {v['help']} "
        f"[axe {results['testEngine']['version']}]"
        for v in results["violations"]
    ]


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", PAGES)
def test_no_axe_violations(server, new_page, name, width, scheme):
    page = new_page(width=width, scheme=scheme)
    page.goto(server + PAGES[name])
    assert page.evaluate("document.body.dataset.mdColorScheme") == SCHEMES[scheme]
    assert violations(page) == []
    open_search(page, "miete")
    assert violations(page, ".md-search") == []  # the rest of the page was checked above


def test_axe_finds_a_known_violation(server, new_page):
    """Negative control: the check above can fail."""
    page = new_page()
    page.goto(server + "hinweise/")
    page.evaluate("document.querySelector('article a').style.color = '#eeeeee'")
    assert any(v.startswith("color-contrast") for v in violations(page))
