"""'Seite teilen' on an office page, at 390×844 with touch in Chromium: the Web Share API where the
browser has it, else the link is copied (the clipboard and the share sheet are stood in for by
recorders: a headless browser has neither a share sheet nor a person to paste)."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.browser.test_finder import MORNING
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
