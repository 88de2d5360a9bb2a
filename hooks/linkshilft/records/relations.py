"""Checks that span records: what one schema cannot see.

Input: the parsed documents that passed their schema, plus the ids of every parsed record
(valid or not, so that one broken file does not cause a cascade of "unknown id" messages).
Output: Problems. Nothing here raises.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from linkshilft.problems import Problem, field_path
from linkshilft.records import kinds, reading, suggest
from linkshilft.records.load import Document
from linkshilft.records.model import TAKING_PLACE

# Saxony's extent (WGS 84), a little generous at the edges: the state border is not a box.
SAXONY_LAT = (50.17, 51.69)
SAXONY_LON = (11.87, 15.04)


@dataclass
class Records:
    """Parsed, schema-valid documents by kind, and all ids that exist (even in broken files)."""

    districts: list[tuple[Document, int]] = field(default_factory=list)  # (file, index in list)
    topics: list[tuple[Document, int]] = field(default_factory=list)
    mps: list[tuple[Document, int]] = field(default_factory=list)
    closures: Document | None = None
    counsellors: list[Document] = field(default_factory=list)
    lawyers: list[Document] = field(default_factory=list)
    offices: list[Document] = field(default_factory=list)
    known_ids: dict[str, set[str]] = field(default_factory=dict)
    names: dict[str, dict[str, str]] = field(default_factory=dict)  # kind -> id -> display name, for "meinten Sie"
    # Models made from these documents, kept for the next day's checks (pipeline.on_day, conditions.py).
    models: dict = field(default_factory=dict, repr=False)


def check(records: Records, schedule_problems=None) -> list[Problem]:
    """Checks that hold on every day; what depends on the day is in conditions.py."""
    problems: list[Problem] = []
    problems += _unique_list_ids(records.districts, "districts")
    problems += _unique_list_ids(records.topics, "topics")
    problems += _unique_list_ids(records.mps, "mps")
    for document in records.counsellors + records.lawyers:
        problems += reading.named_after_file(document)
    for document in records.lawyers:
        agreement = document.data["agreement"]
        if _date(agreement["valid_until"]) < _date(agreement["signed_on"]):
            problems.append(
                _at(
                    document,
                    ("agreement", "valid_until"),
                    f'"{agreement["valid_until"]}" liegt vor dem Tag der Unterschrift ("{agreement["signed_on"]}")',
                )
            )
    if records.closures is not None:
        for index, closure in enumerate(records.closures.data["closures"]):
            if closure["until"] < closure["from"]:
                problems.append(
                    _at(
                        records.closures,
                        ("closures", index, "until"),
                        f'"{closure["until"]}" liegt vor dem Beginn der Schließzeit ("{closure["from"]}")',
                    )
                )
    prefixes = {doc.data["districts"][i]["id"]: doc.data["districts"][i]["postcode_prefixes"] for doc, i in records.districts}
    silent_names = _names_without_consent(records.counsellors + records.lawyers)
    offices_by_id: dict[str, Document] = {}
    for document in records.offices:
        problems += reading.named_after_file(document)
        office_id = document.data["id"]
        if office_id in offices_by_id:
            # Both files get the message: in a pull request the new one may be either.
            first = offices_by_id[office_id]
            problems.append(_at(document, ("id",), f'Kennung "{office_id}" gibt es auch in {first.path}'))
            problems.append(_at(first, ("id",), f'Kennung "{office_id}" gibt es auch in {document.path}'))
        offices_by_id[office_id] = document
        problems += _office_problems(document, records.known_ids, prefixes, names=records.names)
        problems += _names_in_text(document, silent_names)
        if schedule_problems is not None:
            for relative, message in schedule_problems(document.data["counselling"]):
                problems.append(_at(document, ("counselling", *_split_path(relative)), message))
    return problems


def former_id_problems(offices: list[Document]) -> list[Problem]:
    """A former id that is a current id, or that two offices claim, cannot redirect anywhere sure."""
    current = {document.data["id"]: document for document in offices}
    claimed: dict[str, tuple[Document, int]] = {}
    found = []
    for document in offices:
        for index, former in enumerate(document.data.get("former_ids", ())):
            parts = ("former_ids", index)
            if former in current:
                owner = current[former]
                where = "die eigene Kennung" if owner is document else f"die Kennung von {owner.path}"
                found.append(_at(document, parts, f'"{former}" ist {where}; eine frühere Kennung darf keine aktuelle sein'))
            elif former in claimed:
                other, other_index = claimed[former]  # both files get the message: either may be the new one
                found.append(_at(document, parts, f'"{former}" steht auch in {other.path} als frühere Kennung'))
                message = f'"{former}" steht auch in {document.path} als frühere Kennung'
                found.append(_at(other, ("former_ids", other_index), message))
            else:
                claimed[former] = (document, index)
    return found


def _office_problems(document, known, prefixes, *, names=None) -> list[Problem]:
    data, problems = document.data, []
    folder = PurePosixPath(document.path).parent.name
    district = data["district"]
    if district != folder:
        problems.append(
            _at(
                document,
                ("district",),
                f'"{district}" passt nicht zum Ordner "{folder}" (die Datei gehört nach data/offices/{district}/)',
            )
        )
    counselling = data["counselling"]
    references = [(("district",), district, "districts")]
    if "mp" in data:
        references.append((("mp",), data["mp"], "mps"))
    if "lawyer" in counselling:
        references.append((("counselling", "lawyer"), counselling["lawyer"], "lawyers"))
    for i, topic in enumerate(counselling["topics"]):
        references.append((("counselling", "topics", i), topic, "topics"))
    for i, person in enumerate(counselling.get("counsellors", [])):
        references.append((("counselling", "counsellors", i), person, "counsellors"))
    for parts, value, kind in references:
        if value not in known.get(kind, set()):
            where = kinds.BY_NAME[kind].where
            meant = suggest.known_id(value, kind, suggest.Hints(names=names or {}))
            problems.append(_at(document, parts, reading.unknown_id(value, where, meant)))

    postcode = data["address"]["postcode"]
    if district in prefixes and not any(postcode.startswith(p) for p in prefixes[district]):
        owners = sorted(d for d, ps in prefixes.items() if any(postcode.startswith(p) for p in ps))
        if owners:
            others = " oder ".join(f'"{owner}"' for owner in owners)
            message = f'"{postcode}" gehört nicht zum Kreis "{district}", sondern zu {others}'
        else:
            message = f'"{postcode}" gehört nicht zum Kreis "{district}" und liegt nicht in Sachsen'
        problems.append(_at(document, ("address", "postcode"), message))
    coordinates = data["address"].get("coordinates")
    if coordinates and not (
        SAXONY_LAT[0] <= coordinates["lat"] <= SAXONY_LAT[1] and SAXONY_LON[0] <= coordinates["lon"] <= SAXONY_LON[1]
    ):
        problems.append(
            _at(
                document,
                ("address", "coordinates"),
                f"{coordinates['lat']}, {coordinates['lon']} liegt nicht in Sachsen (Breite und Länge vertauscht?)",
            )
        )

    status = data["status"]
    hours = counselling.get("hours", [])
    # The office's list is what its page and the filter show: every language of a rule belongs there too.
    for r, rule in enumerate(hours):
        for i, code in enumerate(rule.get("languages", [])):
            if code not in counselling["languages"]:
                problems.append(
                    _at(
                        document,
                        ("counselling", "hours", r, "languages", i),
                        f'"{code}" fehlt in counselling.languages (dort stehen alle Sprachen der Stelle, '
                        "auch die einzelner Termine)",
                    )
                )
    appointment_only = counselling.get("appointment_only", False)
    if appointment_only and hours:
        problems.append(
            _at(document, ("counselling", "hours"), "feste Sprechzeiten und appointment_only: true schließen sich aus")
        )
    if status in TAKING_PLACE and not hours and not appointment_only:
        problems.append(
            _at(
                document,
                ("counselling",),
                f"eine Stelle mit Status {status} braucht Sprechzeiten (hours) oder appointment_only: true mit how_to_book",
            )
        )
    if status in TAKING_PLACE:
        lawyer_id = counselling.get("lawyer")
        if lawyer_id is None:
            problems.append(
                _at(
                    document,
                    ("counselling", "lawyer"),
                    f'Pflichtfeld "lawyer" fehlt: eine Stelle mit Status {status} braucht die Anleitung '
                    "einer Volljuristin oder eines Volljuristen (§ 6 Abs. 2 RDG)",
                )
            )
    return problems


def _names_without_consent(documents: Iterable[Document]) -> dict[re.Pattern, str]:
    """How the name of a person without consent may appear in free text, as one pattern each.

    Texts are compared case-folded and NFKC-normalised ("FIEDLER", "Pötzsch" written with a
    combining dot, "VOSS" for "Voß"). The surname is the last word, or what stands before a
    comma ("Fiedler, Marco"); it is found alone, with a genitive s or apostrophe ("Fiedlers",
    "Voß'"), and a double name also by each of its parts or with a space ("Schmidt Weber").
    First name and surname together are covered by the surname alone."""
    patterns = {}
    for doc in documents:
        if doc.data["consent"]["publish_name"]:
            continue
        name = _fold(doc.data["name"])
        surname = name.split(",")[0].strip() if "," in name else name.split()[-1]
        parts = [part for part in re.split(r"[-\s]+", surname) if part]
        variants = [r"[-\s]+".join(map(re.escape, parts)), *(re.escape(part) for part in parts if len(part) >= 3)]
        patterns[re.compile(rf"(?<!\w)(?:{'|'.join(variants)})(?:s|'|’)?(?!\w)")] = doc.data["id"]
    return patterns


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


# Fields that refer to records by id ("counsellors: [fiedler-marco]"): how consent is checked, not text.
_REFERENCES = {"id", "district", "mp", "lawyer", "counsellors", "topics", "languages"}


def _names_in_text(document: Document, names: dict[re.Pattern, str]) -> list[Problem]:
    """A person's name without consent must not slip into a public free-text field."""
    problems = []
    for parts, text in _strings(document.data, ()):
        if _REFERENCES.intersection(part for part in parts if isinstance(part, str)):
            continue
        folded = _fold(text)
        for pattern, person in names.items():
            if pattern.search(folded):
                problems.append(
                    _at(
                        document,
                        parts,
                        f'nennt "{person}" mit Namen, doch für diese Person liegt keine Einwilligung zur Veröffentlichung vor',
                    )
                )
    return problems


def _strings(value, parts):
    if isinstance(value, str):
        yield parts, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, (*parts, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, (*parts, index))


def _unique_list_ids(entries: list[tuple[Document, int]], key: str) -> list[Problem]:
    seen: dict[str, int] = {}
    problems = []
    for document, index in entries:
        record_id = document.data[key][index]["id"]
        if record_id in seen:
            problems.append(
                _at(document, (key, index, "id"), f'Kennung "{record_id}" steht doppelt (zuerst in Zeile {seen[record_id]})')
            )
        else:
            seen[record_id] = document.line_of((key, index, "id"))
    return problems


def _split_path(text: str) -> tuple[str | int, ...]:
    """'hours[0].end' -> ('hours', 0, 'end')."""
    return tuple(int(part) if part.isdigit() else part for part in re.findall(r"[^.\[\]]+", text))


def _at(document: Document, parts: tuple, message: str) -> Problem:
    return Problem(document.path, document.line_of(parts), field_path(parts), message)


def _date(text: str) -> dt.date:
    return dt.date.fromisoformat(text)
