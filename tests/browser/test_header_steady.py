"""The header stands still while a page loads, and a phone's page fits its screen with or without JavaScript.

Material marks a page `no-js` and switches to `js` when its bundle has run, at the end; under
`no-js` it hides its search. The buttons beside the search then stood elsewhere until the bundle ran
and jumped (Lighthouse counted it as layout shift), and the switch made the phone restyle the whole
page. Now the head switches the class at once (partials/javascripts/js-class.html), and without
JavaScript the search's place is kept empty, so both states have one header. The language list,
centred under its button, stood out past a phone's edge, so the page could be moved sideways (on
/ar/ the whole page moved while loading; without JavaScript the phone zoomed the page out).
"""

from __future__ import annotations

import pytest

from tests.browser.test_finder_phone import PHONES

# Where each thing in the header bar begins (its left edge; its right edge on right-to-left pages).
# Left out: the search, which only the script makes work, and the colour scheme's button, which the
# script shows. Both appear in a place kept for them or beside the title, which only grows narrower.
HEADER_STARTS = """() => {
  const rtl = getComputedStyle(document.body).direction === 'rtl';
  return [...document.querySelectorAll('.md-header__inner > *, .md-header__option > *')]
    .filter(e => !e.matches('.md-search, [for=__search], [data-md-component=palette], [data-md-component=palette] *')
      && getComputedStyle(e).visibility === 'visible' && e.getBoundingClientRect().width > 0)
    .map(e => { const r = e.getBoundingClientRect();
      return [e.className, Math.round(rtl ? innerWidth - r.right : r.left), Math.round(r.top)]; });
}"""
FITS = """() => [document.documentElement.scrollWidth, document.documentElement.clientWidth, window.innerWidth]"""


def open_page(new_page, url, width, script):
    page = new_page(width=width, height=844, is_mobile=width < 600, has_touch=width < 600, java_script_enabled=script)
    page.goto(url)
    if script:
        page.wait_for_function("document.documentElement.classList.contains('js')")
    return page


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("path", ["", "stellen/leipzig-gruenau/", "ar/", "ar/stellen/leipzig-gruenau/"])
def test_the_header_buttons_stand_where_they_stand_once_the_script_has_run(server, new_page, width, path):
    before = open_page(new_page, server + path, width, script=False).evaluate(HEADER_STARTS)
    after = open_page(new_page, server + path, width, script=True).evaluate(HEADER_STARTS)
    assert [box[0] for box in before].count("md-select") == 1, before  # the language list's button was found
    assert before == after


@pytest.mark.parametrize("size", PHONES)
@pytest.mark.parametrize("path", ["", "ar/", "uk/stellen/leipzig-gruenau/", "ar/stellen/leipzig-gruenau/"])
@pytest.mark.parametrize("script", [False, True], ids=["ohne-js", "mit-js"])
def test_a_phone_s_page_fits_its_screen_before_and_without_the_script(server, new_page, size, path, script):
    width, _ = PHONES[size]
    scroll_width, client_width, inner_width = open_page(new_page, server + path, width, script).evaluate(FITS)
    assert (scroll_width, client_width, inner_width) == (width, width, width)


@pytest.mark.parametrize("path", ["", "ar/"])
def test_the_page_has_its_final_header_before_the_theme_s_bundle_has_run(server, new_page, path):
    """The bundle held back: the page is already `js`, the search button is shown where it will stay."""
    final = open_page(new_page, server + path, 390, script=True).evaluate(HEADER_STARTS)
    page = new_page(width=390, height=844, is_mobile=True, has_touch=True)
    page.route("**/assets/javascripts/bundle.*.min.js", lambda route: route.abort())
    page.goto(server + path)
    assert page.evaluate("document.documentElement.className") == "js"
    assert page.locator("label.md-header__button[for=__search]").is_visible()
    assert page.evaluate(HEADER_STARTS) == final


@pytest.mark.parametrize(("scheme", "expected"), [("dark", "slate"), ("light", "default")])
def test_a_first_visit_has_the_device_s_colour_scheme_before_the_theme_s_bundle_has_run(server, new_page, scheme, expected):
    """Material's bundle picked the device's scheme only at the end of the page: a phone set to dark
    saw the page light first, then all of it restyled. partials/javascripts/scheme.html picks it as
    soon as the header is read; a choice saved before still wins (Material's own script)."""
    page = new_page(width=390, height=844, scheme=scheme, is_mobile=True, has_touch=True)
    page.route("**/assets/javascripts/bundle.*.min.js", lambda route: route.abort())
    page.goto(server)
    assert page.evaluate("document.body.dataset.mdColorScheme") == expected
    assert page.evaluate("getComputedStyle(document.querySelector('.lh-card__title a')).color") == (
        "rgb(255, 123, 114)" if scheme == "dark" else "rgb(204, 0, 0)")
    page.evaluate("""__md_set("__palette", {index: 0, color: {media: "(prefers-color-scheme: light)",
        scheme: "default", primary: "red", accent: "red"}})""")  # chosen light with the toggle
    page.reload()
    assert page.evaluate("document.body.dataset.mdColorScheme") == "default"


HEADING_SHOWN = """(id) => {
  const heading = document.getElementById(id).getBoundingClientRect();
  const header = document.querySelector('.md-header').getBoundingClientRect();
  return [Math.round(heading.top - header.bottom), Math.round(innerHeight - heading.bottom)];
}"""


@pytest.mark.parametrize("path", ["", "ar/"])
def test_a_link_to_a_district_shows_its_heading_below_the_page_s_header(server, new_page, path):
    """Cards far down are laid out only near the screen (content-visibility), with a guessed size: the
    jump to a district landed ~50 px too far, its heading under the sticky header. Opened with the
    address and followed from the list of districts, on a phone."""
    page = new_page(width=390, height=844, is_mobile=True, has_touch=True)
    page.goto(f"{server}{path}#kreis-leipzig")
    page.wait_for_timeout(300)  # what the browser does after the first jump (cards laid out, anchoring)
    below_header, above_bottom = page.evaluate(HEADING_SHOWN, "kreis-leipzig")
    assert 0 <= below_header <= 60 and above_bottom > 0, (below_header, above_bottom)
    page.goto(server + path)
    page.locator('.lh-list nav a[href="#kreis-vogtlandkreis"]').click()
    page.wait_for_timeout(300)
    below_header, above_bottom = page.evaluate(HEADING_SHOWN, "kreis-vogtlandkreis")
    assert 0 <= below_header <= 60 and above_bottom > 0, (below_header, above_bottom)
