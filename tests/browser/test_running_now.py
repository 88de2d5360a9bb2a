"""'Läuft gerade, bis 12:00 Uhr': a consultation that has begun and not ended, on the result card and
the office page, decided in the browser from the build's data (pages are built once a day).

data/offices/leipzig/leipzig-gruenau.yaml: Mondays 10–12 with registration; Monday 30 November 2026.
"""

from __future__ import annotations

import datetime as dt

import pytest
from playwright.sync_api import expect

from tests.browser.test_finder import BERLIN, settled
from tests.browser.test_finder_phone import PHONES

CARD = '#lh-ergebnisse > li[data-office="leipzig-gruenau"] .lh-next'


def at(new_page, server, when, url):
    page = new_page(width=PHONES["390x844"][0], height=PHONES["390x844"][1], has_touch=True, is_mobile=True)
    page.clock.set_fixed_time(dt.datetime(2026, 11, 30, *when, tzinfo=BERLIN))
    page.goto(server + url)
    return page


@pytest.mark.parametrize(
    ("when", "card"),
    [
        ((9, 59), "Nächster Termin: Heute, Mo, 30. Nov., 10:00–12:00 Uhr – nur mit Anmeldung"),
        ((10, 0), "Läuft gerade, bis 12:00 Uhr – nur mit Anmeldung"),
        ((11, 59), "Läuft gerade, bis 12:00 Uhr – nur mit Anmeldung"),
        ((12, 1), "Nächster Termin: Mi, 2. Dez., 15:00–18:00 Uhr"),
    ],
)
def test_the_card_says_when_a_consultation_is_running(server, new_page, when, card):
    page = at(new_page, server, when, "?ort=04209")
    settled(page)
    expect(page.locator(CARD)).to_have_text(card)


def test_the_office_page_marks_the_running_date(server, new_page):
    page = at(new_page, server, (10, 30), "stellen/leipzig-gruenau/")
    first = page.locator("ol.lh-dates > li:not([hidden])").first
    expect(first.locator(".lh-running")).to_have_text(" – läuft gerade, bis 12:00 Uhr")
    expect(first.locator("time")).to_have_attribute("datetime", "2026-11-30T10:00:00+01:00")
    expect(page.locator(".lh-running")).to_have_count(1)


def test_the_office_page_marks_nothing_before_or_after(server, new_page):
    for when in ((9, 59), (12, 1)):
        page = at(new_page, server, when, "stellen/leipzig-gruenau/")
        expect(page.locator("ol.lh-dates > li:not([hidden])").first).to_be_visible()
        expect(page.locator(".lh-running")).to_have_count(0)
