"""'Seite teilen' on an office page and 'Teilen' on each result of the finder, on a phone with touch in
Chromium: the Web Share API where the browser has it, else the link is copied (the clipboard and the
share sheet are stood in for by recorders: a headless browser has neither a share sheet nor a person
to paste)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import wait_for
from tests.browser.test_finder import MORNING, settled
from tests.browser.test_finder_phone import PHONES

RECORD_SHARE = "window.__shared = []; navigator.share = (data) => { window.__shared.push(data); return Promise.resolve(); };"
RECORD_COPY = """
delete Navigator.prototype.share; delete navigator.share;
window.__copied = [];
const writeText = (text) => { window.__copied.push(text); return Promise.resolve(); };
Object.defineProperty(navigator, "clipboard", {value: {writeText}});
"""
NO_CLIPBOARD = """
delete Navigator.prototype.share; delete navigator.share;
Object.defineProperty(navigator, "clipboard", {value: undefined});
"""


def office_page(new_page, server, script, **options):
    width, height = PHONES["390x844"]
    page = new_page(width=width, height=height, has_touch=True, is_mobile=True, **options)
    page.add_init_script(script)
    page.clock.set_fixed_time(MORNING)
    page.goto(server + "stellen/leipzig-gruenau/")
    return page


def test_the_phones_share_sheet_gets_title_and_address(server, new_page):
    page = office_page(new_page, server, RECORD_SHARE)
    page.get_by_role("button", name="Seite teilen").tap()
    page.wait_for_function("window.__shared.length === 1")
    shared = page.evaluate("window.__shared[0]")
    assert shared == {"title": page.title(), "url": server + "stellen/leipzig-gruenau/"}


def test_without_a_share_sheet_the_link_is_copied(server, new_page):
    page = office_page(new_page, server, RECORD_COPY)
    page.get_by_role("button", name="Seite teilen").tap()
    expect(page.locator(".lh-share__status")).to_have_text("Link kopiert.")
    assert page.evaluate("window.__copied") == [server + "stellen/leipzig-gruenau/"]


def test_without_either_the_link_is_shown_to_copy(server, new_page):
    page = office_page(new_page, server, NO_CLIPBOARD)
    page.get_by_role("button", name="Seite teilen").tap()
    expect(page.locator(".lh-share__status")).to_have_text(f"Link zum Kopieren: {server}stellen/leipzig-gruenau/")


def test_without_javascript_there_is_no_dead_button(server, new_page):
    width, height = PHONES["390x844"]
    page = new_page(width=width, height=height, java_script_enabled=False)
    page.goto(server + "stellen/leipzig-gruenau/")
    expect(page.get_by_role("button", name="Seite teilen")).to_be_hidden()


# --- each result of the finder ------------------------------------------------------------------------

GRUENAU = '#lh-ergebnisse > li[data-office="leipzig-gruenau"]'


def results_page(new_page, server, script, size="390x844"):
    width, height = PHONES[size]
    page = new_page(width=width, height=height, has_touch=True, is_mobile=True)
    page.add_init_script(script)
    page.clock.set_fixed_time(MORNING)
    page.goto(server + "?ort=04209")
    settled(page)
    return page


@pytest.mark.parametrize("size", PHONES)
def test_a_result_is_shared_with_the_phones_share_sheet(server, new_page, dataset, size):
    page = results_page(new_page, server, RECORD_SHARE, size)
    name = dataset.offices["leipzig-gruenau"].name
    button = page.locator(GRUENAU).get_by_role("button", name=f"{name} teilen")
    expect(button).to_have_text("Teilen")
    button.tap()
    wait_for(page, "window.__shared.length === 1")
    assert page.evaluate("window.__shared[0]") == {"title": name, "url": server + "stellen/leipzig-gruenau/"}
    assert page.url == server + "?ort=04209"  # the page stays where it is


def test_a_result_is_shared_by_keyboard_and_its_link_copied(server, new_page):
    page = results_page(new_page, server, RECORD_COPY)
    page.locator(f"{GRUENAU} .lh-result__way a").focus()
    page.keyboard.press("Tab")  # the next stop after "Route planen" is the card's own share button
    assert page.evaluate("document.activeElement.closest('.lh-share') !== null")
    assert page.evaluate(f"document.activeElement.closest('{GRUENAU}') !== null")
    page.keyboard.press("Enter")
    expect(page.locator(f"{GRUENAU} .lh-share__status")).to_have_text("Link kopiert.")
    assert page.evaluate("window.__copied") == [server + "stellen/leipzig-gruenau/"]
    page.keyboard.press("Space")
    wait_for(page, "window.__copied.length === 2")


def test_without_either_a_results_link_is_shown_to_copy(server, new_page):
    page = results_page(new_page, server, NO_CLIPBOARD)
    page.locator(GRUENAU).get_by_role("button", name=re.compile(" teilen$")).tap()
    expect(page.locator(f"{GRUENAU} .lh-share__status")).to_have_text(f"Link zum Kopieren: {server}stellen/leipzig-gruenau/")
    expect(page.locator("#lh-ergebnisse .lh-share__status:not(:empty)")).to_have_count(1)  # only that card speaks


def test_results_shown_before_share_js_has_arrived_get_their_buttons_when_it_does(server, new_page):
    width, height = PHONES["390x844"]
    page = new_page(width=width, height=height, has_touch=True, is_mobile=True)
    page.clock.set_fixed_time(MORNING)
    held = []
    page.route("**/assets/share.js", lambda route: held.append(route))  # noqa: PLW0108 (Playwright tags the handler)
    page.goto(server + "?ort=04209", wait_until="commit")
    expect(page.locator(GRUENAU)).to_be_visible()
    while not held:
        page.wait_for_timeout(50)
    expect(page.locator(f"{GRUENAU} .lh-share button")).to_be_hidden()  # no button that does nothing
    held[0].continue_()
    expect(page.locator(f"{GRUENAU} .lh-share button")).to_be_visible()
