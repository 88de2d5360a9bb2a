"""Consultation hours for other programs: iCalendar files and schema.org JSON-LD.

The iCalendar files are subscribed to, not imported once, so an event keeps its UID
from build to build (office and start time), and a cancelled hour is published as the
same UID with STATUS:CANCELLED: a calendar that showed the hour before then marks it
cancelled instead of keeping it.

Every language of the site has its own files, beside its office pages (/uk/stellen/…/termine.ics):
the same events, computed once, with the texts around them in the language (catalog "termine");
what editors wrote (name, address, notes) stays German. The German files are the source texts.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Mapping, Sequence

from icalendar import Timezone

from linkshilft import languages
from linkshilft.public import counts, urls
from linkshilft.records.model import WEEKDAYS, Dataset, HourRule, Office
from linkshilft.schedule import wording
from linkshilft.schedule.dates import TIMEZONE, Cancellation, Occurrence, occurrences, rule_falls_on
from linkshilft.sinks import ical_text

PRODID = "-//DIE LINKE Sachsen//Links.hilft Sprechstundenfinder//DE"
ORGANIZER_NAME = "DIE LINKE Sachsen"
UID_DOMAIN = "linkshilft.de"
_ = languages.Domain("termine").gettext

SCHEMA_ORG_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

CalendarEntry = tuple[Office, Sequence[Occurrence], Sequence[Cancellation], str]


# --- iCalendar -------------------------------------------------------------------------


def event_uid(office: Office, start: dt.datetime) -> str:
    """The same hour of the same office gets the same UID in every build."""
    return f"{office.id}-{start.astimezone(TIMEZONE):%Y%m%dT%H%M}@{UID_DOMAIN}"


def event_summary(office: Office) -> str:
    return f"Sozialsprechstunde: {office.name}"


def _summary(office: Office) -> str:
    """event_summary in the active language (schema.org's name stays German)."""
    return _("Sozialsprechstunde: %(name)s") % {"name": office.name}


def _location(office: Office) -> str:
    address = office.address
    return f"{address.street}, {address.postcode} {address.town}"


def _held_description(office: Office, occurrence: Occurrence, page_url: str) -> str:
    if occurrence.walk_in:
        lines = [_("Ohne Anmeldung: kommen Sie einfach vorbei.")]
    else:
        lines = [_("Nur mit Anmeldung.")]
        if office.counselling.how_to_book:
            lines.append(office.counselling.how_to_book)
    if occurrence.note:
        lines.append(occurrence.note)
    # Many calendar programs hide the URL property; the description is always shown.
    lines += [_("Kostenlos und vertraulich."), _("Alle Angaben: %(url)s") % {"url": page_url}]
    return "\n".join(lines)


def _cancelled_description(office: Office, cancellation: Cancellation, page_url: str) -> str:
    reason = cancellation.reason  # German: a closure's reason as written, a holiday by its German name
    if languages.current().code != languages.SOURCE:
        c, catholic = cancellation, office.counselling.corpus_christi_holiday
        reason = wording.cancellation_reason(c.kind, c.reason, c.holiday, c.start.date(), catholic)
    lines = [_("Diese Sprechstunde fällt aus: %(reason)s.") % {"reason": reason}, _("Alle Angaben: %(url)s") % {"url": page_url}]
    return "\n".join(lines)


# The writer is our own: icalendar builds and folds every property through several Python
# objects, which made a year of hours for 1,000 offices most of the build's time. The few
# properties below are written directly (RFC 5545 sections 3.1 and 3.3.11); icalendar
# still writes the VTIMEZONE, and the tests read every file back with it.

CRLF = b"\r\n"
FOLD_OCTETS = 74  # octets before a fold; the continuation's leading space makes 75


def _content_line(line: str) -> bytes:
    """One content line in UTF-8, folded after at most 74 octets, never inside a character.

    A fold never separates a backslash from the character it escapes: some clients read
    the pair only when it stands on one line.
    """
    data = line.encode("utf-8")
    if len(data) <= FOLD_OCTETS:
        return data + CRLF
    parts = []
    start = 0
    while len(data) - start > FOLD_OCTETS:
        cut = start + FOLD_OCTETS
        while data[cut] & 0xC0 == 0x80:  # a UTF-8 continuation byte: cut before its character
            cut -= 1
        if data[cut - 1] in b"\\^":
            cut -= 1
        parts.append(data[start:cut])
        start = cut
    parts.append(data[start:])
    return b"\r\n ".join(parts) + CRLF


def _local(moment: dt.datetime) -> str:
    return f"TZID={TIMEZONE.key}:{moment.astimezone(TIMEZONE):%Y%m%dT%H%M%S}"


class EventCache:
    """What one build has written: every event (the calendar of all offices repeats them) and,
    per office and kind of hour, the lines that are the same for all its dates."""

    def __init__(self) -> None:
        self.events: dict[tuple, bytes] = {}
        self.fixed: dict[tuple, tuple[bytes, bytes]] = {}


def _fixed_lines(office: Office, item: Occurrence | Cancellation, page_url: str, cache: EventCache) -> tuple[bytes, bytes]:
    """The lines before and after an event's dates, which depend only on office and kind of hour."""
    cancelled = isinstance(item, Cancellation)
    key = (languages.current().code, office.id, page_url, cancelled, item.walk_in, item.note, item.reason if cancelled else None)
    if key not in cache.fixed:
        summary = _("Fällt aus: %(summary)s") % {"summary": _summary(office)} if cancelled else _summary(office)
        description = _cancelled_description(office, item, page_url) if cancelled else _held_description(office, item, page_url)
        after = [f"DESCRIPTION:{ical_text(description)}"]
        coordinates = office.address.coordinates
        if coordinates is not None:
            after.append(f"GEO:{float(coordinates.lat)};{float(coordinates.lon)}")
        after += [
            f"LOCATION:{ical_text(_location(office))}",
            f"STATUS:{'CANCELLED' if cancelled else 'CONFIRMED'}",
            f"URL:{page_url}",
            "END:VEVENT",
        ]
        before = _content_line("BEGIN:VEVENT") + _content_line(f"SUMMARY:{ical_text(summary)}")
        cache.fixed[key] = (before, b"".join(_content_line(line) for line in after))
    return cache.fixed[key]


def _event(office: Office, item: Occurrence | Cancellation, page_url: str, stamp: dt.datetime, cache: EventCache) -> bytes:
    # The combined calendar repeats every office's events, so each is written once per build.
    key = (languages.current().code, office.id, item, page_url, stamp)
    if key not in cache.events:
        before, after = _fixed_lines(office, item, page_url, cache)
        dates = (
            f"DTSTART;{_local(item.start)}",
            f"DTEND;{_local(item.end)}",
            f"DTSTAMP:{stamp:%Y%m%dT%H%M%SZ}",
            f"UID:{ical_text(event_uid(office, item.start))}",
        )
        cache.events[key] = before + b"".join(_content_line(line) for line in dates) + after
    return cache.events[key]


def _utc_stamp(generated_at: dt.datetime) -> dt.datetime:
    # RFC 5545 wants DTSTAMP in UTC; a naive time would silently take the build machine's zone.
    if generated_at.tzinfo is None or generated_at.utcoffset() is None:
        raise ValueError(f"generated_at braucht eine Zeitzone: {generated_at.isoformat()}")
    return generated_at.astimezone(dt.UTC)


@functools.cache
def _vtimezone(first_year: int, last_year: int) -> bytes:
    """Only the transitions of the years the events fall in: a VTIMEZONE from 1970 on would
    triple the size of a small office's file. Built once per build and year range."""
    zone = Timezone.from_tzid(TIMEZONE.key, first_date=dt.date(first_year, 1, 1), last_date=dt.date(last_year + 1, 1, 1))
    return zone.to_ical()


def _calendar(name: str, entries: Sequence[CalendarEntry], generated_at: dt.datetime, cache: EventCache | None) -> bytes:
    stamp = _utc_stamp(generated_at)
    cache = EventCache() if cache is None else cache
    items = [
        (office, item, page_url)
        for office, held, cancelled, page_url in entries
        for item in sorted([*held, *cancelled], key=lambda i: i.start)
    ]
    days = [item.start.date() for _, item, _ in items] or [generated_at.astimezone(TIMEZONE).date()]
    head = b"".join(
        _content_line(line)
        for line in (
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            f"PRODID:{ical_text(PRODID)}",
            "CALSCALE:GREGORIAN",
            f"X-WR-CALNAME:{ical_text(name)}",
            f"X-WR-TIMEZONE:{TIMEZONE.key}",
        )
    )
    events = b"".join(_event(office, item, page_url, stamp, cache) for office, item, page_url in items)
    return head + _vtimezone(min(days).year, max(days).year) + events + b"END:VCALENDAR\r\n"


def before(items: Sequence[Occurrence | Cancellation], day: dt.date) -> list[Occurrence | Cancellation]:
    """The hours of `items` that begin before `day` (local date)."""
    return [item for item in items if item.start.astimezone(TIMEZONE).date() < day]


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
    `cache` (an EventCache) to office_calendar and combined_calendar within one build.
    """
    entries = [(office, occurrences, cancellations, page_url)]
    return _calendar(_("Sozialsprechstunde %(name)s") % {"name": office.name}, entries, generated_at, cache)


def combined_calendar(entries: Sequence[CalendarEntry], generated_at: dt.datetime, *, cache: EventCache | None = None) -> bytes:
    """The hours of many offices in one file; entries are (office, occurrences, cancellations, page_url)."""
    return _calendar(_("Sozialsprechstunden von DIE LINKE Sachsen"), entries, generated_at, cache)


def single_date_name(occurrence: Occurrence) -> str:
    """The file of one date, beside the office's termine.ics: "termin-2026-11-30-1000.ics"."""
    return f"termin-{occurrence.start:%Y-%m-%d-%H%M}.ics"


def webcal_url(page_url: str) -> str | None:
    """The office calendar as a subscription (webcal://); None while the site has no address."""
    scheme, _, rest = page_url.partition("://")
    return f"webcal://{rest}termine.ics" if scheme in ("http", "https") and rest else None


def calendar_files(
    dataset: Dataset,
    site_url: str,
    days: int,
    window_days: int,
    hours: Mapping[str, tuple[list, list]] | None = None,
    *,
    codes: Sequence[str] = (languages.SOURCE,),
) -> list[tuple[str, bytes]]:
    """Every office's calendar (`days` ahead) and the calendar of all offices (`window_days`), in
    each language of `codes` under its prefix ("uk/stellen/…/termine.ics"; German at the root).

    The calendar of all offices holds the four weeks of the "Termine" page that offers it:
    a year of every office would be 28 MB at 1,000 offices, more than any calendar program
    takes in, and a subscription moves the window on with every daily build. `hours` are the
    offices' (held, cancelled) hours if already computed, by office id; else they are computed
    here, once for all languages.
    """
    today = dataset.today
    if hours is None:
        last = today + dt.timedelta(days=days)
        hours = {office.id: occurrences(office.counselling, dataset.closures, today, last) for office in dataset.public_offices()}
    files = []
    for code in codes:
        with languages.active(code) as language:
            files += _language_files(dataset, site_url, window_days, hours, language.prefix)
    return files


def _language_files(
    dataset: Dataset, site_url: str, window_days: int, hours: Mapping[str, tuple[list, list]], prefix: str
) -> list[tuple[str, bytes]]:
    """The calendar files of the active language, below `prefix`."""
    today = dataset.today
    # A fixed stamp per build day keeps rebuilds of the same day byte-identical.
    stamp = dt.datetime.combine(today, dt.time(0), TIMEZONE)
    window_end = today + dt.timedelta(days=window_days)
    entries, files = [], []
    events = EventCache()  # each event written once for both files
    for office in dataset.public_offices():
        held, cancelled = hours[office.id]
        url = urls.absolute(site_url, prefix + urls.office(office.id))
        whole = office_calendar(office, held, cancelled, url, stamp, cache=events)
        files.append((prefix + urls.office_calendar(office.id), whole))
        for one in held[: counts.OFFICE_PAGE_DATES]:  # one file per date the office page lists
            single = office_calendar(office, [one], [], url, stamp, cache=events)
            files.append((prefix + urls.single_date(office.id, single_date_name(one)), single))
        entries.append((office, before(held, window_end), before(cancelled, window_end), url))
    for office in dataset.resting_offices():  # empty: subscribed calendars drop the hours of an office that rests
        url = urls.absolute(site_url, prefix + urls.office(office.id))
        files.append((prefix + urls.office_calendar(office.id), office_calendar(office, [], [], url, stamp, cache=events)))
    files.append((prefix + urls.ALL_DATES_CALENDAR, combined_calendar(entries, stamp, cache=events)))
    return files


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
