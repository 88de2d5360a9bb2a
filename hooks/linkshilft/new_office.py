"""`linkshilft new-office`: ask for the essentials, write a valid, commented office file.

Every value comes from an option or, where the option is missing, from a question (German,
one line each, asked again until the answer fits). The file is written from the commented
template (`office_template`) to data/offices/<district>/<id>.yaml, never over an existing
file, and then checked by the same pipeline as the build. A file that does not pass is
removed again, and the command to try again with the same answers is printed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import shlex
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from . import pipeline
from .model import WEEKDAYS
from .office_template import Template, TemplateError, flow, quoted, text
from .validate import SCHEMA_DIR

PROJECT_TEMPLATE = Path(__file__).resolve().parents[2] / "data" / "_templates" / "office.yaml"
GERMAN_WEEKDAYS = dict(
    zip(("montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag"), WEEKDAYS, strict=True)
)
KINDS = {"party_office": "Geschäftsstelle", "mp_office": "Bürgerbüro", "shared_office": "beides"}
STATUSES = {"active": "findet statt", "interim": "Übergangslösung", "planned": "in Vorbereitung"}
YES = {"ja", "j", "true", "yes", "y"}
METAVARS = {
    "id": "KENNUNG", "district": "KREIS", "kind": "ART", "mp": "KENNUNG", "status": "STAND", "street": "STRASSE",
    "postcode": "PLZ", "town": "ORT", "step_free": "ja|nein", "lawyer": "KENNUNG", "weekday": "TAGE",
    "weeks_of_month": "WOCHEN", "start": "HH:MM", "end": "HH:MM", "how_to_book": "TEXT", "email": "E-MAIL",
    "website": "ADRESSE", "topics": "THEMEN", "languages": "SPRACHEN", "phone": "TELEFON",
}  # fmt: skip
NO = {"nein", "n", "false", "no"}


class Cancelled(Exception):
    """Standard input ended before every answer was there."""


@dataclass(frozen=True)
class Question:
    key: str  # option name without "--", with "_" for "-"
    prompt: str
    check: Callable[[str, dict], str | None]  # German complaint, or None when the answer fits
    applies: Callable[[dict], bool] = lambda answers: True
    optional: bool = False  # an empty answer is fine
    default: str = ""  # what an empty answer means


def _common(name: str) -> tuple[re.Pattern, str]:
    definition = json.loads((SCHEMA_DIR / "common.schema.json").read_text("utf-8"))["$defs"][name]
    return re.compile(definition["pattern"]), definition["x-message"]


def _matches(name: str) -> Callable[[str, dict], str | None]:
    pattern, message = _common(name)
    return lambda value, _: None if pattern.fullmatch(value) else f'"{value}" {message}'


def _one_of(choices: Callable[[dict], dict]) -> Callable[[str, dict], str | None]:
    def check(value: str, answers: dict) -> str | None:
        known = choices(answers)
        return None if value in known else f'"{value}" gibt es nicht; möglich: {", ".join(known)}'

    return check


def _all_of(choices: Callable[[dict], dict]) -> Callable[[str, dict], str | None]:
    def check(value: str, answers: dict) -> str | None:
        known = choices(answers)
        unknown = [item for item in _items(value) if item not in known]
        if not _items(value):
            return "bitte mindestens eine Angabe"
        return f"unbekannt: {', '.join(unknown)}; möglich: {', '.join(known)}" if unknown else None

    return check


def _items(value: str) -> list[str]:
    return [item.strip() for item in re.split(r"[,\s]+", value) if item.strip()]


def _weekdays(value: str, _: dict) -> str | None:
    wrong = [day for day in _items(value.lower()) if day not in WEEKDAYS and day not in GERMAN_WEEKDAYS]
    return f'unbekannter Wochentag: {", ".join(wrong)} (z. B. "dienstag" oder "tuesday")' if wrong else None


def _weeks(value: str, _: dict) -> str | None:
    wrong = [week for week in _items(value.lower()) if week not in ("1", "2", "3", "4", "last", "letzter", "letzte")]
    return f"unbekannte Woche: {', '.join(wrong)} (erlaubt: 1, 2, 3, 4, letzter)" if wrong else None


def _yes_no(value: str, _: dict) -> str | None:
    return None if value.lower() in YES | NO else "bitte ja oder nein"


def _not_empty(value: str, _: dict) -> str | None:
    return None if value.strip() else "bitte ausfüllen"


def questions(context: dict) -> list[Question]:
    """In the order they are asked; `context` holds the ids that exist in the data."""
    new_id = _matches("id")

    def fresh_id(value: str, answers: dict) -> str | None:
        if complaint := new_id(value, answers):
            return complaint
        return f'Kennung "{value}" gibt es schon' if value in context["offices"] else None

    def lawyer(value: str, answers: dict) -> str | None:
        if not value:
            return "eine Stelle, die stattfindet, braucht die Anleitung nach § 6 RDG" if _takes_place(answers) else None
        return _one_of(lambda _: context["lawyers"])(value, answers)

    return [
        Question("id", "Kennung der Stelle (Kleinbuchstaben, z. B. leipzig-connewitz)", fresh_id),
        Question("name", "Name, wie er auf der Seite steht (z. B. Bürgerbüro Connewitz)", _not_empty),
        Question("district", f"Kreis ({', '.join(context['districts'])})", _one_of(lambda _: context["districts"])),
        Question("kind", _choices_prompt("Art der Stelle", KINDS), _one_of(lambda _: KINDS)),
        Question(
            "mp",
            f"Abgeordnete/r ({', '.join(context['mps'])})",
            _one_of(lambda _: context["mps"]),
            lambda a: a.get("kind") in ("mp_office", "shared_office"),
        ),
        Question("status", _choices_prompt("Stand", STATUSES), _one_of(lambda _: STATUSES)),
        Question("street", "Straße und Hausnummer", _not_empty),
        Question("postcode", "Postleitzahl", _matches("postcode")),
        Question("town", "Ort, ggf. mit Ortsteil (z. B. Leipzig-Connewitz)", _not_empty),
        Question("step_free", "Stufenloser Zugang zum Beratungsraum? (ja/nein)", _yes_no),
        Question("topics", f"Themen, mit Komma ({', '.join(context['topics'])})", _all_of(lambda _: context["topics"])),
        Question("languages", "Sprachen der Beratung als Kürzel, mit Komma (z. B. de, ru; leer: de)", _languages, default="de"),
        Question(
            "lawyer",
            f"Anleitende/r Volljurist/in ({', '.join(context['lawyers'])}; leer: noch offen)",
            lawyer,
            optional=True,
        ),
        Question(
            "weekday",
            "Wochentag(e) der Sprechstunde (z. B. dienstag; leer: keine festen Zeiten)",
            _weekdays,
            optional=True,
        ),
        Question(
            "weeks_of_month",
            "Nur bestimmte Wochen im Monat? (z. B. 1, 3 oder letzter; leer: jede Woche)",
            _weeks,
            _has_hours,
            optional=True,
        ),
        Question("start", "Beginn (HH:MM)", _matches("time"), _has_hours),
        Question("end", "Ende (HH:MM)", _matches("time"), _has_hours),
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
    return answers.get("status") in ("active", "interim")


def _has_hours(answers: dict) -> bool:
    return bool(answers.get("weekday"))


def _languages(value: str, answers: dict) -> str | None:
    if not _items(value):
        return "bitte mindestens eine Sprache"
    check = _matches("language")
    return next((complaint for item in _items(value) if (complaint := check(item, answers))), None)


def _optional(check: Callable[[str, dict], str | None]) -> Callable[[str, dict], str | None]:
    return lambda value, answers: check(value, answers) if value else None


def _choices_prompt(label: str, choices: dict[str, str]) -> str:
    return f"{label} ({', '.join(f'{key}: {meaning}' for key, meaning in choices.items())})"


# --- the command ----------------------------------------------------------------------------


def register(commands) -> None:
    command = commands.add_parser(
        "new-office",
        help="eine neue Beratungsstelle anlegen (fragt nach, was als Option fehlt)",
        description="Legt data/offices/<kreis>/<kennung>.yaml aus der kommentierten Vorlage an und prüft die Datei. "
        "Fehlende Angaben werden nacheinander erfragt.",
    )
    for question in questions({"offices": {}, "districts": {}, "mps": {}, "lawyers": {}, "topics": {}}):
        command.add_argument(
            _option(question.key),
            dest=f"office_{question.key}",
            metavar=METAVARS.get(question.key, question.key.upper()),
            help=question.prompt.split(" (")[0],
        )
    command.add_argument("--no-input", action="store_true", help="nichts fragen: fehlt eine Angabe, abbrechen")


def run(args: argparse.Namespace, directory: Path, today: dt.date) -> int:
    records, _ = pipeline.read_records(directory)
    context = {
        "offices": {i: i for i in records.known_ids.get("offices", set())},
        "districts": {d.data["districts"][i]["id"]: d.data["districts"][i]["name"] for d, i in records.districts},
        "mps": {d.data["mps"][i]["id"]: d.data["mps"][i]["name"] for d, i in records.mps},
        "lawyers": {d.data["id"]: d.data["name"] for d in sorted(records.lawyers, key=lambda d: d.data["id"])},
        "topics": {d.data["topics"][i]["id"]: d.data["topics"][i]["name"] for d, i in records.topics},
    }
    given = {key.removeprefix("office_"): value for key, value in vars(args).items() if key.startswith("office_")}
    try:
        answers = ask(questions(context), given, interactive=not args.no_input)
    except (Cancelled, ValueError) as error:
        print(str(error) or "Eingabe beendet, bevor alle Angaben da waren; es wurde nichts geschrieben.", file=sys.stderr)
        return 2

    target = directory / "offices" / answers["district"] / f"{answers['id']}.yaml"
    shown = pipeline.display_path(target, directory)
    template = directory / "_templates" / "office.yaml"
    try:
        content = office_file(answers, (template if template.exists() else PROJECT_TEMPLATE).read_text("utf-8"), target, today)
    except TemplateError as error:
        print(f"Vorlage data/_templates/office.yaml: {error}", file=sys.stderr)
        return 1
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        with target.open("x", encoding="utf-8") as file:  # "x": never over an existing file
            file.write(content)
    except FileExistsError:
        print(f"{shown} gibt es schon; es wurde nichts geändert.", file=sys.stderr)
        return 2

    _, problems, _ = pipeline.load_dataset(directory, today)
    own = [p for p in problems if p.path == shown]
    if own:
        target.unlink()
        for problem in own:
            print(problem, file=sys.stderr)
        print(f"Die neue Datei hat {len(own)} Fehler und wurde nicht angelegt. Mit korrigierten Angaben erneut:", file=sys.stderr)
        print(command_line(answers), file=sys.stderr)
        return 1
    print(f"Angelegt: {shown}")
    if problems:
        print(f"Hinweis: andere Dateien enthalten {len(problems)} Fehler (linkshilft validate zeigt sie).", file=sys.stderr)
    print(
        "Die Kommentare in der Datei erklären jedes Feld; auskommentierte Beispiele (Anfahrt, Koordinaten,\n"
        "Schließzeiten, Mitbringen) können Sie ergänzen. Danach: linkshilft validate",
        file=sys.stderr,
    )
    return 0


def ask(all_questions: list[Question], given: dict, interactive: bool) -> dict:
    """Answers by question key: given options first (checked the same way), the rest asked on stdin."""
    answers: dict[str, str] = {}
    missing = []
    for question in all_questions:
        value = given.get(question.key)
        if not question.applies(answers):
            if value:
                raise ValueError(f"{_option(question.key)}: passt nicht zu den übrigen Angaben")
            continue
        if value is not None:
            value = " ".join(value.split())
            if complaint := question.check(value, answers):
                raise ValueError(f"{_option(question.key)}: {complaint}")
        elif interactive:
            value = _prompt(question, answers)
        elif question.optional or question.default:
            value = question.default
        else:
            missing.append(_option(question.key))
            continue
        answers[question.key] = value
    if missing:
        raise ValueError(f"Es fehlen Angaben: {', '.join(missing)}")
    return answers


def _prompt(question: Question, answers: dict) -> str:
    while True:
        print(f"{question.prompt}: ", end="", file=sys.stderr, flush=True)
        line = sys.stdin.readline()
        if not line:
            print(file=sys.stderr)
            raise Cancelled
        value = " ".join(line.split()) or question.default
        if not sys.stdin.isatty():
            print(value, file=sys.stderr)  # piped answers: keep the transcript readable
        complaint = question.check(value, answers)
        if complaint is None:
            return value
        print(f"  {complaint}", file=sys.stderr)


def _option(key: str) -> str:
    return f"--{key.replace('_', '-')}"


def command_line(answers: dict) -> str:
    options = [f"{_option(key)} {shlex.quote(value)}" for key, value in answers.items() if value]
    return " ".join(["linkshilft new-office", *options])


# --- the file ---------------------------------------------------------------------------------


def office_file(answers: dict, template_text: str, target: Path, today: dt.date) -> str:
    """The template with these answers; unused fields become commented examples."""
    template = Template(template_text)
    schema = os.path.relpath(SCHEMA_DIR / "office.schema.json", target.parent).replace(os.sep, "/")
    template.set_first_line(f"# yaml-language-server: $schema={schema}")
    template.replace_header(
        [
            f"# Beratungsstelle, angelegt am {today:%d.%m.%Y} mit „linkshilft new-office“.",
            "# Die Kommentare erklären jedes Feld. Zeilen mit # davor sind Beispiele: Um eines zu",
            "# verwenden, das # (und das Leerzeichen danach) entfernen und die Werte anpassen.",
            "#",
            *template.comment_lines("# Schreibregeln:"),
        ]
    )
    template.set(("id",), answers["id"])
    template.set(("name",), text(answers["name"]))
    template.set(("kind",), answers["kind"])
    if answers.get("mp"):
        template.set(("mp",), answers["mp"])
    else:
        template.comment_out(("mp",))
    template.set(("district",), answers["district"])
    template.set(("status",), answers["status"])
    template.set(("address", "street"), text(answers["street"]))
    template.set(("address", "postcode"), quoted(answers["postcode"]))
    template.set(("address", "town"), text(answers["town"]))
    for unknown in (
        ("address", "coordinates"),
        ("directions",),
        ("accessibility", "accessible_toilet"),
        ("accessibility", "notes"),
    ):
        template.comment_out(unknown)
    template.set(("accessibility", "step_free"), "true" if answers["step_free"].lower() in YES else "false")
    contact = {key: answers.get(key) for key in ("phone", "email", "website")}
    for key, value in contact.items():
        if value:
            template.set(("contact", key), quoted(value) if key == "phone" else text(value))
        else:
            template.comment_out(("contact", key))
    if not any(contact.values()):
        template.set(("contact",), "{}")
    template.set(("counselling", "topics"), flow(_items(answers["topics"])))
    template.set(("counselling", "languages"), flow(_items(answers["languages"])))
    template.comment_out(("counselling", "counsellors"))
    if answers.get("lawyer"):
        template.set(("counselling", "lawyer"), answers["lawyer"])
    else:
        template.comment_out(("counselling", "lawyer"))
    if answers.get("weekday"):
        template.replace_items(("counselling", "hours"), _hour_rule(answers))
    else:
        template.comment_out(("counselling", "hours"))
    if answers.get("how_to_book"):
        template.insert_after(
            ("counselling", "lawyer"), ["appointment_only: true", f"how_to_book: {text(answers['how_to_book'])}"]
        )
    template.comment_out(("counselling", "closures"))
    template.comment_out(("counselling", "bring"))
    template.set(("checked_on",), quoted(today.isoformat()))
    return template.render()


def _hour_rule(answers: dict) -> list[str]:
    days = [GERMAN_WEEKDAYS.get(day, day) for day in _items(answers["weekday"].lower())]
    rule = [f"- weekdays: {flow(sorted(set(days), key=WEEKDAYS.index))}"]
    if weeks := _items(answers.get("weeks_of_month", "").lower()):
        order = ["1", "2", "3", "4", "last"]
        chosen = {"last" if week.startswith("letzt") else week for week in weeks}
        rule.append(f"  weeks_of_month: {flow(sorted(chosen, key=order.index))}")
    rule += [f"  start: {quoted(answers['start'])}", f"  end: {quoted(answers['end'])}"]
    return rule
