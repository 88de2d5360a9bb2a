"""WCAG 2.1 AA in every language (issue 19): axe-core finds no violation on the translated pages, at
390 and 1280 px, in the light and the dark colour scheme; right to left in Arabic and Persian.

The pages each language has: the start page (also with the finder's results, its filters open),
an office, a district, the summaries of the advice and the privacy notice. The German pages are
tests/browser/test_axe.py's, the site search (German) its too.
"""

from __future__ import annotations

import pytest
from linkshilft import languages
from playwright.sync_api import expect

from tests.browser.test_axe import SCHEMES, violations
from tests.browser.test_finder import MORNING, search, settled
from tests.test_language_versions import OTHER

PAGES = {
    "start": "",
    "office": "stellen/leipzig-plagwitz/",
    "district": "kreise/leipzig/",
    "hints": "hinweise/",
    "privacy": "datenschutz/",
}
WIDTHS = (390, 1280)  # a phone as the issue names it, and a desktop


def open_in(new_page, url: str, code: str, width: int, scheme: str):
    page = new_page(width=width, scheme=scheme)
    page.clock.set_fixed_time(MORNING)
    page.goto(url)
    expect(page.locator("html")).to_have_attribute("lang", code)
    expect(page.locator("body")).to_have_attribute("dir", languages.language(code).direction)  # as Material sets it
    assert page.evaluate("document.body.dataset.mdColorScheme") == SCHEMES[scheme]
    return page


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("where", [(code, path) for code in OTHER for path in PAGES.values()],
                         ids=[f"{code}-{name}" for code in OTHER for name in PAGES])
def test_no_axe_violations_in_every_language(server, new_page, where, width, scheme):
    code, path = where
    page = open_in(new_page, f"{server}{code}/{path}", code, width, scheme)
    assert violations(page) == []


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("code", OTHER)
def test_no_axe_violations_with_the_finders_results_in_every_language(server, new_page, code, width, scheme):
    page = open_in(new_page, f"{server}{code}/", code, width, scheme)
    expect(page.locator("#finder")).to_be_visible()
    settled(page)
    search(page, "04109")
    page.click("#lh-filter summary")
    expect(page.locator("#lh-ergebnisse > li").first).to_be_visible()
    assert violations(page, "#finder") == []  # the rest of the page was checked above
