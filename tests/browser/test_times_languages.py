"""One time format on pages and in the finder (real Chromium): the hour cycle is the language's (CLDR's
short time: 12 hours in English and Arabic, 24 in the others), decided once in schedule/wording.py,
so an office page and the finder's card of the same office write the same time. And the finder's
distances on an Arabic page keep their own direction, as the pages' do.

data/offices/leipzig/leipzig-gruenau.yaml: Mondays 10–12 with registration; the session build is
computed for Wednesday 25 November 2026.
"""

from __future__ import annotations

import re

import pytest
from linkshilft import languages
from linkshilft.schedule import dates, wording
from playwright.sync_api import expect

from tests.browser.test_finder import MORNING, settled
from tests.support import TODAY

OFFICE = "leipzig-gruenau"


@pytest.mark.parametrize(("code", "twelve"), [("en", "AM"), ("ar", "ص"), ("uk", None)])
def test_the_office_page_and_the_finder_card_write_the_same_time(server, new_page, dataset, code, twelve):
    office = dataset.offices[OFFICE]
    first = dates.next_dates(office.counselling, dataset.closures, TODAY, count=1)[0]
    with languages.active(code):
        expected = wording.format_time_range(first.start, first.end)
    assert (twelve in expected) if twelve else re.fullmatch(r"\d\d:\d\d–\d\d:\d\d", expected), expected

    page = new_page(width=390, height=844)
    page.clock.set_fixed_time(MORNING)
    page.goto(f"{server}{code}/stellen/{OFFICE}/")
    dated = page.locator("ol.lh-dates > li").first
    assert dated.locator("time").get_attribute("datetime") == first.start.isoformat()
    assert expected in dated.text_content()

    page.goto(f"{server}{code}/?ort=04209")
    settled(page)
    card = page.locator(f'#lh-ergebnisse > li[data-office="{OFFICE}"] .lh-next time')
    expect(card).to_have_attribute("datetime", re.compile("^" + first.start.isoformat()[:16]))
    assert expected in card.text_content()


def test_distances_in_the_arabic_finder_read_right_to_left(server, new_page):
    page = new_page(width=390, height=844)
    page.clock.set_fixed_time(MORNING)
    page.goto(f"{server}ar/?ort=04209")
    settled(page)
    distance = page.locator("#lh-ergebnisse > li .lh-result__km").first
    expect(distance).to_have_text(re.compile(r"^\d+(\.\d)? كم$"))
    assert distance.get_attribute("dir") in (None, "auto")
    assert distance.evaluate("node => getComputedStyle(node).direction") == "rtl"
