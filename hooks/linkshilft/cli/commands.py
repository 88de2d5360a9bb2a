"""`linkshilft`: the editors' and maintainers' command line.

Exit codes: 0 everything fine, 1 problems in the data, 2 wrong use of the command.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import tempfile
from pathlib import Path

from linkshilft import languages
from linkshilft.cli import generate, new_office
from linkshilft.public import settings
from linkshilft.records import pipeline, verdict
from linkshilft.records.validate import check_metaschemas
from linkshilft.schedule import dates, wording


def _count(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f'"{text}" ist keine ganze Zahl ab 1')
    return int(text)


def _day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f'"{text}" ist kein Datum; bitte als JJJJ-MM-TT angeben') from None


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
        "--base",
        metavar="BASIS",
        help="wie im Pull Request: nur Fehler, die es auf diesem Git-Stand (z. B. origin/main) noch nicht gibt, sind Fehler",
    )
    validate.add_argument(
        "--internal", action="store_true", help="auch die internen Daten prüfen (data/internal oder $LINKSHILFT_INTERNAL_DATA)"
    )
    validate.add_argument(
        "--config",
        type=Path,
        metavar="DATEI",
        help="Einstellungen (Impressum, Hosting) aus DATEI prüfen (Standard: mkdocs.yml im aktuellen Ordner, falls vorhanden)",
    )

    commands.add_parser("check-schemas", help="die Schemas selbst gegen JSON Schema 2020-12 prüfen")
    reference_command = commands.add_parser("reference", help="Feldreferenz aus den Schemas (Markdown)")
    reference_command.add_argument(
        "--update", type=Path, metavar="DATEI", help="die Referenz in DATEI zwischen den Markierungen ersetzen"
    )
    reference_command.add_argument("--internal", action="store_true", help="die Referenz der internen Datensätze (INTERN.md)")
    reference_command.add_argument(
        "--all", action="store_true", help="CONTRIBUTING.md (Felder, Meldungen) und INTERN.md erneuern"
    )

    dates_command = commands.add_parser("dates", help="die nächsten Termine einer Stelle")
    dates_command.add_argument("office_id", metavar="STELLE")
    dates_command.add_argument(
        "--from", dest="start", type=_day, help="die Liste beginnt an diesem Tag (JJJJ-MM-TT; Standard: heute)"
    )
    dates_command.add_argument("--count", type=_count, default=5, help="wie viele Termine (ab 1, Standard 5)")
    dates_command.add_argument("--json", action="store_true", help="als JSON ausgeben")

    geocode_command = commands.add_parser(
        "geocode", help="Koordinaten über OpenStreetMap (Nominatim) in die Dateien der Stellen schreiben"
    )
    geocode_command.add_argument("office_ids", metavar="STELLE", nargs="*", help="Standard: alle Stellen ohne Koordinaten")
    geocode_command.add_argument("--force", action="store_true", help="auch vorhandene Koordinaten neu bestimmen")
    geocode_command.add_argument("--contact", metavar="E-MAIL", help="Kontakt im User-Agent (Standard: $LINKSHILFT_CONTACT)")

    diff_command = commands.add_parser("diff", help="was sich auf der Seite gegenüber einem Git-Stand ändert (Markdown)")
    diff_command.add_argument("base", metavar="BASIS", help="Git-Stand zum Vergleich, z. B. main oder origin/main")
    outdated_command = commands.add_parser(
        "outdated", help="was Pflege braucht: ruhende Stellen, endende Vereinbarungen und Sprechzeiten, alte Angaben"
    )
    outdated_command.add_argument(
        "--format", choices=("text", "markdown", "count"), default="text", help="markdown: für Berichte; count: nur die Zahl"
    )
    new_office.register(commands)
    generate.register(commands)

    args = parser.parse_args(argv)
    try:
        today = pipeline.build_date(args.today)  # `dates --from` only says where its list starts
    except ValueError:
        parser.error("Datum bitte als JJJJ-MM-TT angeben")
    directory = args.data or pipeline.data_dir()

    if args.command == "check-schemas":
        messages = check_metaschemas()
        print("\n".join(messages) if messages else "Alle Schemas sind gültig.")
        return 1 if messages else 0

    # The other modules load only for their command: `validate` runs on every pull request.
    if args.command == "geocode":
        from linkshilft.cli import geocode

        return geocode.run(directory, args.office_ids, force=args.force, contact=args.contact)

    if args.command == "diff":
        from linkshilft.cli import diff

        return diff.run(args.base, directory, today)

    if args.command == "generate":
        return generate.run_generate(args, today)

    if args.command == "finish":
        return generate.run_finish(args, today)

    if args.command == "new-office":
        return new_office.run(args, directory, today)

    if args.command == "reference":
        from linkshilft.cli import reference

        kinds = reference.INTERNAL_KINDS if args.internal else reference.KINDS
        if args.all:
            return reference.update_documents(Path.cwd())
        if args.update:
            args.update.write_text(reference.update(args.update.read_text("utf-8"), kinds=kinds), "utf-8")
        else:
            print(reference.markdown(kinds=kinds))
        return 0

    if args.command == "validate":
        return _validate(args, directory, today)
    dataset, problems, found = pipeline.findings(directory, today, _site_languages(Path.cwd() / settings.CONFIG_FILE))
    if dataset is None:
        for problem in problems:
            print(problem, file=sys.stderr)
        return 1
    if args.command == "outdated":
        from linkshilft.cli import outdated

        if args.format == "count":
            print(len(found))
            return 0
        render = outdated.markdown if args.format == "markdown" else outdated.text
        sys.stdout.write(render(found, outdated.outdated(dataset, today), dataset, today))
        return 0
    office = dataset.offices.get(args.office_id)
    if office is None:
        print(f'Stelle "{args.office_id}" gibt es nicht.', file=sys.stderr)
        return 2
    if office.id in dataset.resting:  # offered nowhere, so no dates here either
        print("[]" if args.json else f"{office.name} ruht zurzeit: die Anleitung nach § 6 RDG ist beendet; keine Termine.")
        return 0
    start = args.start or today
    held, cancelled = dates.occurrences(office.counselling, dataset.closures, start, start + dt.timedelta(days=366))
    held = held[: args.count]
    # Cancelled hours up to the last listed date, in the list where they fall: as the office page shows them.
    last = held[-1].start if len(held) == args.count else None
    entries = sorted([*held, *(c for c in cancelled if last is None or c.start <= last)], key=lambda e: e.start)
    if args.json:
        print(json.dumps([_entry(e) for e in entries], ensure_ascii=False, indent=2))
    elif office.counselling.appointment_only:
        print(f"{office.name}: Termine nur nach Vereinbarung. {office.counselling.how_to_book or ''}".strip())
    elif not entries:
        print(f"{office.name}: keine Termine ab {wording.format_day(start)}.")
    else:
        for e in entries:
            when = f"{wording.format_day(e.start.date())}, {wording.format_time_range(e.start.time(), e.end.time())}"
            print(f"{when}: fällt aus ({e.reason})" if isinstance(e, dates.Cancellation) else when)
    return 0


def _entry(e: dates.Occurrence | dates.Cancellation) -> dict:
    cancelled = isinstance(e, dates.Cancellation)
    return {
        "start": e.start.isoformat(),
        "end": e.end.isoformat(),
        "walk_in": e.walk_in,
        "note": e.note,
        "cancelled": cancelled,
        "reason": e.reason if cancelled else None,
    }


def _validate(args, directory: Path, today: dt.date) -> int:
    """Errors block (exit 1), conditions warn; with --base, errors the base has as well do not block.
    The settings in mkdocs.yml are checked too: the build stops on them as on data errors."""
    config = args.config or Path.cwd() / settings.CONFIG_FILE
    if args.config is not None and not args.config.is_file():
        print(f"Einstellungsdatei {args.config} nicht gefunden.", file=sys.stderr)
        return 2
    settings_found = settings.check_file(config) if config.is_file() else []
    codes = _site_languages(config)
    dataset, errors, conditions = pipeline.findings(directory, today, codes)
    base = None
    if args.base:
        from linkshilft.cli import diff

        with tempfile.TemporaryDirectory() as folder:
            try:
                base_dir = diff.export_base(directory, args.base, Path(folder))
            except diff.GitError as error:
                print(error, file=sys.stderr)
                return 2
            _, *base = pipeline.findings(base_dir, today, codes)
    result = verdict.judge(errors, conditions, tuple(base) if base else None)
    blocking = sorted([*settings_found, *result.blocking])  # as the build shows them (DataError)
    if dataset is not None and args.internal:  # internal records refer to public ones: check those first
        from linkshilft.internal import records

        blocking += records.load_internal(records.internal_dir(Path.cwd()), dataset, Path.cwd())[1]
    github = args.format == "github"
    for problem in blocking:
        print(problem.as_github_annotation() if github else str(problem))
    for title, problems, prefix in (
        (f"Schon auf {args.base}", result.inherited, f"schon auf {args.base}: "),
        ("Hinweis", result.warnings, "Hinweis: "),
    ):
        for problem in problems:
            print(problem.as_github_annotation("warning", title) if github else f"{prefix}{problem}", file=sys.stderr)
    if blocking:
        print(f"{len(blocking)} Fehler gefunden.", file=sys.stderr)
        return 1
    if dataset is None:
        print(f"Keine neuen Fehler; {len(result.inherited)} bestehen schon auf {args.base}.", file=sys.stderr)
        return 0
    count = len(dataset.offices)
    print(f"Alle Daten sind gültig ({count} {'Stelle' if count == 1 else 'Stellen'}).", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())


def _site_languages(config: Path) -> tuple[str, ...] | None:
    """The setting's languages besides German, for the data's `translations:` (as the build checks them);
    None without a readable configuration: then no language is checked."""
    block, found = settings.read(config) if config.is_file() else (None, True)
    return None if found or not isinstance(block, dict) else languages.translated(block)
