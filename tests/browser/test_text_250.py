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


@pytest.mark.parametrize("size", PHONES)
@pytest.mark.parametrize("url", ["", "stellen/leipzig-gruenau/", "termine/", "hinweise/", "kreise/leipzig/"])
def test_no_sideways_scroll_at_250_percent_text(server, new_page, size, url):
    page = at_250(new_page, server, size, url)
    assert_no_sideways_scroll(page)


@pytest.mark.parametrize("size", PHONES)
def test_results_and_open_filters_fit_at_250_percent_text(server, new_page, size):
    page = at_250(new_page, server, size, "?ort=04209&ohne-anmeldung=1")
    settled(page)
    expect(page.locator("#lh-ergebnisse > li").first).to_be_visible()
    expect(page.locator("#lh-filter")).to_have_attribute("open", "")
    assert_no_sideways_scroll(page)


# The first words of the site's name ("Links.hilft") lie wholly inside the title's visible box,
# which lies inside the screen; Material's title used to shrink to nothing beside the icon buttons.
TITLE_SHOWN = """() => {
  const title = document.querySelector('.md-header__title'), span = title.querySelector('.md-header__topic .md-ellipsis');
  const text = [...span.childNodes].find(n => n.nodeType === Node.TEXT_NODE && n.data.includes('Links.hilft'));
  const range = document.createRange(), start = text.data.indexOf('Links.hilft');
  range.setStart(text, start);
  range.setEnd(text, start + 'Links.hilft'.length);
  const word = range.getBoundingClientRect(), box = span.getBoundingClientRect(), bar = title.getBoundingClientRect();
  return {width: bar.width, word: word.width > 0 && word.left >= box.left - 1 && word.right <= box.right + 1
    && word.top >= box.top - 1 && word.bottom <= box.bottom + 1 && box.left >= 0 && box.right <= innerWidth};
}"""
NARROW = {"320x568": (320, 568), **PHONES}


@pytest.mark.parametrize("size", NARROW)
@pytest.mark.parametrize("url", ["", "stellen/leipzig-gruenau/"])
def test_the_header_title_stays_readable_at_250_percent_text(server, new_page, size, url):
    width, height = NARROW[size]
    page = new_page(width=width, height=height, has_touch=True, is_mobile=True)
    page.goto(server + url)
    page.evaluate("document.documentElement.style.fontSize = '250%'")
    shown = page.evaluate(TITLE_SHOWN)
    assert shown["width"] > 0 and shown["word"], shown
    assert_no_sideways_scroll(page)
    # The navigation and the site search stay one tap away, inside the screen.
    for button in ("label.md-header__button[for=__drawer]", "label.md-header__button[for=__search]"):
        box = page.locator(button).bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= width and box["width"] >= 24, button
    page.locator("label.md-header__button[for=__search]").tap()
    expect(page.locator("input.md-search__input")).to_be_focused()


@pytest.mark.parametrize("size", ["320x568", "390x844"])
def test_at_ordinary_text_size_the_header_keeps_its_colour_scheme_button(server, new_page, size):
    width, height = NARROW[size]
    page = new_page(width=width, height=height, has_touch=True, is_mobile=True)
    page.goto(server)
    expect(page.locator("form.md-header__option label.md-header__button:not([hidden])")).to_be_visible()
    assert page.evaluate(TITLE_SHOWN)["word"]
