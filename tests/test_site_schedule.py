"""Dates on the built site: office pages, the "Termine" page, calendar files and JSON-LD."""

from __future__ import annotations

import datetime as dt
import json

from bs4 import BeautifulSoup
from icalendar import Calendar
from linkshilft.schedule import dates, wording

from tests.support import TODAY

SITE_URL = "https://sprechstunden.linke-beispiel.de/"


def soup(site, path):
    return BeautifulSoup((site / path).read_text("utf-8"), "html.parser")


def events(path):
    calendar = Calendar.from_ical(path.read_bytes())
    return [component for component in calendar.walk("VEVENT")]


def test_office_page_lists_the_next_five_dates_in_order(site, dataset):
    office = dataset.offices["leipzig-plagwitz"]
    expected = dates.next_dates(office.counselling, dataset.closures, TODAY, count=5)
    items = soup(site, "stellen/leipzig-plagwitz/index.html").select("ol.lh-dates > li")
    assert [li.time["datetime"] for li in items] == [o.start.isoformat() for o in expected]
    assert len(items) == 5
    starts = [dt.datetime.fromisoformat(li.time["datetime"]) for li in items]
    assert starts == sorted(starts)
    assert all(start.date() >= TODAY for start in starts)
    # German words, e.g. "Dienstag, 1. Dezember 2026"
    first = items[0].time.get_text()
    assert first.split(",")[0] in wording.DAY_NAMES


def test_today_is_labelled_heute(site, dataset):
    todays = [
        o.id
        for o in dataset.public_offices()
        if (n := dates.next_dates(o.counselling, dataset.closures, TODAY, 1)) and n[0].start.date() == TODAY
    ]
    assert todays, "the sample data has a consultation hour on the test day (a Wednesday)"
    item = soup(site, f"stellen/{todays[0]}/index.html").select_one("ol.lh-dates > li")
    assert item.select_one(".lh-relative").get_text(strip=True) == "Heute:"


def test_cancelled_dates_are_named_with_their_reason(site, dataset):
    # Buß- und Bettag 2026 is Wednesday 18 November, Christmas Day a Friday: take a day ahead of
    # the test date instead: the statewide break from 23 December cancels a weekly hour.
    found = []
    for office in dataset.public_offices():
        items = soup(site, f"stellen/{office.id}/index.html").select("ul.lh-cancelled li")
        found += [(office.id, li.time["datetime"], li.get_text(" ", strip=True)) for li in items]
    assert found, "some shown date range must include a cancellation"
    for _, day, text in found:
        assert text.startswith("Am ") and "keine Sprechstunde (" in text
        assert day >= TODAY.isoformat()


def test_appointment_only_office_shows_how_to_book_and_no_dates(site, dataset):
    office = next(o for o in dataset.public_offices() if o.counselling.appointment_only)
    page = soup(site, f"stellen/{office.id}/index.html")
    assert page.select("ol.lh-dates") == []
    assert office.counselling.how_to_book in page.get_text(" ")
    assert "nach Vereinbarung" in page.select_one("#termine").find_next("p").get_text()


def test_dates_page_lists_four_weeks_by_day(site, dataset):
    page = soup(site, "termine/index.html")
    days = [section["data-day"] for section in page.select("section.lh-day")]
    assert days == sorted(days)
    assert days[0] >= TODAY.isoformat()
    assert days[-1] <= (TODAY + dt.timedelta(days=27)).isoformat()
    # Every held hour of one office in that window is listed on its day.
    office = dataset.offices["dresden-gorbitz"]
    held, _ = dates.occurrences(office.counselling, dataset.closures, TODAY, TODAY + dt.timedelta(days=27))
    listed = [li.time["datetime"] for li in page.select("section.lh-day li") if li.a["href"].endswith("stellen/dresden-gorbitz/")]
    assert listed == [o.start.isoformat() for o in held]


def test_office_calendar_parses_back_with_every_event(site, dataset):
    office = dataset.offices["leipzig-plagwitz"]
    held, cancelled = dates.occurrences(office.counselling, dataset.closures, TODAY, TODAY + dt.timedelta(days=366))
    parsed = events(site / "stellen" / "leipzig-plagwitz" / "termine.ics")
    assert len(parsed) == len(held) + len(cancelled)
    uids = [str(e["UID"]) for e in parsed]
    assert len(set(uids)) == len(uids)
    for event in parsed:
        assert str(event["URL"]) == f"{SITE_URL}stellen/leipzig-plagwitz/"
        assert event.decoded("DTSTART").tzinfo is not None
        assert str(event["DTSTART"].params["TZID"]) == "Europe/Berlin"
        assert office.address.street in str(event["LOCATION"])
    statuses = {str(e["STATUS"]) for e in parsed}
    assert statuses == {"CONFIRMED", "CANCELLED"}  # the Christmas break is in the year ahead
    assert Calendar.from_ical((site / "stellen" / "leipzig-plagwitz" / "termine.ics").read_bytes()).walk("VTIMEZONE")


def test_combined_calendar_holds_every_office_event_of_the_four_weeks(site, dataset):
    combined = {str(e["UID"]) for e in events(site / "termine.ics")}
    window_end = dataset.today + dt.timedelta(days=28)  # the "Termine" page's four weeks
    separate, later = set(), set()
    for office in dataset.public_offices():
        for event in events(site / "stellen" / office.id / "termine.ics"):
            (separate if event.DTSTART.date() < window_end else later).add(str(event["UID"]))
    assert combined == separate
    assert len(combined) > 100 and later  # the office calendars reach further, a year ahead


def test_json_ld_describes_the_event_series(site, dataset):
    def jsonld(office_id):
        script = soup(site, f"stellen/{office_id}/index.html").find("script", type="application/ld+json")
        return json.loads(script.string)

    data = jsonld("leipzig-gruenau")  # 1st and 3rd weekday of the month, plus a single date
    office = dataset.offices["leipzig-gruenau"]
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Event"
    assert data["location"]["address"]["postalCode"] == office.address.postcode
    schedules = data["eventSchedule"]
    assert len(schedules) == len(office.counselling.hours)
    monthly = [s for s in schedules if "byMonthWeek" in s]
    assert monthly and monthly[0]["byMonthWeek"] == [1, 3]
    assert monthly[0]["repeatFrequency"] == "P1M"
    # An exception date is a real cancellation: the Christmas break or a holiday.
    plagwitz = jsonld("leipzig-plagwitz")
    except_dates = {d for s in plagwitz["eventSchedule"] for d in s.get("exceptDate", [])}
    assert "2026-12-29" in except_dates  # Tuesday inside the statewide Christmas break


def test_json_ld_cannot_break_out_of_its_script(site):
    html = (site / "stellen" / "leipzig-escape-test" / "index.html").read_text("utf-8")
    script = BeautifulSoup(html, "html.parser").find("script", type="application/ld+json")
    assert "</script" not in script.string.lower()
    assert "<script>" not in script.string
    assert json.loads(script.string)["name"] == "Sozialsprechstunde: Büro <script>alert('name')</script> & Co"
