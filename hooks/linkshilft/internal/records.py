"""Internal records (measures 1–7 of the board decision): read, check, model.

Internal records are personal data of party members. They live in their own folder, named by
LINKSHILFT_INTERNAL_DATA (default data/internal, which holds fictional sample data only), and
only the internal site reads them: hooks/internal.py and `linkshilft validate --internal`.
Nothing on the public path imports this module (a test makes sure).

The pipeline is the public one, with the same reading functions and the same messages for the
same slip (records/reading.py): strict YAML → schema (schema/internal-*.schema.json) → checks
across records, including references into the public records → frozen dataclasses. Problems
are collected and returned, never raised.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from linkshilft.internal import model as im
from linkshilft.problems import Problem
from linkshilft.records import files, kinds, reading, suggest
from linkshilft.records import model as m
from linkshilft.records.load import Document

INTERNAL_ENV = "LINKSHILFT_INTERNAL_DATA"
DEFAULT_DIR = "data/internal"
LIST_FILES = {kind.name: kind.schema for kind in kinds.INTERNAL if kind.is_list}
FOLDERS = {kind.name: kind.schema for kind in kinds.INTERNAL if not kind.is_list}
NOTES = (".md", ".txt")  # a README in the private repository is fine


def internal_dir(project_dir: Path) -> Path:
    """data/internal below the project, unless LINKSHILFT_INTERNAL_DATA names another folder."""
    configured = Path(os.environ.get(INTERNAL_ENV) or DEFAULT_DIR)
    return configured if configured.is_absolute() else project_dir / configured


@dataclass
class _Parsed:
    """Schema-valid documents by kind, and the ids that exist (even in broken files)."""

    lists: dict[str, Document] = field(default_factory=dict)
    folders: dict[str, list[Document]] = field(default_factory=lambda: {kind: [] for kind in FOLDERS})
    pseudonyms: set[str] = field(default_factory=set)
    modules: set[str] = field(default_factory=set)


def load_internal(directory: Path, dataset: m.Dataset, root: Path | None = None) -> tuple[im.InternalData | None, list[Problem]]:
    """(data, []) or (None, every problem). `root` is what paths in messages are relative to."""
    parsed, problems = _read(directory, root or directory.parent)
    problems += _check(parsed, dataset)
    if problems:
        return None, sorted(set(problems))
    return _model(parsed), []


# --- reading ---------------------------------------------------------------------------------


def _read(directory: Path, root: Path) -> tuple[_Parsed, list[Problem]]:
    parsed, problems = _Parsed(), []

    def shown(path: Path) -> str:
        try:
            return files.shown(path.relative_to(root).as_posix())
        except ValueError:
            return files.shown(path.relative_to(directory.parent).as_posix())

    if not directory.is_dir():
        return parsed, [
            Problem(shown(directory), 1, "", f"Ordner der internen Daten nicht gefunden (Einstellung {INTERNAL_ENV})")
        ]

    def remember(document: Document) -> None:
        for entry in _entries(document.data, "people"):
            parsed.pseudonyms.add(entry.get("id"))
        for entry in _entries(document.data, "modules"):
            parsed.modules.add(entry.get("id"))

    def parse(path: Path, schema: str) -> Document | None:
        return reading.read_record(path, shown(path), schema, problems, remember=remember)

    for entry in sorted(directory.iterdir()):
        known = entry.name in FOLDERS if files.is_folder(entry) else entry.stem in LIST_FILES and entry.suffix == ".yaml"
        if not (known or entry.name.startswith(".") or entry.suffix in NOTES):
            expected = ", ".join([*(f"{name}/" for name in FOLDERS), *(f"{name}.yaml" for name in LIST_FILES)])
            problems.append(Problem(shown(entry), 1, "", f"unerwartete Datei oder unerwarteter Ordner (erwartet: {expected})"))
    for name, schema in LIST_FILES.items():
        path = directory / f"{name}.yaml"
        if os.path.lexists(path) and (document := parse(path, schema)) is not None:
            parsed.lists[name] = document
    for folder, schema in FOLDERS.items():
        for path in reading.yaml_files(directory / folder, shown, problems, depth=1):
            if (document := parse(path, schema)) is not None:
                parsed.folders[folder].append(document)
    return parsed, problems


def _entries(data: dict, key: str) -> list[dict]:
    entries = data.get(key)
    return [e for e in entries if isinstance(e, dict) and isinstance(e.get("id"), str)] if isinstance(entries, list) else []


# --- checks across records -------------------------------------------------------------------


def _check(parsed: _Parsed, data: m.Dataset) -> list[Problem]:
    today, problems = data.today, []
    refs = _References(data, parsed, problems)

    def not_future(document: Document, parts: tuple, text: str | None) -> None:
        if text and dt.date.fromisoformat(text) > today:
            problems.append(_at(document, parts, reading.in_future(text, today)))

    for document in parsed.folders["survey"]:
        problems.extend(reading.named_after_file(document, "office"))
        refs.office(document, ("office",))
        not_future(document, ("asked_on",), document.data["asked_on"])

    if (document := parsed.lists.get("mp_offices")) is not None:
        seen: dict[str, int] = {}
        for i, entry in enumerate(document.data["mp_offices"]):
            refs.check(document, ("mp_offices", i, "mp"), refs.mps)
            office = data.offices.get(entry.get("office")) if refs.office(document, ("mp_offices", i, "office")) else None
            if office is None:
                continue
            where = ("mp_offices", i, "office")
            if office.id in seen:
                problems.append(_at(document, where, f'"{office.id}" steht doppelt (zuerst in Zeile {seen[office.id]})'))
            seen.setdefault(office.id, document.line_of(where))
            if office.mp is None:
                problems.append(
                    _at(document, where, f'"{office.id}" ist kein Bürgerbüro (in {office.source.path} steht kein mp)')
                )
            elif office.mp != entry["mp"]:
                problems.append(_at(document, where, f'"{office.id}" gehört laut {office.source.path} zu "{office.mp}"'))
            if entry["state"] == "counselling" and office.status != "active":
                problems.append(
                    _at(
                        document,
                        ("mp_offices", i, "state"),
                        f'"counselling" passt nicht zum Status "{office.status}" in {office.source.path} '
                        "(Sprechstunde findet statt heißt dort status: active)",
                    )
                )

    first_seen: dict[str, str] = {}
    for document in parsed.folders["recruitment"]:
        problems.extend(reading.named_after_file(document, "district"))
        refs.check(document, ("district",), refs.districts)
        for i, person in enumerate(document.data["people"]):
            where = ("people", i)
            if person["id"] in first_seen:
                problems.append(
                    _at(document, (*where, "id"), f'Pseudonym "{person["id"]}" gibt es schon ({first_seen[person["id"]]})')
                )
            first_seen.setdefault(person["id"], f"{document.path}:{document.line_of((*where, 'id'))}")
            previous = None
            for key in ("answered_on", "contacted_on", "training_on", "active_on", "dropped_on"):
                if key not in person:
                    continue
                not_future(document, (*where, key), person[key])
                if previous and person[key] < person[previous]:
                    problems.append(_at(document, (*where, key), f'"{person[key]}" liegt vor {previous} ("{person[previous]}")'))
                if key != "dropped_on":
                    previous = key
            if "office" in person:
                refs.office(document, (*where, "office"))
            if "counsellor" in person:
                refs.check(document, (*where, "counsellor"), refs.counsellors)

    if (document := parsed.lists.get("modules")) is not None:
        lines: dict[str, int] = {}
        for i, module in enumerate(document.data["modules"]):
            if module["id"] in lines:
                problems.append(
                    _at(
                        document,
                        ("modules", i, "id"),
                        f'Kennung "{module["id"]}" steht doppelt (zuerst in Zeile {lines[module["id"]]})',
                    )
                )
            lines.setdefault(module["id"], document.line_of(("modules", i, "id")))

    for document in parsed.folders["trainings"]:
        training = document.data
        problems.extend(reading.named_after_file(document, "id"))
        if not training["id"].startswith(f"{training['date']}-"):
            problems.append(_at(document, ("id",), f'muss mit dem Datum beginnen, z. B. "{training["date"]}-grundkurs"'))
        refs.each(document, ("modules",), refs.modules)
        refs.each(document, ("topics",), refs.topics)
        refs.each(document, ("participants", "counsellors"), refs.counsellors)
        refs.each(document, ("participants", "recruits"), refs.pseudonyms)
        for i, _ in enumerate(training.get("participants", {}).get("mp_staff", ())):
            refs.check(document, ("participants", "mp_staff", i, "mp"), refs.mps)

    for document in parsed.folders["interim"]:
        record = document.data
        problems.extend(reading.named_after_file(document, "office"))
        refs.office(document, ("office",))
        if record["cover"].get("office") == record["office"]:
            problems.append(_at(document, ("cover", "office"), "die Nachbarstelle muss eine andere Stelle sein"))
        elif "office" in record["cover"]:
            refs.office(document, ("cover", "office"))
        if "counsellor" in record["cover"]:
            refs.check(document, ("cover", "counsellor"), refs.counsellors)
        if "onboarding" in record:
            refs.check(document, ("onboarding", "mentor"), refs.counsellors)
            refs.each(document, ("onboarding", "trainees"), refs.pseudonyms)
            for i, step in enumerate(record["onboarding"]["steps"]):
                not_future(document, ("onboarding", "steps", i, "done_on"), step.get("done_on"))
        if record["target_date"] < record["since"]:
            problems.append(
                _at(document, ("target_date",), f'"{record["target_date"]}" liegt vor dem Beginn ("{record["since"]}")')
            )

    planned_by: dict[str, str] = {}
    for document in parsed.folders["guidance"]:
        record = document.data
        problems.extend(reading.named_after_file(document, "lawyer"))
        refs.check(document, ("lawyer",), refs.lawyers)
        for i, office_id in enumerate(record.get("planned_offices", ())):
            where = ("planned_offices", i)
            if not refs.office(document, where):
                continue
            public = data.offices[office_id]
            if public.counselling.lawyer not in (None, record["lawyer"]):
                problems.append(
                    _at(
                        document,
                        where,
                        f'"{office_id}" wird laut {public.source.path} von "{public.counselling.lawyer}" angeleitet',
                    )
                )
            if office_id in planned_by:
                problems.append(_at(document, where, f'"{office_id}" ist schon in {planned_by[office_id]} eingeplant'))
            planned_by.setdefault(office_id, document.path)
        for i, conference in enumerate(record.get("case_conferences", ())):
            not_future(document, ("case_conferences", i, "date"), conference["date"])
            refs.each(document, ("case_conferences", i, "offices"), refs.offices)

    for document in parsed.folders["reports"]:
        problems.extend(reading.named_after_file(document, "date"))
        not_future(document, ("date",), document.data["date"])
    return problems


class _References:
    """Checks that an id names an existing record; each check appends its own German message."""

    def __init__(self, data: m.Dataset, parsed: _Parsed, problems: list[Problem]):
        self.problems = problems

        def public(kind: str, records: dict) -> tuple[dict[str, str], str]:
            return {key: getattr(record, "name", key) for key, record in records.items()}, kinds.BY_NAME[kind].where

        # (id -> display name, where the records are): the names let a message answer a name with its id.
        self.offices = public("offices", data.offices)
        self.mps = public("mps", data.mps)
        self.districts = public("districts", data.districts)
        self.counsellors = public("counsellors", data.counsellors)
        self.lawyers = public("lawyers", data.lawyers)
        self.topics = public("topics", data.topics)
        self.modules = ({key: key for key in parsed.modules}, "modules.yaml der internen Daten")
        self.pseudonyms = ({key: key for key in parsed.pseudonyms}, "recruitment/ der internen Daten")

    def check(self, document: Document, parts: tuple, kind: tuple[dict[str, str], str]) -> bool:
        value = _value(document.data, parts)
        names, where = kind
        if value is None:
            return False
        if value not in names:
            meant = suggest.known_id(value, "ids", suggest.Hints(names={"ids": names}))
            self.problems.append(_at(document, parts, reading.unknown_id(value, where, meant)))
            return False
        return True

    def office(self, document: Document, parts: tuple) -> bool:
        return self.check(document, parts, self.offices)

    def each(self, document: Document, parts: tuple, kind: tuple[dict[str, str], str]) -> None:
        for i, _ in enumerate(_value(document.data, parts) or ()):
            self.check(document, (*parts, i), kind)


def _value(data, parts: tuple):
    for part in parts:
        if isinstance(data, dict):
            data = data.get(part)
        elif isinstance(data, list) and isinstance(part, int) and part < len(data):
            data = data[part]
        else:
            return None
    return data


_at = reading.at


# --- model -----------------------------------------------------------------------------------


def _model(parsed: _Parsed) -> im.InternalData:
    def each(folder: str, make: Callable[[Document], object]) -> list:
        return [make(document) for document in parsed.folders[folder]]

    lists = {name: document.data for name, document in parsed.lists.items()}
    volunteers = [
        im.volunteer_from_record(person, document.data["district"])
        for document in parsed.folders["recruitment"]
        for person in document.data["people"]
    ]
    return im.InternalData(
        survey={a.office: a for a in each("survey", lambda d: im.survey_from_record(d.data, d.path))},
        mp_offices=tuple(im.mp_office_from_record(e) for e in lists.get("mp_offices", {}).get("mp_offices", ())),
        volunteers={v.id: v for v in sorted(volunteers, key=lambda v: v.id)},
        modules={mod.id: mod for mod in (im.module_from_record(e) for e in lists.get("modules", {}).get("modules", ()))},
        trainings=tuple(sorted(each("trainings", lambda d: im.training_from_record(d.data)), key=lambda t: (t.date, t.id))),
        interim={i.office: i for i in each("interim", lambda d: im.interim_from_record(d.data))},
        guidance={g.lawyer: g for g in each("guidance", lambda d: im.guidance_from_record(d.data))},
        reports=tuple(sorted(each("reports", lambda d: im.report_from_record(d.data)), key=lambda r: r.date)),
    )
