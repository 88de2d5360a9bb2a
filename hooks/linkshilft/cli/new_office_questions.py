"""The questions of `linkshilft new-office`: what each answer may be, checked as it is given.

Editors answer in their own words: "Leipzig" for the district, "Bürgerbüro" for the kind,
"aktiv" for the status, "Bürgergeld, Miete" for the topics, a name for a person. Each answer
is first read (`read`: a label, a display name or an id written differently becomes the id)
and then checked (`check`: a German complaint, or None). So a postcode is checked against
the district as soon as it is typed, not after twenty more questions.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass

from linkshilft.records import suggest
from linkshilft.records.model import TAKING_PLACE, WEEKDAYS
from linkshilft.records.validate import SCHEMA_DIR

GERMAN_WEEKDAYS = dict(
    zip(("montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag"), WEEKDAYS, strict=True)
)
KINDS = {"party_office": "Geschäftsstelle", "mp_office": "Bürgerbüro", "shared_office": "beides"}
STATUSES = {"active": "findet statt", "interim": "Übergangslösung", "planned": "in Vorbereitung"}
# Words editors use for a kind or a status, besides the labels above.
WORDS = {
    "kind": {"partei": "party_office", "geschäftsstelle der partei": "party_office", "abgeordnetenbüro": "mp_office",
             "wahlkreisbüro": "mp_office", "beides in einem büro": "shared_office", "gemeinsam": "shared_office"},
    "status": {"aktiv": "active", "läuft": "active", "geplant": "planned", "vorbereitung": "planned",
               "übergang": "interim", "übergangsweise": "interim"},
}  # fmt: skip
YES = {"ja", "j", "true", "yes", "y"}
NO = {"nein", "n", "false", "no"}


@dataclass(frozen=True)
class Question:
    key: str  # option name without "--", with "_" for "-"
    prompt: str
    check: Callable[[str, dict], str | None]  # German complaint, or None when the answer fits
    applies: Callable[[dict], bool] = lambda answers: True
    optional: bool = False  # an empty answer is fine
    default: str = ""  # what an empty answer means
    read: Callable[[str, dict], str] = lambda value, answers: value  # the answer in the file's terms


def _common(name: str) -> tuple[re.Pattern, str]:
    definition = json.loads((SCHEMA_DIR / "common.schema.json").read_text("utf-8"))["$defs"][name]
    return re.compile(definition["pattern"]), definition["x-message"]


def _matches(name: str) -> Callable[[str, dict], str | None]:
    pattern, message = _common(name)
    return lambda value, _: None if pattern.fullmatch(value) else f'"{value}" {message}'


def resolve(value: str, choices: dict[str, str], words: dict[str, str] | None = None) -> str | None:
    """The id meant by `value`: the id itself, its label or display name (any case), a known word,
    or a name or id one typo away (suggest.known_id). None if nothing fits for sure."""
    if value in choices:
        return value
    folded = value.casefold().strip()
    for choice, label in choices.items():
        if folded in (choice.casefold(), label.casefold()):
            return choice
    if words and folded in words:
        return words[folded]
    return suggest.known_id(value, "choices", suggest.Hints(names={"choices": choices}))


def _one_of(choices: Callable[[dict], dict], words: dict | None = None) -> tuple[Callable, Callable]:
    def read(value: str, answers: dict) -> str:
        return resolve(value, choices(answers), words) or value if value else value

    def check(value: str, answers: dict) -> str | None:
        known = choices(answers)
        return None if value in known else f'"{value}" gibt es nicht; möglich: {_listed(known)}'

    return read, check


def _all_of(choices: Callable[[dict], dict]) -> tuple[Callable, Callable]:
    def read(value: str, answers: dict) -> str:
        known = choices(answers)
        return ", ".join(resolve(item, known) or item for item in _entries(value, known))

    def check(value: str, answers: dict) -> str | None:
        known = choices(answers)
        if not items(value):
            return "bitte mindestens eine Angabe"
        unknown = [item for item in items(value) if item not in known]
        return f"unbekannt: {', '.join(unknown)}; möglich: {_listed(known)}" if unknown else None

    return read, check


def _listed(choices: dict[str, str]) -> str:
    return ", ".join(choice if label == choice else f"{choice} ({label})" for choice, label in choices.items())


def _entries(value: str, known: dict[str, str]) -> list[str]:
    """'Bürgergeld, Miete' -> two entries; 'miete buergergeld' too, but 'Miete und Nebenkosten' is one name."""
    parts = [part.strip() for part in re.split(r"[,;]", value) if part.strip()]
    if len(parts) == 1 and resolve(parts[0], known) is None:
        return items(parts[0])
    return parts


def items(value: str) -> list[str]:
    return [item.strip() for item in re.split(r"[,\s]+", value) if item.strip()]


def _weekdays(value: str, _: dict) -> str | None:
    wrong = [day for day in items(value.lower()) if suggest.weekday(day) is None]
    return f'unbekannter Wochentag: {", ".join(wrong)} (z. B. "dienstag" oder "tuesday")' if wrong else None


def _read_weekdays(value: str, _: dict) -> str:
    return ", ".join(suggest.weekday(day) or day for day in items(value))


def _weeks(value: str, _: dict) -> str | None:
    wrong = [week for week in items(value.lower()) if week not in ("1", "2", "3", "4", "last", "letzter", "letzte")]
    return f"unbekannte Woche: {', '.join(wrong)} (erlaubt: 1, 2, 3, 4, letzter)" if wrong else None


def _yes_no(value: str, _: dict) -> str | None:
    return None if value.lower() in YES | NO else "bitte ja oder nein"


def _not_empty(value: str, _: dict) -> str | None:
    return None if value.strip() else "bitte ausfüllen"


def _read_with(correct: Callable[[str], str | None]) -> Callable[[str, dict], str]:
    """Times and postcodes: the editor's value corrected where that is unambiguous ("9:00" -> "09:00")."""
    return lambda value, _: correct(value) or value if value else value


def questions(context: dict) -> list[Question]:
    """In the order they are asked; `context` holds the ids (and names) that exist in the data."""
    new_id = _matches("id")
    postcode_form = _matches("postcode")
    read_district, district = _one_of(lambda _: context["districts"])
    read_kind, kind = _one_of(lambda _: KINDS, WORDS["kind"])
    read_mp, mp = _one_of(lambda _: context["mps"])
    read_status, status = _one_of(lambda _: STATUSES, WORDS["status"])
    read_topics, topics = _all_of(lambda _: context["topics"])
    read_lawyer, known_lawyer = _one_of(lambda _: context["lawyers"])

    def fresh_id(value: str, answers: dict) -> str | None:
        if complaint := new_id(value, answers):
            return complaint
        return f'Kennung "{value}" gibt es schon' if value in context["offices"] else None

    def postcode(value: str, answers: dict) -> str | None:
        if complaint := postcode_form(value, answers):
            return complaint
        prefixes = context.get("prefixes", {}).get(answers.get("district"), ())
        if prefixes and not value.startswith(tuple(prefixes)):
            name = context["districts"].get(answers["district"], answers["district"])
            return f'"{value}" liegt nicht im Kreis {name} (dort beginnen die Postleitzahlen mit {", ".join(prefixes)})'
        return None

    def lawyer(value: str, answers: dict) -> str | None:
        if not value:
            return "eine Stelle, die stattfindet, braucht die Anleitung nach § 6 RDG" if _takes_place(answers) else None
        return known_lawyer(value, answers)

    time = _matches("time")
    return [
        Question("id", "Kennung der Stelle (Kleinbuchstaben, z. B. leipzig-connewitz)", fresh_id),
        Question("name", "Name, wie er auf der Seite steht (z. B. Bürgerbüro Connewitz)", _not_empty),
        Question("district", f"Kreis ({', '.join(context['districts'].values())})", district, read=read_district),
        Question("kind", _choices_prompt("Art der Stelle", KINDS), kind, read=read_kind),
        Question(
            "mp",
            f"Abgeordnete/r ({', '.join(context['mps'].values())})",
            mp,
            lambda a: a.get("kind") in ("mp_office", "shared_office"),
            read=read_mp,
        ),
        Question("status", _choices_prompt("Stand", STATUSES), status, read=read_status),
        Question("street", "Straße und Hausnummer", _not_empty),
        Question("postcode", "Postleitzahl", postcode, read=_read_with(suggest.postcode)),
        Question("town", "Ort, ggf. mit Ortsteil (z. B. Leipzig-Connewitz)", _not_empty),
        Question("step_free", "Stufenloser Zugang zum Beratungsraum? (ja/nein)", _yes_no),
        Question("topics", f"Themen, mit Komma ({', '.join(context['topics'].values())})", topics, read=read_topics),
        Question("languages", "Sprachen der Beratung als Kürzel, mit Komma (z. B. de, ru; leer: de)", _languages, default="de"),
        Question(
            "lawyer",
            f"Anleitende/r Volljurist/in ({', '.join(context['lawyers'].values())}; leer: noch offen)",
            lawyer,
            optional=True,
            read=read_lawyer,
        ),
        Question(
            "weekday",
            "Wochentag(e) der Sprechstunde (z. B. dienstag; leer: keine festen Zeiten)",
            _weekdays,
            optional=True,
            read=_read_weekdays,
        ),
        Question(
            "weeks_of_month",
            "Nur bestimmte Wochen im Monat? (z. B. 1, 3 oder letzter; leer: jede Woche)",
            _weeks,
            _has_hours,
            optional=True,
        ),
        Question("start", "Beginn (HH:MM)", time, _has_hours, read=_read_with(suggest.time)),
        Question("end", "Ende (HH:MM)", time, _has_hours, read=_read_with(suggest.time)),
        Question(
            "how_to_book",
            "Ohne feste Zeiten: Wie bekommt man einen Termin? (z. B. Rufen Sie das Büro an.)",
            _not_empty,
            lambda a: _takes_place(a) and not a.get("weekday"),
        ),
        Question("phone", "Telefon des Büros (leer: keins)", _optional(_matches("phone")), optional=True),
        Question("email", "E-Mail des Büros (leer: keine)", _optional(_matches("email")), optional=True),
        Question("website", "Internetseite, mit https:// (leer: keine)", _optional(_matches("https_url")), optional=True),
    ]


def _takes_place(answers: dict) -> bool:
    return answers.get("status") in TAKING_PLACE


def _has_hours(answers: dict) -> bool:
    return bool(answers.get("weekday"))


def _languages(value: str, answers: dict) -> str | None:
    if not items(value):
        return "bitte mindestens eine Sprache"
    check = _matches("language")
    return next((complaint for item in items(value) if (complaint := check(item, answers))), None)


def _optional(check: Callable[[str, dict], str | None]) -> Callable[[str, dict], str | None]:
    return lambda value, answers: check(value, answers) if value else None


def _choices_prompt(label: str, choices: dict[str, str]) -> str:
    return f"{label} ({', '.join(f'{meaning} = {key}' for key, meaning in choices.items())})"
