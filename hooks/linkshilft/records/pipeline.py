"""files → parse → validate → check relations → model, in one direction.

`load_dataset` is the one entry point for the CLI, the MkDocs hooks and the tests. It
returns the Dataset or every problem found, never both, and never raises for bad data.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from collections.abc import Sequence
from pathlib import Path

from linkshilft.problems import Problem
from linkshilft.records import conditions, files, kinds, reading, relations, suggest, translations
from linkshilft.records import model as m
from linkshilft.records.load import Document
from linkshilft.schedule.checks import schedule_problems

DATA_ENV = "LINKSHILFT_DATA"
TODAY_ENV = "LINKSHILFT_TODAY"



def data_dir(base: Path | None = None) -> Path:
    """`data/` (relative to `base`, default the working directory) unless LINKSHILFT_DATA names another."""
    configured = Path(os.environ.get(DATA_ENV, "data"))
    return configured if configured.is_absolute() else (base or Path.cwd()) / configured


def build_date(value: str | None = None) -> dt.date:
    """The day dates are computed for: the clock, or LINKSHILFT_TODAY / --today (YYYY-MM-DD)."""
    text = value or os.environ.get(TODAY_ENV)
    return dt.date.fromisoformat(text) if text else dt.date.today()


def display_path(path: Path, directory: Path) -> str:
    """Paths in messages start at the data folder's name: "data/offices/leipzig/x.yaml".
    A line feed or other control character in a name is shown escaped ("a\\nb.yaml")."""
    return files.shown(path.relative_to(directory.parent).as_posix())


def load_dataset(
    directory: Path, today: dt.date, languages: Sequence[str] | None = None
) -> tuple[m.Dataset | None, list[Problem], list[Problem]]:
    """Returns (dataset, problems, warnings). dataset is None whenever problems is not empty.
    `languages`: the site's besides German (the setting, languages.translated), for the data's
    `translations:`; None checks no language (tools that only read the data)."""
    dataset, problems, found = findings(directory, today, languages)
    return dataset, problems, [condition.problem for condition in found]


def findings(
    directory: Path, today: dt.date, languages: Sequence[str] | None = None
) -> tuple[m.Dataset | None, list[Problem], list[conditions.Condition]]:
    """(dataset, errors, conditions): what an edit got wrong, and what time brought (never an error)."""
    records, problems = check_records(directory, languages)
    return on_day(records, problems, today, languages)


def check_records(directory: Path, languages: Sequence[str] | None = None) -> tuple[relations.Records, list[Problem]]:
    """Read and check everything that does not depend on the day: load once, then `on_day` for any day."""
    records, problems = read_records(directory)
    problems += relations.check(records, lambda data: schedule_problems(m.counselling_from_record(data)))
    problems += relations.former_id_problems(records.offices)
    problems += translations.problems(records, languages)
    return records, problems


def on_day(
    records: relations.Records, problems: list[Problem], today: dt.date, languages: Sequence[str] | None = None
) -> tuple[m.Dataset | None, list[Problem], list[conditions.Condition]]:
    """The day-dependent checks (conditions.py) on records checked by `check_records`."""
    statewide = tuple(m.closure_from_record(c) for c in (records.closures.data["closures"] if records.closures else ()))
    # A double booking is computed from hours, which only records that passed every check can give.
    day = conditions.day_checks(records, today, statewide, bookings_too=not problems)
    found = [*day.conditions, *translations.conditions(records, languages)]  # not the day's, but warnings as well
    errors = sorted([*problems, *day.errors])
    if errors:
        return None, errors, found
    if "dataset" not in records.models:
        records.models["dataset"] = _dataset(records, today)
    return dataclasses.replace(records.models["dataset"], today=today, resting=day.resting), [], found


def read_records(directory: Path) -> tuple[relations.Records, list[Problem]]:
    records = relations.Records()
    problems: list[Problem] = []
    known: dict[str, set[str]] = {kind.name: set() for kind in kinds.PUBLIC if kind.name != "closures"}
    records.known_ids = known
    hints = suggest.Hints(names=records.names)
    if not directory.is_dir():
        return records, [Problem(directory.name, 1, "", "Datenordner nicht gefunden")]

    def parse(path: Path, kind: kinds.Kind) -> Document | None:
        def remember(document: Document) -> None:
            # Their display names let a message answer "Miete" or "Olena Petrenko" with the id.
            if kind.is_list:
                entries = document.data.get(kind.name)
                for entry in entries if isinstance(entries, list) else []:
                    if isinstance(entry, dict) and isinstance(entry.get("id"), str):
                        known.get(kind.name, set()).add(entry["id"])
                        _remember(records.names, hints, kind.name, entry)
            elif isinstance(document.data.get("id"), str):
                known[kind.name].add(document.data["id"])
                _remember(records.names, hints, kind.name, document.data)

        return reading.read_record(path, display_path(path, directory), kind.schema, problems, hints=hints, remember=remember)

    for kind in kinds.READ_ORDER:
        if kind.is_list:
            path = directory / kind.file_name
            if not os.path.lexists(path):
                if kind.required:
                    problems.append(Problem(display_path(path, directory), 1, "", "Datei fehlt"))
                continue
            if (document := parse(path, kind)) is None:
                continue
            if kind.name == "closures":
                records.closures = document
            else:
                getattr(records, kind.name).extend((document, i) for i in range(len(document.data[kind.name])))
            continue
        for path in reading.yaml_files(directory / kind.name, lambda p: display_path(p, directory), problems, kind.depth):
            if (document := parse(path, kind)) is not None:
                getattr(records, kind.name).append(document)
    return records, problems


def _remember(names: dict, hints: suggest.Hints, kind: str, record: dict) -> None:
    name = record.get("name")
    names.setdefault(kind, {})[record["id"]] = name if isinstance(name, str) else record["id"]
    prefixes = record.get("postcode_prefixes")
    if kind == "districts" and isinstance(prefixes, list) and all(isinstance(p, str) for p in prefixes):
        hints.prefixes[record["id"]] = tuple(prefixes)


def _dataset(records: relations.Records, today: dt.date) -> m.Dataset:
    def listed(entries, key, make):
        return {d.data[key][i]["id"]: make(d.data[key][i]) for d, i in entries}

    return m.Dataset(
        districts=listed(
            records.districts, "districts", lambda r: m.District(
                r["id"], r["name"], r["kind"], tuple(r["postcode_prefixes"]), r.get("translations", {})
            ),
        ),
        topics=listed(
            records.topics, "topics", lambda r: m.Topic(r["id"], r["name"], r["description"], r.get("translations", {}))
        ),
        mps=listed(records.mps, "mps", lambda r: m.MP(r["id"], r["name"], r.get("constituency"))),
        counsellors={
            d.data["id"]: m.Counsellor(
                d.data["id"],
                d.data["name"],
                m.consent_from_record(d.data["consent"]),
                tuple(d.data["languages"]),
                d.data["role"],
                m.Source(d.path),
            )
            for d in records.counsellors
        },
        lawyers={
            d.data["id"]: m.Lawyer(
                d.data["id"],
                d.data["name"],
                d.data["qualification"],
                m.date_or_none(d.data["agreement"]["signed_on"]),
                m.date_or_none(d.data["agreement"]["valid_until"]),
                m.consent_from_record(d.data["consent"]),
                m.Source(d.path),
            )
            for d in records.lawyers
        },
        offices={d.data["id"]: m.office_from_record(d.data, d.path) for d in records.offices},
        closures=tuple(m.closure_from_record(c) for c in (records.closures.data["closures"] if records.closures else ())),
        today=today,
    )
