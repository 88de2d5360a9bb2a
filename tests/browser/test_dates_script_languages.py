"""linkshilft.js on a translated page (real Chromium): "Heute"/"Morgen" and "läuft gerade" in the page's
language, from the data block the build writes (catalog "termine"), not in German.

data/offices/leipzig/leipzig-gruenau.yaml: Mondays 10–12 with registration; the session build is
computed for Wednesday 25 November 2026, the browser's clock is moved with Playwright's clock API.
"""

from __future__ import annotations

import datetime as dt

from linkshilft.schedule import dates
from playwright.sync_api import expect

from tests.support import TODAY

BERLIN = dates.TIMEZONE
MONDAY = dt.date(2026, 11, 30)


def test_a_running_date_on_a_ukrainian_office_page_says_so_in_ukrainian(server, new_page):
    page = new_page(width=390, height=844)
    page.clock.set_fixed_time(dt.datetime.combine(MONDAY, dt.time(10, 30), BERLIN))
    page.goto(f"{server}uk/stellen/leipzig-gruenau/")
    expect(page.locator(".lh-running")).to_have_text(" – триває зараз, до 12:00")
    expect(page.locator(".lh-running")).to_have_count(1)


def test_a_running_date_on_an_english_page_has_the_pages_clock(server, new_page):
    page = new_page(width=390, height=844)
    page.clock.set_fixed_time(dt.datetime.combine(MONDAY, dt.time(10, 30), BERLIN))
    page.goto(f"{server}en/stellen/leipzig-gruenau/")
    expect(page.locator(".lh-running")).to_have_text(" – running now, until 12:00 PM")


def test_heute_and_morgen_follow_the_visitor_in_ukrainian(server, new_page, dataset):
    # An office with an hour the day after the build: labelled "Завтра" then, "Сьогодні" a day later.
    tomorrow = TODAY + dt.timedelta(days=1)
    office = next(
        o
        for o in dataset.public_offices()
        if (n := dates.next_dates(o.counselling, dataset.closures, TODAY, 1)) and n[0].start.date() == tomorrow
    )
    page = new_page(width=390, height=844)
    page.clock.set_fixed_time(dt.datetime.combine(tomorrow, dt.time(7, 0), BERLIN))
    page.goto(f"{server}uk/stellen/{office.id}/")
    first = page.locator("ol.lh-dates > li:not([hidden])").first
    expect(first.locator(".lh-relative")).to_have_text("Сьогодні:")
    body = page.locator("article").inner_text()
    assert "Heute" not in body and "Morgen" not in body and "läuft" not in body
