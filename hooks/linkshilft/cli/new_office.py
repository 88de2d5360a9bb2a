"""`linkshilft new-office`: ask for the essentials, write a valid, commented office file.

Every value comes from an option or, where the option is missing, from a question (German,
one line each, in the editor's words, checked at once and asked again until it fits; see
new_office_questions). Before anything is written, a summary in plain words is shown to
confirm; "nein" goes through the questions again with every answer kept as the default. The
file is written from the commented template (`office_template`) to
data/offices/<district>/<id>.yaml, never over an existing file, and then checked by the same
pipeline as the build. A file that does not pass is removed again, and the command to try
again with the same answers is printed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shlex
import sys
from pathlib import Path

from linkshilft import package_files
from linkshilft.cli.new_office_questions import GERMAN_WEEKDAYS, KINDS, STATUSES, YES, Question, items, questions
from linkshilft.cli.office_template import Template, TemplateError, flow, quoted, text
from linkshilft.records import pipeline
from linkshilft.records.model import WEEKDAYS
from linkshilft.records.validate import SCHEMA_DIR

PROJECT_TEMPLATE = package_files.folder("office_template") / "office.yaml"  # when the data folder has none
METAVARS = {
    "id": "KENNUNG", "district": "KREIS", "kind": "ART", "mp": "KENNUNG", "status": "STAND", "street": "STRASSE",
    "postcode": "PLZ", "town": "ORT", "step_free": "ja|nein", "lawyer": "KENNUNG", "weekday": "TAGE",
    "weeks_of_month": "WOCHEN", "start": "HH:MM", "end": "HH:MM", "how_to_book": "TEXT", "email": "E-MAIL",
    "website": "ADRESSE", "topics": "THEMEN", "languages": "SPRACHEN", "phone": "TELEFON",
}  # fmt: skip


class Cancelled(Exception):
    """Standard input ended before every answer was there."""


# --- the command ----------------------------------------------------------------------------


def register(commands) -> None:
    command = commands.add_parser(
        "new-office",
        help="eine neue Beratungsstelle anlegen (fragt nach, was als Option fehlt)",
        description="Legt data/offices/<kreis>/<kennung>.yaml aus der kommentierten Vorlage an und prüft die Datei. "
        "Fehlende Angaben werden nacheinander erfragt.",
    )
    for question in questions({"offices": {}, "districts": {}, "mps": {}, "lawyers": {}, "topics": {}, "prefixes": {}}):
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
        "prefixes": {d.data["districts"][i]["id"]: d.data["districts"][i]["postcode_prefixes"] for d, i in records.districts},
    }
    given = {key.removeprefix("office_"): value for key, value in vars(args).items() if key.startswith("office_")}
    try:
        answers = ask(questions(context), given, interactive=not args.no_input)
        while not args.no_input and not _confirmed(answers, context):
            answers = ask(questions(context), given, interactive=True, previous=answers)
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

    _, problems, found = pipeline.findings(directory, today)
    # The new file is the whole edit: what would make it rest from the start (an ended agreement) is its mistake too.
    own = [p for p in problems if p.path == shown] + [c.problem for c in found if c.new_is_error and c.problem.path == shown]
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


def ask(all_questions: list[Question], given: dict, interactive: bool, previous: dict | None = None) -> dict:
    """Answers by question key: given options first (read and checked the same way), the rest asked on
    stdin. With `previous` (after "nein" to the summary) each question offers the earlier answer."""
    answers: dict[str, str] = {}
    missing = []
    for question in all_questions:
        value = given.get(question.key)
        if not question.applies(answers):
            if value:
                raise ValueError(f"{_option(question.key)}: passt nicht zu den übrigen Angaben")
            continue
        if value is not None:
            value = question.read(" ".join(value.split()), answers)
            if complaint := question.check(value, answers):
                raise ValueError(f"{_option(question.key)}: {complaint}")
        elif interactive:
            value = _prompt(question, answers, (previous or {}).get(question.key))
        elif question.optional or question.default:
            value = question.default
        else:
            missing.append(_option(question.key))
            continue
        answers[question.key] = value
    if missing:
        raise ValueError(f"Es fehlen Angaben: {', '.join(missing)}")
    return answers


def _prompt(question: Question, answers: dict, previous: str | None = None) -> str:
    while True:
        keep = f" [bisher: {previous or 'leer'}; Enter übernimmt]" if previous is not None else ""
        print(f"{question.prompt}{keep}: ", end="", file=sys.stderr, flush=True)
        line = sys.stdin.readline()
        if not line:
            print(file=sys.stderr)
            raise Cancelled
        typed = " ".join(line.split())
        if not sys.stdin.isatty():
            print(typed, file=sys.stderr)  # piped answers: keep the transcript readable
        value = question.read(typed, answers) if typed else previous if previous is not None else question.default
        complaint = question.check(value, answers)
        if complaint is None:
            if typed and value != typed:
                print(f"  verstanden: {value}", file=sys.stderr)  # "Bürgerbüro" -> mp_office: say so
            return value
        print(f"  {complaint} – bitte noch einmal", file=sys.stderr)


def _confirmed(answers: dict, context: dict) -> bool:
    """Shows what the file will say, in words, and asks whether it is right."""
    print("\nZusammenfassung:", file=sys.stderr)
    for label, value in summary(answers, context):
        print(f"  {label}: {value}", file=sys.stderr)
    while True:
        print("Stimmt das? (ja: Datei anlegen; nein: Angaben ändern): ", end="", file=sys.stderr, flush=True)
        line = sys.stdin.readline()
        if not line:
            print(file=sys.stderr)
            raise Cancelled
        answer = line.strip().lower()
        if not sys.stdin.isatty():
            print(answer, file=sys.stderr)
        if answer in YES | {"nein", "n", "no"}:
            return answer in YES
        print("  bitte ja oder nein", file=sys.stderr)


def summary(answers: dict, context: dict) -> list[tuple[str, str]]:
    """(label, value in words) for every answer given, ids with their names."""

    def named(kind: str, value: str) -> str:
        return ", ".join(f"{context[kind].get(i, i)} ({i})" for i in items(value))

    shown = {
        "id": ("Kennung", lambda v: f"{v} (Adresse der Seite: /stellen/{v}/)"),
        "name": ("Name", str),
        "district": ("Kreis", lambda v: named("districts", v)),
        "kind": ("Art", lambda v: f"{KINDS[v]} ({v})"),
        "mp": ("Abgeordnete/r", lambda v: named("mps", v)),
        "status": ("Stand", lambda v: f"{STATUSES[v]} ({v})"),
        "street": ("Straße", str),
        "postcode": ("Postleitzahl", str),
        "town": ("Ort", str),
        "step_free": ("Stufenloser Zugang", lambda v: "ja" if v.lower() in YES else "nein"),
        "topics": ("Themen", lambda v: named("topics", v)),
        "languages": ("Sprachen", str),
        "lawyer": ("Anleitung", lambda v: named("lawyers", v)),
        "weekday": ("Wochentage", str),
        "weeks_of_month": ("Wochen im Monat", str),
        "start": ("Beginn", str),
        "end": ("Ende", str),
        "how_to_book": ("Termin", str),
        "phone": ("Telefon", str),
        "email": ("E-Mail", str),
        "website": ("Internetseite", str),
    }
    return [(shown[key][0], shown[key][1](value)) for key, value in answers.items() if value and key in shown]


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
    template.set(("counselling", "topics"), flow(items(answers["topics"])))
    template.set(("counselling", "languages"), flow(items(answers["languages"])))
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
    days = [GERMAN_WEEKDAYS.get(day, day) for day in items(answers["weekday"].lower())]
    rule = [f"- weekdays: {flow(sorted(set(days), key=WEEKDAYS.index))}"]
    if weeks := items(answers.get("weeks_of_month", "").lower()):
        order = ["1", "2", "3", "4", "last"]
        chosen = {"last" if week.startswith("letzt") else week for week in weeks}
        rule.append(f"  weeks_of_month: {flow(sorted(chosen, key=order.index))}")
    rule += [f"  start: {quoted(answers['start'])}", f"  end: {quoted(answers['end'])}"]
    return rule
