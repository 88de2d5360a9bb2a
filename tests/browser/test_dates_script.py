"""Between two daily builds, linkshilft.js hides consultation hours that have ended (real Chromium).

The session build is computed for Wednesday 25 November 2026. The browser's clock is moved
forward with Playwright's clock API; without JavaScript every date of the build day stays.
"""

from __future__ import annotations

import datetime as dt

from linkshilft.schedule import dates

from tests.support import TODAY

BERLIN = dates.TIMEZONE


def visible_starts(page, selector: str) -> list[str]:
    return page.eval_on_selector_all(
        selector, "items => items.filter(i => !i.closest('[hidden]')).map(i => i.getAttribute('datetime'))"
    )


def test_office_page_hides_hours_that_ended_after_the_build(server, new_page, dataset):
    office = dataset.offices["leipzig-plagwitz"]
    upcoming = dates.next_dates(office.counselling, dataset.closures, TODAY, count=5)
    page = new_page()
    page.clock.install(time=upcoming[0].end + dt.timedelta(minutes=1))  # just after the first hour ended
    page.goto(f"{server}stellen/leipzig-plagwitz/")
    assert visible_starts(page, "ol.lh-dates time") == [o.start.isoformat() for o in upcoming[1:]]


def test_office_page_keeps_every_date_before_it_ended(server, new_page, dataset):
    office = dataset.offices["leipzig-plagwitz"]
    upcoming = dates.next_dates(office.counselling, dataset.closures, TODAY, count=5)
    page = new_page()
    page.clock.install(time=upcoming[0].end - dt.timedelta(minutes=1))  # the first hour is still on
    page.goto(f"{server}stellen/leipzig-plagwitz/")
    assert visible_starts(page, "ol.lh-dates time") == [o.start.isoformat() for o in upcoming]


def test_cards_move_on_to_the_next_date_and_heute_follows_the_visitor(server, new_page, dataset):
    # An office with an hour on the build day: a day later its card must show the following date.
    office = next(
        o
        for o in dataset.public_offices()
        if (n := dates.next_dates(o.counselling, dataset.closures, TODAY, 2)) and n[0].start.date() == TODAY
    )
    _build_day_hour, second = dates.next_dates(office.counselling, dataset.closures, TODAY, 2)
    page = new_page()
    page.clock.install(time=dt.datetime.combine(TODAY + dt.timedelta(days=1), dt.time(7, 0), BERLIN))
    page.goto(server)
    card = page.locator(f'li.lh-card[data-office="{office.id}"]')
    shown = card.locator("p.lh-next:not([hidden]) time")
    assert shown.count() == 1
    assert shown.get_attribute("datetime") == second.start.isoformat()
    # The build day's "HEUTE" must not survive into the next day.
    labels = card.locator("p.lh-next:not([hidden]) .lh-relative:not([hidden])")
    expected = {0: "Heute", 1: "Morgen"}.get((second.start.date() - (TODAY + dt.timedelta(days=1))).days)
    assert (labels.inner_text().strip() if labels.count() else None) == expected


def test_dates_page_drops_a_day_whose_hours_all_ended(server, new_page):
    page = new_page()
    page.clock.install(time=dt.datetime.combine(TODAY + dt.timedelta(days=1), dt.time(7, 0), BERLIN))
    page.goto(f"{server}termine/")
    build_day = page.locator(f'section.lh-day[data-day="{TODAY.isoformat()}"]')
    assert build_day.count() == 1 and build_day.is_hidden()
    next_day = page.locator(f'section.lh-day[data-day="{(TODAY + dt.timedelta(days=1)).isoformat()}"]')
    assert next_day.is_visible()
    assert next_day.locator(".lh-relative").inner_text().strip().lower().startswith("heute")


def test_without_javascript_the_build_day_list_stays(server, new_page, dataset):
    office = dataset.offices["leipzig-plagwitz"]
    upcoming = dates.next_dates(office.counselling, dataset.closures, TODAY, count=5)
    page = new_page(java_script_enabled=False)
    page.goto(f"{server}stellen/leipzig-plagwitz/")
    assert visible_starts(page, "ol.lh-dates time") == [o.start.isoformat() for o in upcoming]
