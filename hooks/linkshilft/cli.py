"""`linkshilft`: the editors' and maintainers' command line.

Exit codes: 0 everything fine, 1 problems in the data, 2 wrong use of the command.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from . import new_office, pipeline, schedule
from .validate import check_metaschemas


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="linkshilft", description="Links.hilft Sprechstundenfinder: Daten prüfen und Termine berechnen."
    )
    parser.add_argument("--data", type=Path, help="Datenordner (Standard: data/ oder $LINKSHILFT_DATA)")
    parser.add_argument("--today", help="Stichtag JJJJ-MM-TT (Standard: heute oder $LINKSHILFT_TODAY)")
    commands = parser.add_subparsers(dest="command", required=True)

    validate = commands.add_parser("validate", help="alle Daten prüfen; Fehler mit Datei, Zeile und Feld")
    validate.add_argument("--format", choices=("text", "github"), default="text", help="github: als Anmerkungen im Pull Request")
    validate.add_argument(
        "--internal", action="store_true", help="auch die internen Daten prüfen (data/internal oder $LINKSHILFT_INTERNAL_DATA)"
    )

    commands.add_parser("check-schemas", help="die Schemas selbst gegen JSON Schema 2020-12 prüfen")
    reference_command = commands.add_parser("reference", help="Feldreferenz aus den Schemas (Markdown)")
    reference_command.add_argument(
        "--update", type=Path, metavar="DATEI", help="die Referenz in DATEI zwischen den Markierungen ersetzen"
    )
    reference_command.add_argument("--internal", action="store_true", help="die Referenz der internen Datensätze (INTERN.md)")

    dates = commands.add_parser("dates", help="die nächsten Termine einer Stelle")
    dates.add_argument("office_id", metavar="STELLE")
    dates.add_argument("--from", dest="start", help="ab diesem Tag (JJJJ-MM-TT)")
    dates.add_argument("--count", type=int, default=5, help="wie viele Termine (Standard 5)")
    dates.add_argument("--json", action="store_true", help="als JSON ausgeben")

    geocode_command = commands.add_parser(
        "geocode", help="Koordinaten über OpenStreetMap (Nominatim) in die Dateien der Stellen schreiben"
    )
    geocode_command.add_argument("office_ids", metavar="STELLE", nargs="*", help="Standard: alle Stellen ohne Koordinaten")
    geocode_command.add_argument("--force", action="store_true", help="auch vorhandene Koordinaten neu bestimmen")
    geocode_command.add_argument("--contact", metavar="E-MAIL", help="Kontakt im User-Agent (Standard: $LINKSHILFT_CONTACT)")

    diff_command = commands.add_parser("diff", help="was sich auf der Seite gegenüber einem Git-Stand ändert (Markdown)")
    diff_command.add_argument("base", metavar="BASIS", help="Git-Stand zum Vergleich, z. B. main oder origin/main")
    outdated_command = commands.add_parser("outdated", help="Stellen, deren Angaben vor über sechs Monaten geprüft wurden")
    outdated_command.add_argument("--format", choices=("text", "markdown"), default="text", help="markdown: für Berichte")
    new_office.register(commands)

    args = parser.parse_args(argv)
    try:
        today = pipeline.build_date(getattr(args, "start", None) or args.today)
    except ValueError:
        parser.error("Datum bitte als JJJJ-MM-TT angeben")
    directory = args.data or pipeline.data_dir()

    if args.command == "check-schemas":
        messages = check_metaschemas()
        print("\n".join(messages) if messages else "Alle Schemas sind gültig.")
        return 1 if messages else 0

    # The other modules load only for their command: `validate` runs on every pull request.
    if args.command == "geocode":
        from . import geocode

        return geocode.run(directory, args.office_ids, force=args.force, contact=args.contact)

    if args.command == "diff":
        from . import diff

        return diff.run(args.base, directory, today)

    if args.command == "new-office":
        return new_office.run(args, directory, today)

    if args.command == "reference":
        from . import reference

        kinds = reference.INTERNAL_KINDS if args.internal else reference.KINDS
        if args.update:
            args.update.write_text(reference.update(args.update.read_text("utf-8"), kinds=kinds), "utf-8")
        else:
            print(reference.markdown(kinds=kinds))
        return 0

    dataset, problems, warnings = pipeline.load_dataset(directory, today)
    if args.command == "validate":
        if dataset is not None and args.internal:  # internal records refer to public ones: check those first
            from . import internal

            problems = internal.load_internal(internal.internal_dir(Path.cwd()), dataset, Path.cwd())[1]
        for problem in problems:
            print(problem.as_github_annotation() if args.format == "github" else str(problem))
        for warning in warnings:
            text = warning.as_github_annotation("warning") if args.format == "github" else f"Hinweis: {warning}"
            print(text, file=sys.stderr)
        if problems:
            print(f"{len(problems)} Fehler gefunden.", file=sys.stderr)
            return 1
        count = len(dataset.offices)
        print(f"Alle Daten sind gültig ({count} {'Stelle' if count == 1 else 'Stellen'}).", file=sys.stderr)
        return 0

    if dataset is None:
        for problem in problems:
            print(problem, file=sys.stderr)
        return 1
    if args.command == "outdated":
        from . import outdated

        render = outdated.markdown if args.format == "markdown" else outdated.text
        sys.stdout.write(render(outdated.outdated(dataset, today), dataset, today))
        return 0
    office = dataset.offices.get(args.office_id)
    if office is None:
        print(f'Stelle "{args.office_id}" gibt es nicht.', file=sys.stderr)
        return 2
    upcoming = schedule.next_dates(office.counselling, dataset.closures, today, count=args.count)
    if args.json:
        print(
            json.dumps(
                [
                    {"start": o.start.isoformat(), "end": o.end.isoformat(), "walk_in": o.walk_in, "note": o.note}
                    for o in upcoming
                ],
                ensure_ascii=False,
                indent=2,
            )
        )
    elif office.counselling.appointment_only:
        print(f"{office.name}: Termine nur nach Vereinbarung. {office.counselling.how_to_book or ''}".strip())
    elif not upcoming:
        print(f"{office.name}: keine Termine ab {schedule.format_day(today)}.")
    else:
        for o in upcoming:
            print(f"{schedule.format_day(o.start.date())}, {schedule.format_time_range(o.start.time(), o.end.time())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
