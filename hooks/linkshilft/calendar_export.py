"""Consultation hours for other programs: iCalendar files and schema.org JSON-LD.

The iCalendar files are subscribed to, not imported once, so an event keeps its UID
from build to build (office and start time), and a cancelled hour is published as the
same UID with STATUS:CANCELLED: a calendar that showed the hour before then marks it
cancelled instead of keeping it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from icalendar import Calendar, Event, Timezone

from .model import WEEKDAYS, HourRule, Office
from .schedule import TIMEZONE, Cancellation, Occurrence, rule_falls_on

PRODID = "-//DIE LINKE Sachsen//Links.hilft Sprechstundenfinder//DE"
COMBINED_CALENDAR_NAME = "Sozialsprechstunden von DIE LINKE Sachsen"
ORGANIZER_NAME = "DIE LINKE Sachsen"
UID_DOMAIN = "linkshilft.de"
FREE_AND_CONFIDENTIAL = "Kostenlos und vertraulich."

SCHEMA_ORG_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

CalendarEntry = tuple[Office, Sequence[Occurrence], Sequence[Cancellation], str]


# --- iCalendar -------------------------------------------------------------------------


def event_uid(office: Office, start: dt.datetime) -> str:
    """The same hour of the same office gets the same UID in every build."""
    return f"{office.id}-{start.astimezone(TIMEZONE):%Y%m%dT%H%M}@{UID_DOMAIN}"


def event_summary(office: Office) -> str:
    return f"Sozialsprechstunde: {office.name}"


def _location(office: Office) -> str:
    address = office.address
    return f"{address.street}, {address.postcode} {address.town}"


def _held_description(office: Office, occurrence: Occurrence, page_url: str) -> str:
    if occurrence.walk_in:
        lines = ["Ohne Anmeldung: kommen Sie einfach vorbei."]
    else:
        lines = ["Nur mit Anmeldung."]
        if office.counselling.how_to_book:
            lines.append(office.counselling.how_to_book)
    if occurrence.note:
        lines.append(occurrence.note)
    # Many calendar programs hide the URL property; the description is always shown.
    lines += [FREE_AND_CONFIDENTIAL, f"Alle Angaben: {page_url}"]
    return "\n".join(lines)


def _cancelled_description(cancellation: Cancellation, page_url: str) -> str:
    return f"Diese Sprechstunde fällt aus: {cancellation.reason}.\nAlle Angaben: {page_url}"


def _event(office: Office, item: Occurrence | Cancellation, page_url: str, stamp: dt.datetime) -> Event:
    cancelled = isinstance(item, Cancellation)
    event = Event.new(
        uid=event_uid(office, item.start),
        stamp=stamp,
        start=item.start,
        end=item.end,
        summary=f"Fällt aus: {event_summary(office)}" if cancelled else event_summary(office),
        location=_location(office),
        url=page_url,
        description=(_cancelled_description(item, page_url) if cancelled else _held_description(office, item, page_url)),
        status="CANCELLED" if cancelled else "CONFIRMED",
    )
    coordinates = office.address.coordinates
    if coordinates is not None:
        event.add("geo", (coordinates.lat, coordinates.lon))
    return event


def _utc_stamp(generated_at: dt.datetime) -> dt.datetime:
    # RFC 5545 wants DTSTAMP in UTC; a naive time would silently take the build machine's zone.
    if generated_at.tzinfo is None or generated_at.utcoffset() is None:
        raise ValueError(f"generated_at braucht eine Zeitzone: {generated_at.isoformat()}")
    return generated_at.astimezone(dt.UTC)


EventCache = dict[tuple, bytes]


def _event_lines(office: Office, item: Occurrence | Cancellation, page_url: str, stamp: dt.datetime, cache: EventCache) -> bytes:
    # Serialising is most of the build's time (icalendar folds every line in Python); the
    # combined calendar repeats every office's events, so each is serialised once per build.
    key = (office.id, item, page_url, stamp)
    if key not in cache:
        cache[key] = _event(office, item, page_url, stamp).to_ical()
    return cache[key]


def _calendar(name: str, entries: Sequence[CalendarEntry], generated_at: dt.datetime, cache: EventCache | None) -> bytes:
    stamp = _utc_stamp(generated_at)
    cache = {} if cache is None else cache
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", TIMEZONE.key)
    items = [
        (office, item, page_url)
        for office, held, cancelled, page_url in entries
        for item in sorted([*held, *cancelled], key=lambda i: i.start)
    ]
    days = [item.start.date() for _, item, _ in items] or [generated_at.astimezone(TIMEZONE).date()]
    # Only the transitions of the years the events fall in: a VTIMEZONE from 1970 on
    # would triple the size of a small office's file.
    calendar.add_component(
        Timezone.from_tzid(
            TIMEZONE.key,
            first_date=dt.date(min(days).year, 1, 1),
            last_date=dt.date(max(days).year + 1, 1, 1),
        )
    )
    # The events follow the time zone, as Calendar.to_ical would write them after it.
    end = b"END:VCALENDAR\r\n"
    head = calendar.to_ical().removesuffix(end)
    return head + b"".join(_event_lines(office, item, page_url, stamp, cache) for office, item, page_url in items) + end


def office_calendar(
    office: Office,
    occurrences: Sequence[Occurrence],
    cancellations: Sequence[Cancellation],
    page_url: str,
    generated_at: dt.datetime,
    *,
    cache: EventCache | None = None,
) -> bytes:
    """One office's hours as an iCalendar file (CRLF line endings, UTF-8).

    `generated_at` must carry a time zone; it becomes every event's DTSTAMP. Pass the same
    `cache` (a dict) to office_calendar and combined_calendar within one build.
    """
    entries = [(office, occurrences, cancellations, page_url)]
    return _calendar(f"Sozialsprechstunde {office.name}", entries, generated_at, cache)


def combined_calendar(entries: Sequence[CalendarEntry], generated_at: dt.datetime, *, cache: EventCache | None = None) -> bytes:
    """The hours of many offices in one file; entries are (office, occurrences, cancellations, page_url)."""
    return _calendar(COMBINED_CALENDAR_NAME, entries, generated_at, cache)


# --- schema.org ------------------------------------------------------------------------


def _place(office: Office) -> dict:
    address = office.address
    place: dict = {
        "@type": "Place",
        "name": office.name,
        "address": {
            "@type": "PostalAddress",
            "streetAddress": address.street,
            "postalCode": address.postcode,
            "addressLocality": address.town,
            "addressRegion": "Sachsen",
            "addressCountry": "DE",
        },
    }
    if address.coordinates is not None:
        place["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": address.coordinates.lat,
            "longitude": address.coordinates.lon,
        }
    return place


def _first_day_of_rhythm(rule: HourRule) -> dt.date | None:
    """For "every n weeks": the first real date, since schema.org counts the n weeks from startDate."""
    anchor = rule.valid_from or rule.reference_date
    if anchor is None:
        return None
    window = (anchor + dt.timedelta(days=offset) for offset in range(7 * rule.every_weeks))
    return next((day for day in window if rule_falls_on(rule, day)), rule.valid_from)


def _schedule(rule: HourRule, except_dates: list[str]) -> dict:
    schedule: dict = {
        "@type": "Schedule",
        "startTime": rule.start.strftime("%H:%M:%S"),
        "endTime": rule.end.strftime("%H:%M:%S"),
        "scheduleTimezone": TIMEZONE.key,
    }
    if rule.date is not None:
        schedule.update(startDate=rule.date.isoformat(), endDate=rule.date.isoformat(), repeatCount=1)
    else:
        days = sorted(WEEKDAYS.index(name) for name in rule.weekdays)
        schedule["byDay"] = [f"https://schema.org/{SCHEMA_ORG_DAYS[i]}" for i in days]
        start_date = rule.valid_from
        if rule.weeks_of_month:
            schedule["repeatFrequency"] = "P1M"
            # schema.org counts weeks from the end of the month with negative numbers.
            schedule["byMonthWeek"] = sorted(-1 if week == "last" else int(week) for week in rule.weeks_of_month)
        elif rule.every_weeks > 1:
            schedule["repeatFrequency"] = f"P{rule.every_weeks}W"
            start_date = _first_day_of_rhythm(rule)
        else:
            schedule["repeatFrequency"] = "P1W"
        if start_date is not None:
            schedule["startDate"] = start_date.isoformat()
        if rule.valid_until is not None:
            schedule["endDate"] = rule.valid_until.isoformat()
    if except_dates:
        schedule["exceptDate"] = except_dates
    return schedule


def event_schedule_jsonld(office: Office, cancellations: Sequence[Cancellation], page_url: str) -> dict:
    """The office's consultation hours as a schema.org Event series, ready for json.dumps.

    One Schedule per rule of `office.counselling.hours`; the cancelled dates of a rule
    become its exceptDate. Appointment-only offices get an empty eventSchedule.
    """
    rules = () if office.counselling.appointment_only else office.counselling.hours
    except_dates: dict[int, list[str]] = {}
    for cancellation in sorted(cancellations, key=lambda c: c.start):
        day = cancellation.start.astimezone(TIMEZONE).date().isoformat()
        except_dates.setdefault(cancellation.rule_index, []).append(day)
    return {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event_summary(office),
        "description": f"Kostenlose und vertrauliche Sozialberatung in {office.address.town}.",
        "url": page_url,
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "isAccessibleForFree": True,
        "location": _place(office),
        "organizer": {"@type": "Organization", "name": ORGANIZER_NAME},
        "eventSchedule": [_schedule(rule, except_dates.get(index, [])) for index, rule in enumerate(rules)],
    }
