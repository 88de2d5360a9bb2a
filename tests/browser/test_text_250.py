"""Text at 250 % on a phone (WCAG 1.4.4 and 1.4.10): nothing makes the page scroll sideways.

The browser's text size is stood in for by the root font size (rem-based, as Material sizes
everything); set through the CSSOM, which the CSP allows.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.test_finder import MORNING, settled
from tests.browser.test_finder_phone import PHONES

WIDER = """() => {
  const width = document.documentElement.clientWidth;
  return [...document.querySelectorAll('body *')].filter(e => {
    const r = e.getBoundingClientRect();
    return r.width > 0 && r.right > width + 1 && !e.closest('.md-sidebar, .md-search, [hidden]');
  }).map(e => e.tagName + '.' + e.className);
}"""


def at_250(new_page, server, size, url):
    width, height = PHONES[size]
    page = new_page(width=width, height=height, has_touch=True, is_mobile=True)
    page.clock.set_fixed_time(MORNING)
    page.goto(server + url)
    page.evaluate("document.documentElement.style.fontSize = '250%'")
    return page


def assert_no_sideways_scroll(page):
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth"), page.evaluate(WIDER)


@pytest.mark.parametrize("size", ["360x640", "390x844"])
@pytest.mark.parametrize("url", ["", "stellen/leipzig-gruenau/", "termine/", "hinweise/", "kreise/leipzig/"])
def test_no_sideways_scroll_at_250_percent_text(server, new_page, size, url):
    page = at_250(new_page, server, size, url)
    assert_no_sideways_scroll(page)


@pytest.mark.parametrize("size", ["360x640", "390x844"])
def test_results_and_open_filters_fit_at_250_percent_text(server, new_page, size):
    page = at_250(new_page, server, size, "?ort=04209&ohne-anmeldung=1")
    settled(page)
    expect(page.locator("#lh-ergebnisse > li").first).to_be_visible()
    expect(page.locator("#lh-filter")).to_have_attribute("open", "")
    assert_no_sideways_scroll(page)
