""""Meinten Sie …?": the editor's own value, corrected where the correction is unambiguous.

A message that shows a fixed example ("z. B. "04229"") leaves the editor to work out what
their value should be; a Dresden postcode written without its leading zero is better
answered with "meinten Sie "01169"?". Each function here returns the corrected value or
None: None whenever more than one correction would fit, so no guess ever reads as fact.

Which fields take which kind of value is said in the schema ("x-hint" in
common.schema.json); the ids and display names come from the data (`Hints`).
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from linkshilft.records.model import WEEKDAYS

_QUOTES = "\"'„“”‚‘’»«"
_GERMAN_DAYS = ("montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag")
_SHORT_DAYS = ("mo", "di", "mi", "do", "fr", "sa", "so")
# Which list of ids a field refers to, by the last name in its path (see relations.py).
ID_KINDS = {"district": "districts", "mp": "mps", "lawyer": "lawyers", "topics": "topics", "counsellors": "counsellors"}


@dataclass
class Hints:
    """What the data knows that helps to correct a value: ids with display names, postcode prefixes."""

    names: dict[str, dict[str, str]] = field(default_factory=dict)  # kind -> id -> display name
    prefixes: dict[str, tuple[str, ...]] = field(default_factory=dict)  # district id -> postcode prefixes


def _unquoted(text: str) -> str:
    return text.strip().strip(_QUOTES).strip()


def time(text: str) -> str | None:
    """'9:00' -> '09:00', '14.30' -> '14:30', '„14:00“' -> '14:00', '2 pm' -> '14:00', '14 Uhr' -> '14:00'."""
    value = _unquoted(text).lower()
    match = re.fullmatch(r"(\d{1,2})(?:[:.h](\d{2}))?\s*(uhr|am|pm|a\.m\.|p\.m\.)?", value)
    if match is None:
        return None
    hour, minute, suffix = int(match[1]), int(match[2] or 0), (match[3] or "").replace(".", "")
    if match[2] is None and not suffix:
        return None  # a bare "14" might be anything
    if suffix in ("am", "pm"):
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if suffix == "pm" else 0)
    if hour > 23 or minute > 59:
        return None
    return f"{hour:02d}:{minute:02d}"


def date(text: str) -> str | None:
    """'29.11.2026' -> '2026-11-29', '2026-1-5' -> '2026-01-05'; only days that exist."""
    value = _unquoted(text)
    if match := re.fullmatch(r"(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})", value):
        day, month, year = int(match[1]), int(match[2]), int(match[3])
    elif match := re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", value):
        year, month, day = int(match[1]), int(match[2]), int(match[3])
    else:
        return None
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def postcode(text: str) -> str | None:
    """4229 -> '04229': Saxon postcodes begin with 0, which a number loses."""
    value = _unquoted(text).replace(" ", "")
    if re.fullmatch(r"[1-9]\d{3}", value):
        return "0" + value
    if re.fullmatch(r"\d{5}", value) and value != _unquoted(text):
        return value
    return None


def weekday(value: Any) -> str | None:
    """'Dienstag', 'di', 'dienstags', 'Tuesday', 2 (ISO: Monday is 1) -> 'tuesday'."""
    if isinstance(value, int) and not isinstance(value, bool):
        return WEEKDAYS[value - 1] if 1 <= value <= 7 else None
    text = _unquoted(str(value)).lower().rstrip(".")
    if text in WEEKDAYS:
        return text
    if text.isdigit():
        return weekday(int(text))
    for days in (_GERMAN_DAYS, _SHORT_DAYS):
        for index, name in enumerate(days):
            if text in (name, name + "s"):
                return WEEKDAYS[index]
    close = difflib.get_close_matches(text, [*WEEKDAYS, *_GERMAN_DAYS], n=1, cutoff=0.85)  # not Feiertag -> freitag
    if close:
        name = close[0]
        return name if name in WEEKDAYS else WEEKDAYS[_GERMAN_DAYS.index(name)]
    return None


def slug(text: str) -> str:
    """'Bürgergeld' -> 'buergergeld', 'Olena Petrenko' -> 'olena-petrenko'."""
    text = text.lower().replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def known_id(value: str, kind: str, hints: Hints) -> str | None:
    """The id meant by `value`: the id written differently, a display name, or one typo away."""
    names = hints.names.get(kind, {})
    if not names or not isinstance(value, str):
        return None
    wanted = slug(value)
    if wanted in names:
        return wanted
    by_name = {slug(name): record_id for record_id, name in names.items()}
    if wanted in by_name:
        return by_name[wanted]
    # "Petrenko Olena" or "Olena Petrenko" for "petrenko-olena"; "Miete" for "Miete und Nebenkosten"
    words = sorted(wanted.split("-"))
    matches = {i for s, i in by_name.items() if sorted(s.split("-")) == words}
    matches |= {i for i in names if sorted(i.split("-")) == words}
    if len(matches) == 1:
        return matches.pop()
    close = difflib.get_close_matches(wanted, list(names), n=2, cutoff=0.8)
    if len(close) == 1 or (len(close) == 2 and _clearly_closer(wanted, *close)):
        return close[0]
    return None


def _clearly_closer(wanted: str, first: str, second: str) -> bool:
    ratio = difflib.SequenceMatcher(None, wanted, first).ratio()
    return ratio - difflib.SequenceMatcher(None, wanted, second).ratio() > 0.1


def id_kind(parts: tuple[str | int, ...]) -> str | None:
    """('counselling', 'topics', 1) -> 'topics': which list of ids a field refers to."""
    names = [part for part in parts if isinstance(part, str)]
    return ID_KINDS.get(names[-1]) if names else None


def corrected(hint: str, value: Any, raw: str | None, parts: tuple, hints: Hints | None) -> str | None:
    """The corrected value for a field whose schema carries "x-hint", or None."""
    text = raw if raw is not None else value if isinstance(value, str) else str(value)
    if hint == "time":
        return time(text)
    if hint == "date":
        return date(text)
    if hint == "postcode":
        return postcode(text)
    if hint == "weekday":
        return weekday(value)
    if hint == "id" and hints is not None and (kind := id_kind(parts)):
        return known_id(value, kind, hints)
    return None


def postcode_prefixes(data: Any, hints: Hints | None) -> str:
    """'im Kreis "dresden" beginnen sie mit 010, 011' when the record names a known district."""
    district = data.get("district") if isinstance(data, dict) else None
    if hints is None or district not in hints.prefixes:
        return ""
    return f'im Kreis "{district}" beginnen sie mit {", ".join(hints.prefixes[district])}'


def raw_value(line: str, key: str | int) -> str | None:
    """The value as written on its line ('14.30', not the number 14.3), or None."""
    if not isinstance(key, str):
        return None
    match = re.match(rf"^\s*(?:- )?{re.escape(key)}:\s*(.*?)\s*(?:\s#.*)?$", line)
    return match[1] if match and match[1] else None
