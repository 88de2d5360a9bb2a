"""iCalendar files and schema.org JSON-LD, read back the way other programs read them."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar, Event
from linkshilft.exports.calendars import combined_calendar, event_schedule_jsonld, office_calendar
from linkshilft.records.model import Coordinates, HourRule
from linkshilft.schedule.dates import Cancellation, Occurrence

from tests.support import make_office

D = dt.date
T = dt.time
PAGE_URL = "https://sprechstunden.example/stellen/leipzig-plagwitz/"
GENERATED_AT = dt.datetime(2026, 11, 30, 6, 0, tzinfo=dt.UTC)


def berlin(year: int, month: int, day: int, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, tzinfo=ZoneInfo("Europe/Berlin"))


OFFICE = make_office(
    coordinates=Coordinates(lat=51.3294, lon=12.3364),
    how_to_book="Bitte rufen Sie das Büro an.",
    hours=(
        HourRule(start=T(14), end=T(16), weekdays=("tuesday",)),
        HourRule(start=T(10), end=T(12), weekdays=("friday",), walk_in=False, note="mit Dolmetscherin für Russisch"),
    ),
)
HELD = [
    Occurrence(berlin(2026, 12, 1, 14), berlin(2026, 12, 1, 16), 0, True, None),
    Occurrence(berlin(2026, 12, 4, 10), berlin(2026, 12, 4, 12), 1, False, "mit Dolmetscherin für Russisch"),
    Occurrence(berlin(2027, 3, 30, 14), berlin(2027, 3, 30, 16), 0, True, None),
]
CANCELLED = [
    Cancellation(
        berlin(2026, 12, 25, 10), berlin(2026, 12, 25, 12), 1, False, "mit Dolmetscherin für Russisch",
        "Feiertag (Erster Weihnachtstag)", "holiday",
    ),
]  # fmt: skip


def parse(raw: bytes) -> Calendar:
    return Calendar.from_ical(raw)


def events_by_uid(calendar: Calendar) -> dict[str, object]:
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


@pytest.fixture(scope="module")
def office_ics() -> bytes:
    return office_calendar(OFFICE, HELD, CANCELLED, PAGE_URL, GENERATED_AT)


def test_calendar_header(office_ics):
    calendar = parse(office_ics)
    assert str(calendar["PRODID"]) == "-//DIE LINKE Sachsen//Links.hilft Sprechstundenfinder//DE"
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["CALSCALE"]) == "GREGORIAN"
    assert str(calendar["X-WR-CALNAME"]) == "Sozialsprechstunde Bürgerbüro Plagwitz"
    assert str(calendar["X-WR-TIMEZONE"]) == "Europe/Berlin"


def test_vtimezone_covers_winter_and_summer_time(office_ics):
    (timezone,) = parse(office_ics).walk("VTIMEZONE")
    assert str(timezone["TZID"]) == "Europe/Berlin"
    offsets = {(o.name, o["TZOFFSETTO"].td) for o in timezone.subcomponents}
    assert ("STANDARD", dt.timedelta(hours=1)) in offsets
    assert ("DAYLIGHT", dt.timedelta(hours=2)) in offsets


def test_lines_end_in_crlf(office_ics):
    assert office_ics.count(b"\n") == office_ics.count(b"\r\n") > 0


# The writer is our own (speed); icalendar, which reads the files back, is the judge.
AWKWARD_NAMES = [
    "Büro; Ecke Straße, Hinterhof \\ 2. Stock",  # the three characters TEXT escapes
    "Ä" * 80,  # two octets each: a fold must not split one
    *("x" * n + ";" + "y" * 10 for n in (44, 45, 46)),  # "SUMMARY:Sozialsprechstunde: " + 45 x: "\\;" at the fold
    "Beratung 🙂 für alle " * 6,  # four octets
    "zwei\nZeilen\r\nund drei",
]


@pytest.mark.parametrize("name", AWKWARD_NAMES)
def test_awkward_text_reads_back_unchanged_and_folds_within_75_octets(name):
    office = make_office(name=name, how_to_book=name)
    held = [Occurrence(berlin(2026, 12, 1, 14), berlin(2026, 12, 1, 16), 0, False, name)]
    raw = office_calendar(office, held, [], PAGE_URL, GENERATED_AT)
    calendar = parse(raw)
    expected_name = name.replace("\r\n", "\n")
    (event,) = calendar.walk("VEVENT")
    assert str(event["SUMMARY"]) == f"Sozialsprechstunde: {expected_name}"
    assert f"{expected_name}\n{expected_name}" in str(event["DESCRIPTION"])  # how to book, then the note
    for line in raw.split(b"\r\n"):
        assert len(line) <= 75
        line.decode("utf-8")  # raises if a fold cut a character in two
        assert not line.endswith(b"\\") or line.endswith(b"\\\\")  # no escape torn from its character


def test_written_like_icalendar_writes_it(office_ics):
    """Byte for byte what icalendar 7 serialises for the same event, so clients see no change."""
    calendar = parse(office_ics)
    for event in calendar.walk("VEVENT"):
        rebuilt = Event()
        for name, value in event.property_items(recursive=False)[1:-1]:
            rebuilt.add(name, value, encode=False)
        assert rebuilt.to_ical() in office_ics


@dataclasses.dataclass(frozen=True)
class ExpectedEvent:
    uid: str
    start: str
    end: str
    status: str
    summary: str
    description: list[str]


HELD_SUMMARY = "Sozialsprechstunde: Bürgerbüro Plagwitz"
WALK_IN_DESCRIPTION = ["Ohne Anmeldung: kommen Sie einfach vorbei.", "Kostenlos und vertraulich.", f"Alle Angaben: {PAGE_URL}"]
EXPECTED_EVENTS = [
    ExpectedEvent(
        "leipzig-plagwitz-20261201T1400@linkshilft.de", "2026-12-01T14:00:00+01:00", "2026-12-01T16:00:00+01:00",
        "CONFIRMED", HELD_SUMMARY, WALK_IN_DESCRIPTION,
    ),
    ExpectedEvent(
        "leipzig-plagwitz-20261204T1000@linkshilft.de", "2026-12-04T10:00:00+01:00", "2026-12-04T12:00:00+01:00",
        "CONFIRMED", HELD_SUMMARY,
        ["Nur mit Anmeldung.", "Bitte rufen Sie das Büro an.", "mit Dolmetscherin für Russisch",
         "Kostenlos und vertraulich.", f"Alle Angaben: {PAGE_URL}"],
    ),
    ExpectedEvent(
        "leipzig-plagwitz-20261225T1000@linkshilft.de", "2026-12-25T10:00:00+01:00", "2026-12-25T12:00:00+01:00",
        "CANCELLED", "Fällt aus: Sozialsprechstunde: Bürgerbüro Plagwitz",
        ["Diese Sprechstunde fällt aus: Feiertag (Erster Weihnachtstag).", f"Alle Angaben: {PAGE_URL}"],
    ),
    ExpectedEvent(
        "leipzig-plagwitz-20270330T1400@linkshilft.de", "2027-03-30T14:00:00+02:00", "2027-03-30T16:00:00+02:00",
        "CONFIRMED", HELD_SUMMARY, WALK_IN_DESCRIPTION,
    ),
]  # fmt: skip


def test_one_event_per_date_with_unique_uids(office_ics):
    uids = [str(event["UID"]) for event in parse(office_ics).walk("VEVENT")]
    assert sorted(uids) == sorted(expected.uid for expected in EXPECTED_EVENTS)
    assert len(set(uids)) == len(uids)


@pytest.mark.parametrize("expected", EXPECTED_EVENTS, ids=lambda expected: expected.uid)
def test_event(office_ics, expected):
    event = events_by_uid(parse(office_ics))[expected.uid]
    assert event["DTSTART"].params["TZID"] == "Europe/Berlin"
    assert event["DTEND"].params["TZID"] == "Europe/Berlin"
    assert event["DTSTART"].dt.isoformat() == expected.start
    assert event["DTEND"].dt.isoformat() == expected.end
    assert event["DTSTAMP"].dt == dt.datetime(2026, 11, 30, 6, 0, tzinfo=dt.UTC)
    assert str(event["STATUS"]) == expected.status
    assert str(event["SUMMARY"]) == expected.summary
    assert str(event["LOCATION"]) == "Karl-Heine-Straße 1, 04229 Leipzig"
    assert str(event["URL"]) == PAGE_URL
    assert str(event["DESCRIPTION"]).split("\n") == expected.description
    assert event["GEO"].latitude == pytest.approx(51.3294)
    assert event["GEO"].longitude == pytest.approx(12.3364)


def test_uids_and_content_stay_the_same_between_builds(office_ics):
    later = office_calendar(OFFICE, HELD, CANCELLED, PAGE_URL, GENERATED_AT + dt.timedelta(days=1))

    def without_stamps(raw: bytes) -> list[bytes]:
        return [line for line in raw.split(b"\r\n") if not line.startswith(b"DTSTAMP")]

    assert without_stamps(later) == without_stamps(office_ics)
    assert later != office_ics


def test_a_cancelled_hour_keeps_the_uid_it_had_when_it_was_held():
    before = office_calendar(OFFICE, HELD[:1], [], PAGE_URL, GENERATED_AT)
    cancelled = Cancellation(**dataclasses.asdict(HELD[0]), reason="Fortbildung", kind="closure")
    after = office_calendar(OFFICE, [], [cancelled], PAGE_URL, GENERATED_AT)
    ((uid_before, event_before),) = events_by_uid(parse(before)).items()
    ((uid_after, event_after),) = events_by_uid(parse(after)).items()
    assert uid_before == uid_after == "leipzig-plagwitz-20261201T1400@linkshilft.de"
    assert (str(event_before["STATUS"]), str(event_after["STATUS"])) == ("CONFIRMED", "CANCELLED")


def test_office_without_coordinates_has_no_geo():
    office = make_office(hours=OFFICE.counselling.hours)
    (event,) = parse(office_calendar(office, HELD[:1], [], PAGE_URL, GENERATED_AT)).walk("VEVENT")
    assert "GEO" not in event


def test_empty_calendar_still_names_its_timezone():
    calendar = parse(office_calendar(OFFICE, [], [], PAGE_URL, GENERATED_AT))
    assert calendar.walk("VEVENT") == []
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Berlin"]


def test_generated_at_without_timezone_is_refused():
    with pytest.raises(ValueError, match="Zeitzone"):
        office_calendar(OFFICE, HELD, CANCELLED, PAGE_URL, dt.datetime(2026, 11, 30, 6, 0))


def test_combined_calendar_holds_every_office_once():
    other = make_office(office_id="bautzen-zentrum", name="Geschäftsstelle Bautzen")
    other_held = [Occurrence(berlin(2026, 12, 1, 14), berlin(2026, 12, 1, 16), 0, True, None)]
    raw = combined_calendar(
        [
            (OFFICE, HELD, CANCELLED, PAGE_URL),
            (other, other_held, [], "https://sprechstunden.example/stellen/bautzen-zentrum/"),
        ],
        GENERATED_AT,
    )
    calendar = parse(raw)
    assert str(calendar["X-WR-CALNAME"]) == "Sozialsprechstunden von DIE LINKE Sachsen"
    assert len(calendar.walk("VTIMEZONE")) == 1
    events = events_by_uid(calendar)
    assert len(calendar.walk("VEVENT")) == len(events) == 5
    same_time = events["bautzen-zentrum-20261201T1400@linkshilft.de"]
    assert str(same_time["SUMMARY"]) == "Sozialsprechstunde: Geschäftsstelle Bautzen"
    assert str(same_time["URL"]) == "https://sprechstunden.example/stellen/bautzen-zentrum/"
    assert "leipzig-plagwitz-20261201T1400@linkshilft.de" in events


# --- JSON-LD ----------------------------------------------------------------------------

JSONLD_OFFICE = make_office(
    coordinates=Coordinates(lat=51.3294, lon=12.3364),
    hours=(
        HourRule(start=T(14), end=T(16), weekdays=("thursday", "tuesday")),
        HourRule(start=T(9), end=T(12), weekdays=("wednesday",), weeks_of_month=(3, 1)),
        HourRule(start=T(10), end=T(12, 30), weekdays=("friday",), weeks_of_month=("last",)),
        HourRule(
            start=T(14), end=T(16), weekdays=("monday",), every_weeks=2,
            reference_date=D(2026, 12, 7), valid_from=D(2026, 12, 10),
        ),
        HourRule(start=T(17), end=T(19), date=D(2026, 12, 9)),
        HourRule(start=T(8), end=T(10), weekdays=("monday",), valid_from=D(2027, 1, 1), valid_until=D(2027, 6, 30)),
    ),
)  # fmt: skip
JSONLD_CANCELLED = [
    Cancellation(berlin(2026, 12, 24, 14), berlin(2026, 12, 24, 16), 0, True, None, "Weihnachtspause", "closure"),
    Cancellation(berlin(2026, 12, 22, 14), berlin(2026, 12, 22, 16), 0, True, None, "Weihnachtspause", "closure"),
    Cancellation(berlin(2026, 12, 25, 10), berlin(2026, 12, 25, 12, 30), 2, True, None, "Feiertag", "holiday"),
    Cancellation(berlin(2026, 12, 9, 17), berlin(2026, 12, 9, 19), 4, True, None, "Umzug", "closure"),
]
BERLIN_TZ = "Europe/Berlin"

EXPECTED_SCHEDULES = [
    {"@type": "Schedule", "byDay": ["https://schema.org/Tuesday", "https://schema.org/Thursday"],
     "repeatFrequency": "P1W", "startTime": "14:00:00", "endTime": "16:00:00", "scheduleTimezone": BERLIN_TZ,
     "exceptDate": ["2026-12-22", "2026-12-24"]},
    {"@type": "Schedule", "byDay": ["https://schema.org/Wednesday"], "repeatFrequency": "P1M",
     "byMonthWeek": [1, 3], "startTime": "09:00:00", "endTime": "12:00:00", "scheduleTimezone": BERLIN_TZ},
    {"@type": "Schedule", "byDay": ["https://schema.org/Friday"], "repeatFrequency": "P1M",
     "byMonthWeek": [-1], "startTime": "10:00:00", "endTime": "12:30:00", "scheduleTimezone": BERLIN_TZ,
     "exceptDate": ["2026-12-25"]},
    # 7 December is a meeting Monday, 14 December is not, 21 December is the first on or after 10 December.
    {"@type": "Schedule", "byDay": ["https://schema.org/Monday"], "repeatFrequency": "P2W",
     "startDate": "2026-12-21", "startTime": "14:00:00", "endTime": "16:00:00", "scheduleTimezone": BERLIN_TZ},
    {"@type": "Schedule", "startDate": "2026-12-09", "endDate": "2026-12-09", "repeatCount": 1,
     "startTime": "17:00:00", "endTime": "19:00:00", "scheduleTimezone": BERLIN_TZ, "exceptDate": ["2026-12-09"]},
    {"@type": "Schedule", "byDay": ["https://schema.org/Monday"], "repeatFrequency": "P1W",
     "startDate": "2027-01-01", "endDate": "2027-06-30", "startTime": "08:00:00", "endTime": "10:00:00",
     "scheduleTimezone": BERLIN_TZ},
]  # fmt: skip


@pytest.fixture(scope="module")
def jsonld() -> dict:
    return event_schedule_jsonld(JSONLD_OFFICE, JSONLD_CANCELLED, PAGE_URL)


def test_jsonld_survives_json(jsonld):
    assert json.loads(json.dumps(jsonld)) == jsonld


def test_jsonld_event(jsonld):
    assert jsonld["@context"] == "https://schema.org"
    assert jsonld["@type"] == "Event"
    assert jsonld["name"] == "Sozialsprechstunde: Bürgerbüro Plagwitz"
    assert jsonld["url"] == PAGE_URL
    assert jsonld["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert jsonld["isAccessibleForFree"] is True
    assert jsonld["organizer"] == {"@type": "Organization", "name": "DIE LINKE Sachsen"}
    assert jsonld["location"] == {
        "@type": "Place",
        "name": "Bürgerbüro Plagwitz",
        "address": {
            "@type": "PostalAddress",
            "streetAddress": "Karl-Heine-Straße 1",
            "postalCode": "04229",
            "addressLocality": "Leipzig",
            "addressRegion": "Sachsen",
            "addressCountry": "DE",
        },
        "geo": {"@type": "GeoCoordinates", "latitude": 51.3294, "longitude": 12.3364},
    }
    assert len(jsonld["eventSchedule"]) == len(EXPECTED_SCHEDULES)


@pytest.mark.parametrize(("index", "expected"), list(enumerate(EXPECTED_SCHEDULES)))
def test_jsonld_schedule(jsonld, index, expected):
    assert jsonld["eventSchedule"][index] == expected


def test_jsonld_without_coordinates_or_hours():
    office = make_office(appointment_only=True, how_to_book="Bitte rufen Sie an.")
    jsonld = event_schedule_jsonld(office, [], PAGE_URL)
    assert "geo" not in jsonld["location"]
    assert jsonld["eventSchedule"] == []
