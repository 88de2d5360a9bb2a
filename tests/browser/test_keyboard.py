"""Keyboard use: the first Tab reaches "Zum Inhalt", which moves focus past header and navigation;
focused links are visibly outlined."""

from __future__ import annotations

import pytest

PAGES = {"start": "", "office": "stellen/leipzig-plagwitz/", "hinweise": "hinweise/", "404": "stellen/gibt-es-nicht/"}


@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("name", PAGES)
def test_first_tab_is_a_visible_skip_link_to_the_main_heading(server, new_page, name, width):
    page = new_page(width=width)
    page.goto(server + PAGES[name])
    page.keyboard.press("Tab")
    focused = page.evaluate(
        "(() => { const e = document.activeElement, r = e.getBoundingClientRect();"
        " return {skip: e.classList.contains('md-skip'), text: e.textContent.trim(), href: e.getAttribute('href'),"
        " visible: r.width > 0 && r.height > 0 && r.top >= 0 && r.bottom <= innerHeight}; })()"
    )
    assert focused["skip"] and focused["text"] == "Zum Inhalt"
    assert focused["visible"]
    page.keyboard.press("Enter")
    target = focused["href"].removeprefix("#")
    assert page.evaluate("location.hash") == f"#{target}"
    assert page.evaluate(f"document.getElementById({target!r}).closest('main') !== null")
    # The next Tab lands in the page content, not back in the header.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('header') === null")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_keyboard_focus_is_outlined(server, new_page, scheme):
    page = new_page(width=1280, scheme=scheme)
    page.goto(server + "hinweise/")
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.closest('article') !== null"):
            break
    else:
        pytest.fail("no link in the article reached with Tab")
    style = page.evaluate(
        "(() => { const s = getComputedStyle(document.activeElement); return [s.outlineStyle, s.outlineWidth]; })()"
    )
    assert style[0] != "none" and float(style[1].removesuffix("px")) >= 2
