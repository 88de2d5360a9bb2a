"""What the public site will show differently after a change: `linkshilft diff BASE-REF`.

Both sides go through the same pipeline as the build. The base side is the data folder
as it is in git at BASE-REF, exported into a temporary folder; the new side is the
working tree. The result is German Markdown for the job summary of the pull request
check ($GITHUB_STEP_SUMMARY), readable in a terminal too: per office that changes, what
a visitor will see before and after (rhythm in words, next dates, closures, …), and
the problems of the new side in the same words as `linkshilft validate`.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from . import conditions, pipeline, schedule
from . import markdown as md
from . import model as m
from .labels import LANGUAGE_NAMES
from .problems import Problem

NEXT_DATES = 5
INTERNAL_FOLDER = "internal"  # see DESIGN.md "Two sites"


class GitError(Exception):
    """The base cannot be read from git (no repository, unknown ref). German message."""


# --- the two sides ---------------------------------------------------------------------


@dataclass
class Side:
    """One state of the data: the offices that passed every check, and what did not."""

    offices: dict[str, m.Office] = field(default_factory=dict)
    broken: dict[str, str] = field(default_factory=dict)  # office id (file name) -> path, files with problems
    closures: tuple[m.Closure, ...] = ()  # statewide
    topics: dict[str, str] = field(default_factory=dict)  # id -> name
    mps: dict[str, str] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    files: dict[str, bytes] = field(default_factory=dict)  # display path -> content


def load_side(directory: Path, today: dt.date) -> Side:
    """Load like the build does. With problems, offices whose own files are fine are still compared."""
    dataset, problems, _ = pipeline.load_dataset(directory, today)
    files = _files(directory)
    if dataset is not None:
        return Side(
            offices=dict(dataset.offices),
            closures=dataset.closures,
            topics={t.id: t.name for t in dataset.topics.values()},
            mps={p.id: p.name for p in dataset.mps.values()},
            files=files,
        )
    records, _ = pipeline.read_records(directory)
    bad = {problem.path for problem in problems}
    side = Side(problems=problems, files=files)
    side.offices = {d.data["id"]: m.office_from_record(d.data, d.path) for d in records.offices if d.path not in bad}
    side.broken = {PurePosixPath(p).stem: p for p in bad if PurePosixPath(p).parent.parent.name == "offices"}
    if records.closures is not None and records.closures.path not in bad:
        side.closures = tuple(m.closure_from_record(c) for c in records.closures.data["closures"])
    side.topics = {d.data["topics"][i]["id"]: d.data["topics"][i]["name"] for d, i in records.topics}
    side.mps = {d.data["mps"][i]["id"]: d.data["mps"][i]["name"] for d, i in records.mps}
    return side


def _files(directory: Path) -> dict[str, bytes]:
    """The public data files. Internal records (data/internal/) never appear in a public summary."""
    if not directory.is_dir():
        return {}
    files = {}
    for path in sorted(directory.rglob("*")):
        parts = path.relative_to(directory).parts
        if path.is_file() and parts[0] != INTERNAL_FOLDER and not any(part.startswith(".") for part in parts):
            files[pipeline.display_path(path, directory)] = path.read_bytes()
    return files


def export_base(directory: Path, ref: str, target: Path) -> Path:
    """Write the data folder as it is at `ref` into `target`; returns that folder.

    The folder keeps its name, so messages show the same paths ("data/offices/…") on both
    sides. A ref without the folder gives a folder that does not exist (everything is new).
    Files are read from git's objects (not `git archive`, which .gitattributes can change).
    """
    if ref.startswith("-"):
        raise GitError(f'"{ref}" ist kein Git-Stand')
    if not directory.is_dir():
        raise GitError(f"Datenordner {directory} nicht gefunden")
    top = Path(_git(directory, "rev-parse", "--show-toplevel").decode().strip())
    relative = directory.resolve().relative_to(top.resolve()).as_posix()
    if _run_git(top, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}").returncode != 0:
        raise GitError(f'"{ref}" ist kein bekannter Stand im Git-Repository (Zweig, Tag oder Commit)')
    blobs = []
    for entry in filter(None, _git(top, "ls-tree", "-r", "-z", ref, "--", relative).split(b"\0")):
        meta, _, path = entry.partition(b"\t")
        mode, kind, sha = meta.split()
        if kind == b"blob" and mode in (b"100644", b"100755"):  # no symlinks, no submodules
            blobs.append((sha.decode(), path.decode("utf-8", errors="surrogateescape")))
    contents = _git(top, "cat-file", "--batch", stdin="".join(f"{sha}\n" for sha, _ in blobs).encode())
    position = 0
    root = target.resolve()
    for _, path in blobs:
        header_end = contents.index(b"\n", position)
        size = int(contents[position:header_end].split()[2])
        data = contents[header_end + 1 : header_end + 1 + size]
        position = header_end + 1 + size + 1
        destination = (target / path).resolve()
        if root not in destination.parents:
            raise GitError(f"unerwarteter Pfad im Git-Stand: {path}")
        destination.parent.mkdir(parents=True, exist_ok=True)
        destination.write_bytes(data)
    return target / relative


def _run_git(cwd: Path, *args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    try:
        return subprocess.run(["git", *args], cwd=cwd, input=stdin, capture_output=True, check=False, timeout=120)
    except FileNotFoundError:
        raise GitError("git ist nicht installiert") from None


def _git(cwd: Path, *args: str, stdin: bytes | None = None) -> bytes:
    result = _run_git(cwd, *args, stdin=stdin)
    if result.returncode != 0:
        if args[0] == "rev-parse":
            raise GitError(f"{cwd} liegt nicht in einem Git-Repository")
        raise GitError(f"git {args[0]} ist fehlgeschlagen: {result.stderr.decode(errors='replace').strip()}")
    return result.stdout


def compare_with_git(directory: Path, ref: str, today: dt.date) -> tuple[str, list[Problem]]:
    """The summary of the working tree's data against `ref`, and the new side's problems."""
    with tempfile.TemporaryDirectory(prefix="linkshilft-diff-") as temporary:
        base = load_side(export_base(directory, ref, Path(temporary)), today)
    new = load_side(directory, today)
    return summary(base, new, today, ref), new.problems


# --- what a visitor sees ------------------------------------------------------------------


def _closure_text(closure: m.Closure) -> str:
    if closure.start == closure.end:
        return f"am {schedule.format_date(closure.start)}: {closure.reason}"
    return f"vom {schedule.format_date(closure.start)} bis {schedule.format_date(closure.end)}: {closure.reason}"


def _dates(office: m.Office, side: Side, today: dt.date) -> list[str]:
    """The next dates, with the hours cancelled among them (holidays, closures)."""
    if not office.is_public:
        return ["keine (die Stelle erscheint nicht auf der Seite)"]
    counselling = office.counselling
    if counselling.appointment_only:
        return ["nur nach Vereinbarung"]
    held = schedule.next_dates(counselling, side.closures, today, count=NEXT_DATES)
    if not held:
        return ["keine Termine in den nächsten zwölf Monaten"]
    _, cancelled = schedule.occurrences(counselling, side.closures, today, held[-1].start.date())
    entries = [(o.start, _when(o.start, o.end)) for o in held]
    entries += [(c.start, f"{_when(c.start, c.end)}: fällt aus ({c.reason})") for c in cancelled]
    return [text for _, text in sorted(entries)]


def _when(start: dt.datetime, end: dt.datetime) -> str:
    return f"{schedule.format_day_short(start.date())} {start.year}, {schedule.format_time_range(start, end)}"


def _rows(office: m.Office, side: Side, today: dt.date) -> list[tuple[str, list[str]]]:
    """(label, lines) in the order of the office page; empty lines lists are left out."""
    address, counselling, access, contact = office.address, office.counselling, office.accessibility, office.contact
    hours = (
        [f"nur nach Vereinbarung: {counselling.how_to_book or ''}".strip()]
        if counselling.appointment_only
        else [schedule.describe_rule(rule) + (f" ({rule.note})" if rule.note else "") for rule in counselling.hours]
    )
    if counselling.corpus_christi_holiday:
        hours.append("fällt an Fronleichnam aus")
    accessibility = ["stufenloser Zugang" if access.step_free else "kein stufenloser Zugang"]
    if access.accessible_toilet is not None:
        accessibility.append("barrierefreie Toilette" if access.accessible_toilet else "keine barrierefreie Toilette")
    rows = [
        ("Name", [office.name]),
        ("Art", [m.KIND_LABELS[office.kind]]),
        ("Abgeordnete/r", [side.mps.get(office.mp, office.mp)] if office.mp else []),
        ("Stand", [m.STATUS_LABELS[office.status] + ("" if office.is_public else " – nicht auf der Seite")]),
        ("Kreis", [office.district]),
        ("Anschrift", [f"{address.street}, {address.postcode} {address.town}"]),
        ("Koordinaten", [f"{address.coordinates.lat}, {address.coordinates.lon}"] if address.coordinates else []),
        ("Anfahrt", [office.directions] if office.directions else []),
        ("Barrierefreiheit", [*accessibility, *([access.notes] if access.notes else [])]),
        ("Kontakt", [v for v in (contact.phone, contact.email, contact.website) if v]),
        ("Themen", [", ".join(side.topics.get(t, t) for t in counselling.topics)]),
        ("Sprachen", [", ".join(LANGUAGE_NAMES.get(code, code) for code in counselling.languages)]),
        ("Beratung (Kennungen)", [", ".join(counselling.counsellors)] if counselling.counsellors else []),
        ("Anleitung (§ 6 RDG)", [counselling.lawyer] if counselling.lawyer else []),
        ("Sprechzeiten", hours),
        ("Schließzeiten", [_closure_text(c) for c in counselling.closures]),
        ("Bitte mitbringen", list(counselling.bring)),
        ("Stand geprüft am", [schedule.format_date(office.checked_on)]),
        ("Datei", [office.source.path]),
        ("Nächste Termine", _dates(office, side, today)),
    ]
    return [(label, lines) for label, lines in rows if lines]


# --- Markdown ------------------------------------------------------------------------------


def _cell(lines: list[str]) -> str:
    return "<br>".join(md.plain(line) for line in lines) if lines else "–"


def _title(office: m.Office, what: str) -> str:
    return f"### {md.plain(office.name)} ({md.plain(office.id)}): {what}"


def _changed_office(old: m.Office, new: m.Office, base: Side, side: Side, today: dt.date) -> list[str]:
    before, after = dict(_rows(old, base, today)), dict(_rows(new, side, today))
    labels = [label for label, _ in _rows(new, side, today)] + [label for label in before if label not in after]
    lines = [_title(new, "geändert"), ""]
    if old.is_public != new.is_public:
        visible = "erscheint neu auf der Seite" if new.is_public else "verschwindet von der Seite"
        lines += [f"**Die Stelle {visible}.**", ""]
    lines += ["| Angabe | bisher | neu |", "|---|---|---|"]
    lines += [
        f"| {label} | {_cell(before.get(label, []))} | {_cell(after.get(label, []))} |"
        for label in labels
        if before.get(label) != after.get(label)
    ]
    return lines


def _added_office(office: m.Office, side: Side, today: dt.date) -> list[str]:
    lines = [_title(office, "neu"), ""]
    if not office.is_public:
        lines += [f"Die Stelle erscheint noch nicht auf der Seite (Stand: {m.STATUS_LABELS[office.status]}).", ""]
    lines += ["| Angabe | neu |", "|---|---|"]
    lines += [f"| {label} | {_cell(values)} |" for label, values in _rows(office, side, today)]
    return lines


def _outdated_hint(office: m.Office, today: dt.date) -> list[str]:
    if not conditions.is_outdated(office.checked_on, today):
        return []
    return [
        "",
        f"Hinweis: zuletzt am {office.checked_on:%d.%m.%Y} geprüft. Bitte alle Angaben prüfen "
        "und `checked_on` auf das heutige Datum setzen.",
    ]


def summary(base: Side, new: Side, today: dt.date, base_label: str) -> str:
    """German Markdown: problems first, then every office that is new, changed or removed."""
    lines = [
        "## Vorschau: was sich auf der Seite ändert",
        "",
        f"Verglichen mit dem Stand {md.code(base_label)}; Termine ab {schedule.format_day(today)}.",
        "",
    ]
    if new.problems:
        lines += [
            f"### {len(new.problems)} Fehler: so wird nichts veröffentlicht",
            "",
            "Jede Meldung nennt Datei, Zeile und Feld; unter „Files changed“ steht sie auch direkt an der Zeile. "
            "Was die Meldungen bedeuten, steht in CONTRIBUTING.md.",
            "",
            *md.fenced([str(problem) for problem in new.problems]),
            "",
        ]
    if base.problems:
        lines += [
            f"Hinweis: Der Stand {md.code(base_label)} enthält selbst {len(base.problems)} Fehler; "
            "Stellen mit Fehlern werden nicht verglichen.",
            "",
        ]

    added = sorted((o for i, o in new.offices.items() if i not in base.offices and i not in base.broken), key=_order)
    removed = sorted((o for i, o in base.offices.items() if i not in new.offices and i not in new.broken), key=_order)
    changed = sorted((o for i, o in new.offices.items() if i in base.offices and base.offices[i] != o), key=_order)
    broken = sorted(new.broken.items(), key=lambda item: item[1])
    counts = [
        (len(added), "neue Stelle", "neue Stellen"),
        (len(changed), "geänderte Stelle", "geänderte Stellen"),
        (len(removed), "entfernte Stelle", "entfernte Stellen"),
        (len(broken), "Stelle mit Fehlern", "Stellen mit Fehlern"),
    ]
    told = [f"{n} {one if n == 1 else many}" for n, one, many in counts if n]
    if told:
        lines += [f"**{', '.join(told)}.**", ""]

    for office in added:
        lines += [*_added_office(office, new, today), *_outdated_hint(office, today), ""]
    for office in changed:
        lines += [*_changed_office(base.offices[office.id], office, base, new, today), *_outdated_hint(office, today), ""]
    for office in removed:
        was_public = "" if office.is_public else " (sie war schon nicht mehr sichtbar)"
        lines += [
            _title(office, "entfernt"),
            "",
            f"Die Stelle verschwindet von der Seite{was_public}; Datei {md.code(office.source.path)}.",
            "",
        ]
    for office_id, path in broken:
        lines += [
            f"### {md.plain(office_id)}: enthält Fehler",
            "",
            f"{md.code(path)}: die Vorschau erscheint, sobald die Fehler oben behoben sind.",
            "",
        ]

    if base.closures != new.closures:
        lines += [
            "### Landesweite Schließzeiten (gelten für alle Stellen)",
            "",
            "| bisher | neu |",
            "|---|---|",
            f"| {_cell([_closure_text(c) for c in base.closures])} | {_cell([_closure_text(c) for c in new.closures])} |",
            "",
        ]

    shown = {o.source.path for o in (*added, *changed, *removed)} | set(new.broken.values())
    others = [
        (path, "neu" if path not in base.files else "gelöscht" if path not in new.files else "geändert")
        for path in sorted(set(base.files) | set(new.files))
        if base.files.get(path) != new.files.get(path) and path not in shown
    ]
    if others:
        lines += [
            "### Weitere geänderte Dateien",
            "",
            "Ohne eigene Vorschau: Beraterinnen und Berater, Themen, Kreise, Schließzeiten, Vorlagen "
            "oder Änderungen, die auf der Seite nicht zu sehen sind (z. B. Kommentare).",
            "",
            *[f"- {md.code(path)} ({what})" for path, what in others],
            "",
        ]
    if not (new.problems or told or base.closures != new.closures or others):
        lines += ["Keine Änderungen an den Daten: die Seite bleibt, wie sie ist.", ""]
    return "\n".join(lines).rstrip("\n") + "\n"


def _order(office: m.Office) -> str:
    return office.source.path


def run(ref: str, directory: Path, today: dt.date) -> int:
    """The CLI's `diff`: Markdown on stdout; 1 when the new side has problems, 2 when git cannot help."""
    try:
        text, problems = compare_with_git(directory, ref, today)
    except GitError as error:
        print(error, file=sys.stderr)
        return 2
    sys.stdout.write(text)
    return 1 if problems else 0
