"""Attacks in every free-text field (tests/payloads.py) run nowhere in Chromium: no dialog opens and
no script is blocked by the policy, on any page, after searching the site and using the finder."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import open_search, page_urls
from tests.browser.test_csp_violations import LISTEN


@pytest.fixture
def watched(new_page):
    """A page that records every dialog (dismissing it) and every policy violation."""
    page = new_page(width=1280)
    page.add_init_script(LISTEN)
    dialogs: list[str] = []

    def dialog(event):
        dialogs.append(f"{event.message} ({page.url})")
        event.dismiss()

    page.on("dialog", dialog)
    return page, dialogs


def test_no_page_opens_a_dialog_or_trips_the_policy(payload_build, payload_server, watched):
    page, dialogs = watched
    urls = page_urls(payload_build[0])
    assert len(urls) > 15
    violations = []
    for url in urls:
        page.goto(payload_server + url)
        page.wait_for_load_state("load")
        violations += page.evaluate("window.__violations")
    assert dialogs == []
    assert violations == []


@pytest.mark.parametrize("query", ["P0", "P1", "P2", "04229"])  # payload values start with "P<nn>"
def test_search_results_show_payloads_as_text(payload_server, watched, query):
    page, dialogs = watched
    page.goto(payload_server)
    open_search(page, query)
    results = page.locator(".md-search-result__list")
    assert "alert(" in results.inner_text()  # the payload is there, as text
    assert results.locator("img, svg[onload], x-payload, script, b, [data-payload]").count() == 0
    page.wait_for_timeout(300)
    assert dialogs == [] and page.evaluate("window.__violations") == []


def test_the_finder_shows_payloads_as_text(payload_server, watched):
    page, dialogs = watched
    page.goto(payload_server)
    expect(page.locator("#finder")).to_be_visible()
    page.locator("#lh-q").press_sequentially("P0", delay=20)  # suggestions from the data's places
    page.fill("#lh-q", "04229")
    page.press("#lh-q", "Enter")
    expect(page.locator("#lh-status")).to_contain_text("gefunden")
    results = page.locator("#lh-ergebnisse")
    expect(results.locator("li").first).to_contain_text("<script>alert(1)</script>")
    assert results.locator("img, x-payload, script, b, [data-payload]").count() == 0
    page.wait_for_timeout(300)
    assert dialogs == [] and page.evaluate("window.__violations") == []
