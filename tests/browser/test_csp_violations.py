"""The pages obey their Content-Security-Policy while a visitor searches and switches colours.

Violations are collected by a listener installed before any page script runs; console errors
and uncaught exceptions count as failures too (a blocked script shows up as both).
"""

from __future__ import annotations

import pytest

from tests.browser.conftest import WIDTHS, open_search, wait_for

LISTEN = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`);
});
"""
PAGES = {
    "start": "",
    "office": "stellen/leipzig-plagwitz/",
    "404": "stellen/gibt-es-nicht/",  # served as 404.html, with absolute links
    "hinweise": "hinweise/",
}


def watched_page(new_page, width):
    page = new_page(width=width)
    page.add_init_script(LISTEN)
    errors: list[str] = []

    def console(message):
        # The 404 page's own status is logged as an error by Chromium; any other error counts.
        own_404 = "status of 404" in message.text and message.location.get("url") == page.url
        if message.type == "error" and not own_404:
            errors.append(f"{message.text} ({message.location.get('url')})")

    page.on("console", console)
    page.on("pageerror", lambda error: errors.append(str(error)))
    return page, errors


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", PAGES)
def test_no_violation_while_searching_and_switching_colours(server, new_page, name, width):
    page, errors = watched_page(new_page, width)
    response = page.goto(server + PAGES[name])
    assert response.status == (404 if name == "404" else 200)
    assert page.locator('meta[http-equiv="Content-Security-Policy"]').count() == 1

    open_search(page, "miete")  # the worker loads the index and lunr.de; results must appear
    assert page.locator(".md-search-result__list > li").count() > 0
    page.keyboard.press("Escape")

    scheme = page.evaluate("document.body.dataset.mdColorScheme")
    page.locator("form[data-md-component=palette] label:visible").click()
    wait_for(page, f"document.body.dataset.mdColorScheme !== {scheme!r}")

    assert page.evaluate("window.__violations") == []
    assert errors == []


def test_the_listener_sees_a_violation(server, new_page):
    """Negative control: an injected inline script is blocked and reported, so the test above can fail."""
    page, errors = watched_page(new_page, 1280)
    page.goto(server)
    assert errors == []
    page.evaluate(
        "() => { const s = document.createElement('script'); s.textContent = 'window.__ran = 1'; document.body.append(s); }"
    )
    wait_for(page, "window.__violations.length > 0")
    assert page.evaluate("window.__ran") is None
    assert page.evaluate("window.__violations")[0].startswith("script-src")
    assert any("Content Security Policy" in error for error in errors)  # the console check sees it too
