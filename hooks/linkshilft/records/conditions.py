"""Everything about the data that depends on the day: `day_checks(records, today)`.

Two kinds of findings come out of it:

- errors an edit got wrong and that time can only take away, never bring: a date in the
  future that must be past (`checked_on`, a consent, an agreement not yet signed) and a
  counsellor booked twice (bookings.py checks the rules' whole period);
- conditions that time brings to unchanged data. They never stop a build: an office whose
  guidance under RDG § 6 has ended rests (it is offered nowhere, its page says the counselling
  is paused); an agreement ending within AGREEMENT_WARN_DAYS, hours ending within
  HOURS_WARN_DAYS, hours that have all ended and data checked long ago are warnings.

The rest of the checks (relations.py, schedule/) do not depend on the day, so a test can
load the data once and walk it through many days with this function alone.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from linkshilft.problems import Problem, field_path
from linkshilft.records import bookings, reading
from linkshilft.records import model as m
from linkshilft.records.load import Document

OUTDATED_AFTER_DAYS = 183
AGREEMENT_WARN_DAYS = 60
HOURS_WARN_DAYS = 30

# Kinds of conditions, in the order coordinators read them.
KINDS = {
    "guidance-ended": "Stellen, die ruhen: Anleitung nach § 6 RDG beendet",
    "guidance-ending": "Vereinbarungen, die bald enden",
    "hours-ended": "Stellen, deren Sprechzeiten alle abgelaufen sind",
    "hours-ending": "Stellen, deren Sprechzeiten bald enden",
    "outdated": "Angaben, die lange nicht geprüft wurden",
    "translation-missing": "Themen und Kreise ohne Übersetzung",  # records/translations.py
}


@dataclass(frozen=True)
class Condition:
    """Something time brought: a warning in every build; in a pull request that brings it anew, an
    error if `new_is_error` (an edit that makes an office rest by itself is a mistake)."""

    kind: str  # a key of KINDS
    subject: str  # id of the office or lawyer
    problem: Problem
    new_is_error: bool = False

    @property
    def key(self) -> tuple[str, str, str]:
        """What identifies it on both sides of a pull request: lines move, the message does not."""
        return self.problem.path, self.problem.field, self.problem.message


@dataclass(frozen=True)
class DayFindings:
    errors: list[Problem]
    conditions: list[Condition]

    @property
    def resting(self) -> frozenset[str]:
        """Offices whose guidance has ended: offered nowhere, their page says they rest."""
        return frozenset(c.subject for c in self.conditions if c.kind == "guidance-ended")


def is_outdated(checked_on: dt.date, today: dt.date) -> bool:
    """Last checked over six months ago: the build warns, coordinators get a list."""
    return (today - checked_on).days > OUTDATED_AFTER_DAYS


def day_checks(records, today: dt.date, statewide: Sequence[m.Closure] = (), bookings_too: bool = True) -> DayFindings:
    """`records` are relations.Records (schema-valid documents). Double bookings need records that
    passed every other check too: `bookings_too=False` leaves them out."""
    errors: list[Problem] = []
    conditions: list[Condition] = []
    for document in records.counsellors + records.lawyers:
        given = document.data["consent"].get("given_on")
        if given and _date(given) > today:
            errors.append(_at(document, ("consent", "given_on"), reading.in_future(given, today)))
    lawyers = {d.data["id"]: d for d in records.lawyers}
    guided: dict[str, list[Document]] = {}
    taking_place = []
    for document in records.offices:
        data = document.data
        if _date(data["checked_on"]) > today:
            errors.append(_at(document, ("checked_on",), reading.in_future(data["checked_on"], today)))
        elif is_outdated(_date(data["checked_on"]), today):
            checked = _date(data["checked_on"])
            message = f"zuletzt am {checked:%d.%m.%Y} geprüft – bitte Angaben prüfen und Datum erneuern"
            conditions.append(Condition("outdated", data["id"], _at(document, ("checked_on",), message)))
        if data["status"] not in m.TAKING_PLACE:
            continue
        counselling = data["counselling"]
        lawyer = lawyers.get(counselling.get("lawyer", ""))
        if lawyer is not None:
            signed, until = (_date(lawyer.data["agreement"][key]) for key in ("signed_on", "valid_until"))
            if today < signed:
                errors.append(
                    _at(
                        document,
                        ("counselling", "lawyer"),
                        f'die Vereinbarung mit "{lawyer.data["id"]}" gilt am {today:%d.%m.%Y} nicht (gültig {signed:%d.%m.%Y} '
                        f"bis {until:%d.%m.%Y}); ohne gültige Anleitung nach § 6 Abs. 2 RDG darf die Stelle nicht "
                        f'mit Status "{data["status"]}" erscheinen',
                    )
                )
                continue
            if until < today:
                message = (
                    f'die Vereinbarung mit "{lawyer.data["id"]}" über die Anleitung nach § 6 Abs. 2 RDG endete am '
                    f"{until:%d.%m.%Y}; die Stelle ruht: keine Termine auf der Seite, ihre Seite sagt, dass die Beratung "
                    "pausiert – bitte die Vereinbarung verlängern oder eine andere Anleitung eintragen"
                )
                problem = _at(document, ("counselling", "lawyer"), message)
                conditions.append(Condition("guidance-ended", data["id"], problem, new_is_error=True))
                continue
            guided.setdefault(lawyer.data["id"], []).append(document)
        counselling_model = records.models.get(document.path)
        if counselling_model is None:
            counselling_model = records.models[document.path] = m.counselling_from_record(counselling)
        taking_place.append((document, counselling_model))
        conditions += _hours_ending(document, counselling_model, today)
    for lawyer_id, offices in guided.items():
        until = _date(lawyers[lawyer_id].data["agreement"]["valid_until"])
        left = (until - today).days
        if left <= AGREEMENT_WARN_DAYS:
            names = ", ".join(sorted(d.data["id"] for d in offices))
            count = "ruht 1 Stelle" if len(offices) == 1 else f"ruhen {len(offices)} Stellen"
            message = (
                f"die Vereinbarung endet am {until:%d.%m.%Y} ({_in_days(left)}); danach {count} ({names}) – "
                "bitte rechtzeitig verlängern"
            )
            problem = _at(lawyers[lawyer_id], ("agreement", "valid_until"), message)
            conditions.append(Condition("guidance-ending", lawyer_id, problem))
    if bookings_too:
        errors += bookings.double_bookings(taking_place, statewide, today)
    return DayFindings(sorted(errors), sorted(conditions, key=lambda c: (list(KINDS).index(c.kind), c.problem)))


def _hours_ending(document: Document, counselling: m.Counselling, today: dt.date) -> list[Condition]:
    """Hours that have all ended or all end soon: the office will show no dates."""
    if counselling.appointment_only or not counselling.hours:
        return []
    ends = [rule.date or rule.valid_until for rule in counselling.hours]
    if any(end is None for end in ends):
        return []
    last = max(ends)
    if last < today:
        message = (
            f"alle Sprechzeiten sind abgelaufen (die letzte am {last:%d.%m.%Y}); die Seite zeigt keine Termine – "
            "bitte neue Sprechzeiten eintragen oder den Stand ändern"
        )
        return [Condition("hours-ended", document.data["id"], _at(document, ("counselling", "hours"), message))]
    if (last - today).days <= HOURS_WARN_DAYS:
        message = (
            f"die letzte Sprechzeit ist am {last:%d.%m.%Y} ({_in_days((last - today).days)}); danach zeigt die Seite "
            "keine Termine mehr – bitte neue Sprechzeiten eintragen"
        )
        return [Condition("hours-ending", document.data["id"], _at(document, ("counselling", "hours"), message))]
    return []


def _in_days(days: int) -> str:
    return {0: "heute", 1: "morgen"}.get(days, f"in {days} Tagen")


def _at(document: Document, parts: tuple, message: str) -> Problem:
    return Problem(document.path, document.line_of(parts), field_path(parts), message)


def _date(text: str) -> dt.date:
    return dt.date.fromisoformat(text)
