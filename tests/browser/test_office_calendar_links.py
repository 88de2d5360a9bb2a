"""One date into the calendar and a subscription, on the office page at 390×844 in Chromium.

Each listed date has its own .ics (one event, that date); the whole office calendar is offered as a
webcal:// subscription at the site's address (mkdocs.yml site_url).
"""

from __future__ import annotations

import datetime as dt

from icalendar import Calendar
from playwright.sync_api import expect

from tests.browser.test_finder import MORNING
from tests.browser.test_finder_phone import PHONES

SITE = "sprechstunden.linke-beispiel.de"  # mkdocs.yml: site_url


def open_office(new_page, server, office_id):
    width, height = PHONES["390x844"]
    page = new_page(width=width, height=height, has_touch=True, is_mobile=True, accept_downloads=True)
    page.clock.set_fixed_time(MORNING)
    page.goto(f"{server}stellen/{office_id}/")
    return page


def test_each_listed_date_downloads_a_calendar_with_just_that_date(server, new_page):
    page = open_office(new_page, server, "leipzig-gruenau")
    items = page.locator("ol.lh-dates > li")
    assert items.count() == 5
    for i in range(items.count()):
        item = items.nth(i)
        start = dt.datetime.fromisoformat(item.locator("time").get_attribute("datetime"))
        link = item.locator("a.lh-ics")
        expect(link).to_have_text("in den Kalender")
        expect(link).to_have_attribute("download", "")
        expect(link).to_have_accessible_name(f"Termin am {item.locator('time').inner_text()} in den Kalender")
        response = page.request.get(server + "stellen/leipzig-gruenau/" + link.get_attribute("href"))
        assert response.ok
        events = Calendar.from_ical(response.body()).walk("VEVENT")
        assert len(events) == 1
        assert events[0].decoded("DTSTART") == start
        assert str(events[0]["SUMMARY"]).endswith("Geschäftsstelle Grünau")
    with page.expect_download() as download:
        items.first.locator("a.lh-ics").tap()
    assert download.value.suggested_filename == items.first.locator("a.lh-ics").get_attribute("href")


def test_the_office_calendar_can_be_subscribed(server, new_page):
    page = open_office(new_page, server, "leipzig-gruenau")
    link = page.get_by_role("link", name="Kalender abonnieren")
    expect(link).to_have_attribute("href", f"webcal://{SITE}/stellen/leipzig-gruenau/termine.ics")
    # The same file as the download beside it, which the build writes.
    assert page.request.get(server + "stellen/leipzig-gruenau/termine.ics").ok
