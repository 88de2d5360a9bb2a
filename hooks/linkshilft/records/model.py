"""The validated records as frozen dataclasses.

Built only from records that passed schema and relation checks (see pipeline.py), so the
constructors here trust their input: no validation is repeated.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

STATUS_LABELS = {
    "active": "Sprechstunde findet statt",
    "planned": "in Vorbereitung",
    "interim": "Übergangslösung",
    "paused": "ruht vorübergehend",
    "closed": "eingestellt",
}
KIND_LABELS = {
    "party_office": "Geschäftsstelle DIE LINKE",
    "mp_office": "Bürgerbüro",
    "shared_office": "Geschäftsstelle und Bürgerbüro",
}
PUBLIC_STATUSES = ("active", "planned", "interim")
# The statuses under which counselling takes place: hours or appointments, a lawyer, dates.
TAKING_PLACE = ("active", "interim")


@dataclass(frozen=True)
class Source:
    """Where a record came from, for messages and edit links."""

    path: str  # relative to the project root, with forward slashes


@dataclass(frozen=True)
class District:
    id: str
    name: str
    kind: str
    postcode_prefixes: tuple[str, ...]
    # {"uk": {"name": …}}: the name in the site's other languages (languages.localized picks it).
    translations: dict[str, dict[str, str]] = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class Topic:
    id: str
    name: str
    description: str
    # {"uk": {"name": …, "description": …}}: in the site's other languages (languages.localized picks them).
    translations: dict[str, dict[str, str]] = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class MP:
    id: str
    name: str
    constituency: str | None = None


@dataclass(frozen=True)
class Consent:
    publish_name: bool
    given_on: dt.date | None = None


@dataclass(frozen=True)
class Counsellor:
    id: str
    name: str
    consent: Consent
    languages: tuple[str, ...]
    role: str
    source: Source

    @property
    def public_name(self) -> str | None:
        return self.name if self.consent.publish_name else None


@dataclass(frozen=True)
class Lawyer:
    id: str
    name: str
    qualification: str
    signed_on: dt.date
    valid_until: dt.date
    consent: Consent
    source: Source

    def valid_on(self, day: dt.date) -> bool:
        return self.signed_on <= day <= self.valid_until

    @property
    def public_name(self) -> str | None:
        return self.name if self.consent.publish_name else None


@dataclass(frozen=True)
class Closure:
    start: dt.date  # first closed day
    end: dt.date  # last closed day, inclusive
    reason: str

    def covers(self, day: dt.date) -> bool:
        return self.start <= day <= self.end


@dataclass(frozen=True)
class HourRule:
    """One line of an office's consultation hours.

    Either a rhythm (`weekdays`, optionally `weeks_of_month` or `every_weeks` with
    `reference_date`) or a single extra date (`date`).
    """

    start: dt.time
    end: dt.time
    weekdays: tuple[str, ...] = ()
    weeks_of_month: tuple[int | str, ...] = ()  # 1..4 or "last"
    every_weeks: int = 1
    reference_date: dt.date | None = None
    date: dt.date | None = None
    valid_from: dt.date | None = None
    valid_until: dt.date | None = None
    walk_in: bool = True
    on_holidays: bool = False
    note: str | None = None
    languages: tuple[str, ...] = ()  # offered only at this rule's dates (an interpreter); see Counselling.languages_at


@dataclass(frozen=True)
class Coordinates:
    lat: float
    lon: float


@dataclass(frozen=True)
class Address:
    street: str
    postcode: str
    town: str
    coordinates: Coordinates | None = None


@dataclass(frozen=True)
class Accessibility:
    step_free: bool
    accessible_toilet: bool | None = None
    notes: str | None = None


@dataclass(frozen=True)
class Contact:
    phone: str | None = None
    email: str | None = None
    website: str | None = None


@dataclass(frozen=True)
class Counselling:
    topics: tuple[str, ...]
    languages: tuple[str, ...]
    counsellors: tuple[str, ...] = ()
    lawyer: str | None = None
    appointment_only: bool = False
    how_to_book: str | None = None
    corpus_christi_holiday: bool = False
    hours: tuple[HourRule, ...] = ()
    closures: tuple[Closure, ...] = ()
    bring: tuple[str, ...] = ()

    def languages_at(self, rule_index: int) -> tuple[str, ...]:
        """The languages of the dates of one rule, in the order of `languages`.

        A language some rule names as its own is offered only at the dates of the rules naming
        it; every other language of the office at all dates.
        """
        bound = {code for rule in self.hours for code in rule.languages}
        own = self.hours[rule_index].languages
        return tuple(code for code in self.languages if code not in bound or code in own)


@dataclass(frozen=True)
class Office:
    id: str
    name: str
    kind: str
    district: str
    status: str
    address: Address
    accessibility: Accessibility
    contact: Contact
    counselling: Counselling
    checked_on: dt.date
    source: Source
    mp: str | None = None
    directions: str | None = None
    former_ids: tuple[str, ...] = ()  # old addresses that redirect here (redirects.py)

    @property
    def is_public(self) -> bool:
        """Paused and closed offices get no page and appear in no list."""
        return self.status in PUBLIC_STATUSES


@dataclass(frozen=True)
class Dataset:
    """Everything the public site is made of, after validation."""

    districts: dict[str, District]
    topics: dict[str, Topic]
    mps: dict[str, MP]
    counsellors: dict[str, Counsellor]
    lawyers: dict[str, Lawyer]
    offices: dict[str, Office]
    closures: tuple[Closure, ...] = ()
    today: dt.date = field(default_factory=dt.date.today)
    resting: frozenset[str] = frozenset()  # ids of offices whose guidance (RDG § 6) has ended: see conditions.py

    def public_offices(self) -> list[Office]:
        """The offices the site offers: in lists, finder, calendars and open data."""
        return sorted(
            (o for o in self.offices.values() if o.is_public and o.id not in self.resting), key=lambda o: (o.address.town, o.name)
        )

    def resting_offices(self) -> list[Office]:
        """Offices offered nowhere because their guidance ended; their own page stays and says they rest."""
        return sorted((o for o in self.offices.values() if o.is_public and o.id in self.resting), key=lambda o: o.id)


# --- from schema-valid records (the schema has checked every value these parse) ---------


def date_or_none(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def _time(text: str) -> dt.time:
    return dt.time.fromisoformat(text)


def consent_from_record(data: dict) -> Consent:
    return Consent(data["publish_name"], date_or_none(data.get("given_on")))


def closure_from_record(data: dict) -> Closure:
    return Closure(date_or_none(data["from"]), date_or_none(data["until"]), data["reason"])


def hour_rule_from_record(data: dict) -> HourRule:
    return HourRule(
        start=_time(data["start"]),
        end=_time(data["end"]),
        weekdays=tuple(data.get("weekdays", ())),
        weeks_of_month=tuple(data.get("weeks_of_month", ())),
        every_weeks=data.get("every_weeks", 1),
        reference_date=date_or_none(data.get("reference_date")),
        date=date_or_none(data.get("date")),
        valid_from=date_or_none(data.get("valid_from")),
        valid_until=date_or_none(data.get("valid_until")),
        walk_in=data.get("walk_in", True),
        on_holidays=data.get("on_holidays", False),
        note=data.get("note"),
        languages=tuple(data.get("languages", ())),
    )


def counselling_from_record(counselling: dict) -> Counselling:
    return Counselling(
        topics=tuple(counselling["topics"]),
        languages=tuple(counselling["languages"]),
        counsellors=tuple(counselling.get("counsellors", ())),
        lawyer=counselling.get("lawyer"),
        appointment_only=counselling.get("appointment_only", False),
        how_to_book=counselling.get("how_to_book"),
        corpus_christi_holiday=counselling.get("corpus_christi_holiday", False),
        hours=tuple(hour_rule_from_record(rule) for rule in counselling.get("hours", ())),
        closures=tuple(closure_from_record(c) for c in counselling.get("closures", ())),
        bring=tuple(counselling.get("bring", ())),
    )


def office_from_record(data: dict, path: str) -> Office:
    address, counselling = data["address"], data["counselling"]
    coordinates = address.get("coordinates")
    return Office(
        id=data["id"],
        name=data["name"],
        kind=data["kind"],
        district=data["district"],
        status=data["status"],
        address=Address(
            address["street"],
            address["postcode"],
            address["town"],
            Coordinates(coordinates["lat"], coordinates["lon"]) if coordinates else None,
        ),
        accessibility=Accessibility(**data["accessibility"]),
        contact=Contact(**data["contact"]),
        counselling=counselling_from_record(counselling),
        checked_on=date_or_none(data["checked_on"]),
        source=Source(path),
        mp=data.get("mp"),
        directions=data.get("directions"),
        former_ids=tuple(data.get("former_ids", ())),
    )
