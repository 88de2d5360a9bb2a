"""The internal records (measures 1–7) as frozen dataclasses.

Built only from records that passed their schema and the checks in `records.py`, so the
constructors trust their input. Persons appear only by pseudonym or by the id of a public
record; the free texts are what coordinators wrote.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from linkshilft.records.model import Source, date_or_none

STAGES = ("interested", "contacted", "in_training", "active", "dropped")
STAGE_LABELS = {
    "interested": "gemeldet",
    "contacted": "angesprochen",
    "in_training": "in Schulung",
    "active": "aktiv",
    "dropped": "nicht mehr dabei",
}
INTEREST_LABELS = {"organise": "organisieren", "counsel": "beraten"}
RHYTHM_LABELS = {
    "weekly": "wöchentlich",
    "every_two_weeks": "alle zwei Wochen",
    "monthly": "monatlich",
    "irregular": "unregelmäßig",
    "by_appointment": "nach Vereinbarung",
}
GIVEN_BY_LABELS = {
    "counsellors": "Ehrenamtliche",
    "party_staff": "Mitarbeitende der Partei",
    "mp_staff": "Mitarbeitende der/des Abgeordneten",
    "mp": "Abgeordnete/r selbst",
}
MP_OFFICE_STATES = {
    "counselling": "Sprechstunde findet statt",
    "agreed": "vereinbart",
    "in_talks": "im Gespräch",
    "not_yet": "noch nicht angesprochen",
    "declined": "abgelehnt",
}
COVER_LABELS = {
    "neighbour_office": "Nachbarstelle",
    "phone_hour": "Telefonsprechstunde",
    "travelling_counsellor": "reisende Beratung",
}
RENEWAL_LABELS = {
    "not_due": "noch nicht fällig",
    "requested": "angefragt",
    "negotiating": "in Verhandlung",
    "agreed": "zugesagt",
    "ending": "wird nicht verlängert",
}


@dataclass(frozen=True)
class SurveyAnswer:
    office: str
    asked_on: dt.date
    answered_by: str
    counselling: bool
    rhythm: str | None
    given_by: tuple[str, ...]
    remarks: str | None
    source: Source


@dataclass(frozen=True)
class MpOffice:
    mp: str
    office: str | None
    town: str
    state: str
    agreement: str | None
    due: dt.date | None
    remarks: str | None


@dataclass(frozen=True)
class Volunteer:
    id: str  # pseudonym
    district: str
    answered_on: dt.date
    interest: tuple[str, ...]
    stage: str
    contacted_on: dt.date | None
    training_on: dt.date | None
    active_on: dt.date | None
    dropped_on: dt.date | None
    office: str | None
    counsellor: str | None
    remarks: str | None

    @property
    def last_step_on(self) -> dt.date:
        steps = (self.answered_on, self.contacted_on, self.training_on, self.active_on, self.dropped_on)
        return max(day for day in steps if day is not None)


@dataclass(frozen=True)
class Module:
    id: str
    name: str
    required: bool
    refresh_months: int | None
    description: str | None


@dataclass(frozen=True)
class Training:
    id: str
    date: dt.date
    place: str
    title: str
    trainer: str
    modules: tuple[str, ...]
    topics: tuple[str, ...]
    counsellors: tuple[str, ...]
    recruits: tuple[str, ...]
    mp_staff: tuple[tuple[str, int], ...]  # (mp id, number of staff)
    remarks: str | None

    @property
    def attendance(self) -> int:
        return len(self.counsellors) + len(self.recruits) + sum(count for _, count in self.mp_staff)


@dataclass(frozen=True)
class Step:
    title: str
    due: dt.date
    done_on: dt.date | None


@dataclass(frozen=True)
class Interim:
    office: str
    since: dt.date
    cover_kind: str
    cover_office: str | None
    cover_counsellor: str | None
    cover_description: str
    mentor: str | None
    trainees: tuple[str, ...]
    steps: tuple[Step, ...]
    target_date: dt.date
    remarks: str | None


@dataclass(frozen=True)
class Conference:
    date: dt.date
    offices: tuple[str, ...]
    cases: int
    topics: str | None


@dataclass(frozen=True)
class Guidance:
    lawyer: str
    planned_offices: tuple[str, ...]
    renewal: str | None
    renewal_note: str | None
    conferences: tuple[Conference, ...]
    remarks: str | None


@dataclass(frozen=True)
class PastReport:
    date: dt.date
    occasion: str
    figures: dict[str, int]


@dataclass(frozen=True)
class InternalData:
    survey: dict[str, SurveyAnswer]  # by office id
    mp_offices: tuple[MpOffice, ...]
    volunteers: dict[str, Volunteer]  # by pseudonym
    modules: dict[str, Module]
    trainings: tuple[Training, ...]  # by date
    interim: dict[str, Interim]  # by office id
    guidance: dict[str, Guidance]  # by lawyer id
    reports: tuple[PastReport, ...]  # by date


# --- from schema-valid records ------------------------------------------------------------


def _date(text: str | None) -> dt.date | None:
    return date_or_none(text)


def survey_from_record(data: dict, path: str) -> SurveyAnswer:
    return SurveyAnswer(
        data["office"],
        _date(data["asked_on"]),
        data["answered_by"],
        data["counselling"],
        data.get("rhythm"),
        tuple(data.get("given_by", ())),
        data.get("remarks"),
        Source(path),
    )


def mp_office_from_record(data: dict) -> MpOffice:
    return MpOffice(
        data["mp"],
        data.get("office"),
        data["town"],
        data["state"],
        data.get("agreement"),
        _date(data.get("due")),
        data.get("remarks"),
    )


def volunteer_from_record(data: dict, district: str) -> Volunteer:
    return Volunteer(
        id=data["id"],
        district=district,
        answered_on=_date(data["answered_on"]),
        interest=tuple(data["interest"]),
        stage=data["stage"],
        contacted_on=_date(data.get("contacted_on")),
        training_on=_date(data.get("training_on")),
        active_on=_date(data.get("active_on")),
        dropped_on=_date(data.get("dropped_on")),
        office=data.get("office"),
        counsellor=data.get("counsellor"),
        remarks=data.get("remarks"),
    )


def module_from_record(data: dict) -> Module:
    return Module(data["id"], data["name"], data.get("required", False), data.get("refresh_months"), data.get("description"))


def training_from_record(data: dict) -> Training:
    participants = data.get("participants", {})
    return Training(
        id=data["id"],
        date=_date(data["date"]),
        place=data["place"],
        title=data["title"],
        trainer=data["trainer"],
        modules=tuple(data["modules"]),
        topics=tuple(data.get("topics", ())),
        counsellors=tuple(participants.get("counsellors", ())),
        recruits=tuple(participants.get("recruits", ())),
        mp_staff=tuple((entry["mp"], entry["count"]) for entry in participants.get("mp_staff", ())),
        remarks=data.get("remarks"),
    )


def interim_from_record(data: dict) -> Interim:
    cover, onboarding = data["cover"], data.get("onboarding", {})
    return Interim(
        office=data["office"],
        since=_date(data["since"]),
        cover_kind=cover["kind"],
        cover_office=cover.get("office"),
        cover_counsellor=cover.get("counsellor"),
        cover_description=cover["description"],
        mentor=onboarding.get("mentor"),
        trainees=tuple(onboarding.get("trainees", ())),
        steps=tuple(Step(s["title"], _date(s["due"]), _date(s.get("done_on"))) for s in onboarding.get("steps", ())),
        target_date=_date(data["target_date"]),
        remarks=data.get("remarks"),
    )


def guidance_from_record(data: dict) -> Guidance:
    renewal = data.get("renewal", {})
    return Guidance(
        lawyer=data["lawyer"],
        planned_offices=tuple(data.get("planned_offices", ())),
        renewal=renewal.get("status"),
        renewal_note=renewal.get("note"),
        conferences=tuple(
            sorted(
                (
                    Conference(_date(c["date"]), tuple(c["offices"]), c["cases"], c.get("topics"))
                    for c in data.get("case_conferences", ())
                ),
                key=lambda c: c.date,
            )
        ),
        remarks=data.get("remarks"),
    )


def report_from_record(data: dict) -> PastReport:
    return PastReport(_date(data["date"]), data["occasion"], dict(data["figures"]))
