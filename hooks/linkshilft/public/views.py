"""The view models of the public pages: frozen dataclasses of plain values, computed once per build.

Python computes everything a page shows; the Jinja templates in site_overrides/linkshilft/ only
lay it out, reading fields as `office.name` (Jinja reads attributes as it reads keys). A view is
frozen, and its lists are tuples: one office view serves the office page, every list it appears
in, its notice, its search entry and the dates page, and none of them may change it for another.
Field names are what the templates read; a field a template names but a view lacks is an error
at build time (StrictUndefined), not a blank.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from linkshilft import geo, languages
from linkshilft.exports import calendars
from linkshilft.labels import LANGUAGE_NAMES, counsellors_text, legal_note, phone_uri
from linkshilft.public import counts, translated, way
from linkshilft.records import model as m
from linkshilft.schedule import dates, wording


@dataclass(frozen=True)
class Day:
    iso: str  # for <time datetime>
    text: str  # "Montag, 30. November 2026", or without the weekday


@dataclass(frozen=True)
class Address:
    street: str
    postcode: str
    town: str


@dataclass(frozen=True)
class Nearby:
    """Another office near this one ("3,2 km Luftlinie")."""

    id: str
    name: str
    town: str
    km: str


@dataclass(frozen=True)
class TopicLink:
    id: str
    name: str  # in the page's language (languages.localized), else German
    name_lang: str | None = None  # "de" when `name` is the German text on a page in another language


@dataclass(frozen=True)
class DateView:
    """One coming consultation hour as lists and the office page show it."""

    start: str  # ISO 8601 with the Berlin offset
    end: str
    day: str
    time: str
    relative: str | None  # "Heute", "Morgen"
    until: str  # the end alone ("12:00"), for linkshilft.js's "läuft gerade, bis 12:00 Uhr"
    walk_in: bool
    note: str | None
    ics: str  # the file of this one date, beside the office's page


@dataclass(frozen=True)
class CancelledView:
    iso: str
    text: str
    reason: str
    reason_lang: str | None  # "de" when the reason is an editor's German text (a closure), else None


@dataclass(frozen=True)
class OfficeView:
    """Everything the public site shows of an office that counsels (model.Dataset.public_offices)."""

    id: str
    name: str
    kind: str
    status: str
    status_label: str
    district_id: str
    district_name: str
    district_name_lang: str | None  # "de" when the district's name is German on a page in another language
    mp: str | None
    address: Address
    has_coordinates: bool
    nearby: tuple[Nearby, ...]
    directions: str | None
    route_url: str
    step_free: bool
    accessible_toilet: bool
    accessibility_notes: str | None
    phone: str | None
    phone_uri: str | None
    email: str | None
    website: str | None
    topic_ids: tuple[str, ...]
    topics: tuple[TopicLink, ...]
    languages: tuple[str, ...]  # each in itself (CLDR endonym): "Deutsch", "українська", "العربية"
    language_codes: tuple[str, ...]  # the same order, for lang="…" (and dir) around each name
    counsellors_text: str | None
    legal_note: str | None
    appointment_only: bool
    how_to_book: str | None
    rhythms: tuple[str, ...]
    rhythm_summary: str
    walk_in: bool
    next_dates: tuple[DateView, ...]
    card_dates: tuple[DateView, ...]  # the first of next_dates, for the office's card in lists
    cancelled: tuple[CancelledView, ...]
    jsonld: dict  # schema.org Event series, for json.dumps (sinks.script_json)
    webcal: str | None
    bring: tuple[str, ...]
    checked_on: Day
    edit_url: str | None
    source_path: str


@dataclass(frozen=True)
class RestingOfficeView:
    """An office that rests (resting.py): how to reach it, and offices nearby that counsel."""

    id: str
    name: str
    kind: str
    district_id: str
    district_name: str
    district_name_lang: str | None
    address: Address
    phone: str | None
    phone_uri: str | None
    email: str | None
    website: str | None
    nearby: tuple[Nearby, ...]
    edit_url: str | None


@dataclass(frozen=True)
class DistrictCount:
    """A district in a list of districts: how many offices it has (of those the list is about)."""

    id: str
    name: str
    count: int
    name_lang: str | None = None


@dataclass(frozen=True)
class DistrictGroup:
    id: str
    name: str
    offices: tuple[OfficeView, ...]
    name_lang: str | None = None


@dataclass(frozen=True)
class TopicCount:
    id: str
    name: str
    description: str
    count: int
    name_lang: str | None = None
    description_lang: str | None = None


def day(value: dt.date, weekday: bool = True) -> Day:
    return Day(value.isoformat(), wording.format_day(value) if weekday else wording.format_date(value))


def topic_link(topic: m.Topic) -> TopicLink:
    return TopicLink(topic.id, *languages.localized(topic.name, topic.translations))


def district_name(district: m.District) -> tuple[str, str | None]:
    """(name, name_lang) in the active language; see languages.localized."""
    return languages.localized(district.name, district.translations)


def address(office: m.Office) -> Address:
    return Address(office.address.street, office.address.postcode, office.address.town)


def nearby_views(dataset: m.Dataset, found: Iterable[geo.Neighbour]) -> tuple[Nearby, ...]:
    offices = dataset.offices
    return tuple(Nearby(n.key, offices[n.key].name, offices[n.key].address.town, geo.format_km(n.km)) for n in found)


def relative_day(value: dt.date, today: dt.date) -> str | None:
    return wording.relative_day(value, today)


def date_view(occurrence: dates.Occurrence, today: dt.date) -> DateView:
    start, end = occurrence.start, occurrence.end
    return DateView(
        start=start.isoformat(),
        end=end.isoformat(),
        day=wording.format_day(start.date()),
        time=wording.format_time_range(start.time(), end.time()),
        relative=relative_day(start.date(), today),
        until=wording.format_clock(end.time()),
        walk_in=occurrence.walk_in,
        note=occurrence.note,
        ics=calendars.single_date_name(occurrence),
    )


def office_view(
    dataset: m.Dataset,
    office: m.Office,
    hours: tuple[Sequence[dates.Occurrence], Sequence[dates.Cancellation]],
    *,
    nearby: Iterable[geo.Neighbour],
    page_url: str,
    edit_url: str | None,
    jsonld: dict,
) -> OfficeView:
    """The view of a public office: `hours` are its (held, cancelled) hours from today on,
    `nearby` the other offices to name, `page_url` its absolute address, `jsonld` its schema.org
    Event series (calendars.event_schedule_jsonld: German data, the same in every language, made once)."""
    data, counselling = dataset, office.counselling
    held, cancelled = hours
    upcoming = held[: counts.OFFICE_PAGE_DATES]
    if len(upcoming) == counts.OFFICE_PAGE_DATES:  # cancellations among the dates listed
        horizon = upcoming[-1].start.date()
    else:
        horizon = data.today + dt.timedelta(days=counts.DATES_PAGE_DAYS)
    rhythms = tuple(wording.describe_rule(rule) for rule in counselling.hours)
    next_dates = tuple(date_view(o, data.today) for o in upcoming)
    lawyer = data.lawyers.get(counselling.lawyer) if counselling.lawyer else None
    counsellors = [data.counsellors[c] for c in counselling.counsellors]
    named = [c.public_name for c in counsellors if c.public_name]
    mp = data.mps.get(office.mp) if office.mp else None
    return OfficeView(
        id=office.id,
        name=office.name,
        kind=translated.kind_label(office.kind),
        status=office.status,
        status_label=translated.status_label(office.status),
        district_id=office.district,
        district_name=district_name(data.districts[office.district])[0],
        district_name_lang=district_name(data.districts[office.district])[1],
        mp=translated.mp_label(mp.name) if mp else None,
        address=address(office),
        has_coordinates=office.address.coordinates is not None,
        nearby=nearby_views(data, nearby),
        directions=office.directions,
        route_url=way.route_url(office),
        step_free=office.accessibility.step_free,
        accessible_toilet=office.accessibility.accessible_toilet,
        accessibility_notes=office.accessibility.notes,
        phone=office.contact.phone,
        phone_uri=phone_uri(office.contact.phone) if office.contact.phone else None,
        email=office.contact.email,
        website=office.contact.website,
        topic_ids=tuple(counselling.topics),
        topics=tuple(topic_link(data.topics[t]) for t in counselling.topics),
        languages=tuple(languages.endonym(code, LANGUAGE_NAMES.get(code)) for code in counselling.languages),
        language_codes=tuple(counselling.languages),
        counsellors_text=counsellors_text(named, len(counsellors) - len(named)),
        legal_note=legal_note(lawyer),
        appointment_only=counselling.appointment_only,
        how_to_book=counselling.how_to_book,
        rhythms=rhythms,
        rhythm_summary=_rhythm_summary(rhythms, counselling),
        walk_in=any(rule.walk_in for rule in counselling.hours),
        next_dates=next_dates,
        card_dates=next_dates[: counts.OFFICE_CARD_DATES],
        cancelled=tuple(
            CancelledView(
                c.start.date().isoformat(),
                wording.format_day(c.start.date()),
                wording.cancellation_reason(
                    c.kind, c.reason, c.holiday, c.start.date(), counselling.corpus_christi_holiday
                ),
                "de" if c.kind == "closure" else None,
            )
            for c in cancelled
            if c.start.date() <= horizon
        ),
        jsonld=jsonld,
        webcal=calendars.webcal_url(page_url),
        bring=tuple(counselling.bring),
        checked_on=day(office.checked_on, weekday=False),
        edit_url=edit_url,
        source_path=office.source.path,
    )


def _rhythm_summary(rhythms: Sequence[str], counselling: m.Counselling) -> str:
    if rhythms:
        return "; ".join(rhythms)
    return wording.no_dates(counselling.appointment_only)


def resting_office_view(
    dataset: m.Dataset, office: m.Office, *, nearby: Iterable[geo.Neighbour], edit_url: str | None
) -> RestingOfficeView:
    return RestingOfficeView(
        id=office.id,
        name=office.name,
        kind=translated.kind_label(office.kind),
        district_id=office.district,
        district_name=district_name(dataset.districts[office.district])[0],
        district_name_lang=district_name(dataset.districts[office.district])[1],
        address=address(office),
        phone=office.contact.phone,
        phone_uri=phone_uri(office.contact.phone) if office.contact.phone else None,
        email=office.contact.email,
        website=office.contact.website,
        nearby=nearby_views(dataset, nearby),
        edit_url=edit_url,
    )


def district_counts(dataset: m.Dataset, offices: Iterable[OfficeView]) -> list[DistrictCount]:
    """Every district with how many of `offices` it has (none too)."""
    found = {d: 0 for d in dataset.districts}
    for office in offices:
        found[office.district_id] += 1
    return [DistrictCount(d.id, district_name(d)[0], found[d.id], district_name(d)[1]) for d in dataset.districts.values()]


def district_groups(dataset: m.Dataset, offices: Sequence[OfficeView]) -> list[DistrictGroup]:
    """`offices` by district, districts by name; a district without any is left out."""
    groups = []
    for district in sorted(dataset.districts.values(), key=lambda d: district_name(d)[0]):
        members = tuple(o for o in offices if o.district_id == district.id)
        if members:
            name, name_lang = district_name(district)
            groups.append(DistrictGroup(district.id, name, members, name_lang))
    return groups


def topic_counts(dataset: m.Dataset, offices: Sequence[OfficeView]) -> list[TopicCount]:
    found = []
    for t in dataset.topics.values():
        name, name_lang = languages.localized(t.name, t.translations)
        description, description_lang = languages.localized(t.description, t.translations, "description")
        found.append(TopicCount(t.id, name, description, sum(t.id in o.topic_ids for o in offices), name_lang, description_lang))
    return found

