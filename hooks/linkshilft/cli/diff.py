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

from linkshilft.cli import diff_view
from linkshilft.cli import markdown as md
from linkshilft.cli.diff_view import closure_text
from linkshilft.problems import Problem
from linkshilft.records import conditions, pipeline
from linkshilft.records import model as m
from linkshilft.schedule import wording

INTERNAL_FOLDER = "internal"  # data/internal/ feeds only the internal site: never part of a public preview


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
    districts: dict[str, str] = field(default_factory=dict)
    people: dict[str, str | None] = field(default_factory=dict)  # counsellor or lawyer id -> name if consented
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
            districts={d.id: d.name for d in dataset.districts.values()},
            people={p.id: p.public_name for p in (*dataset.counsellors.values(), *dataset.lawyers.values())},
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
    side.districts = {d.data["districts"][i]["id"]: d.data["districts"][i]["name"] for d, i in records.districts}
    side.people = {
        d.data["id"]: d.data["name"] if d.data["consent"]["publish_name"] else None for d in records.counsellors + records.lawyers
    }
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


# --- Markdown ------------------------------------------------------------------------------


def _cell(lines: list[str]) -> str:
    return "<br>".join(md.plain(line) for line in lines) if lines else "–"


def _title(office: m.Office, what: str) -> str:
    return f"### {md.plain(office.name)} ({md.plain(office.id)}): {what}"


def _changed_office(
    old: m.Office, new: m.Office, base: Side, side: Side, today: dt.date, *, renamed: list[str] | None = None
) -> list[str]:
    before, after = dict(diff_view.rows(old, base, today)), dict(diff_view.rows(new, side, today))
    labels = [label for label, _ in diff_view.rows(new, side, today)] + [label for label in before if label not in after]
    if renamed is None:
        lines = [_title(new, "geändert"), ""]
    else:
        lines = [f"### {md.plain(new.name)} ({md.plain(old.id)} → {md.plain(new.id)}): umbenannt", "", *renamed, ""]
    if old.is_public != new.is_public:
        visible = "erscheint neu auf der Seite" if new.is_public else "verschwindet von der Seite"
        lines += [f"**Die Stelle {visible}.**", ""]
    lines += ["| Angabe | bisher | neu |", "|---|---|---|"]
    for label in labels:
        if before.get(label) != after.get(label):
            was, now = diff_view.changed_entries(label, before.get(label, []), after.get(label, []))
            lines.append(f"| {label} | {_cell(was)} | {_cell(now)} |")
    return lines


def _added_office(office: m.Office, side: Side, today: dt.date) -> list[str]:
    lines = [_title(office, "neu"), ""]
    if not office.is_public:
        lines += [f"Die Stelle erscheint noch nicht auf der Seite (Stand: {m.STATUS_LABELS[office.status]}).", ""]
    lines += ["| Angabe | neu |", "|---|---|"]
    lines += [f"| {label} | {_cell(values)} |" for label, values in diff_view.rows(office, side, today)]
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
        f"Verglichen mit dem Stand {md.code(base_label)}; Termine ab {wording.format_day(today)}.",
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

    renamed = diff_view.renames(base.offices, new.offices)
    moved = {old.id for old, _, _ in renamed} | {office.id for _, office, _ in renamed}
    added = sorted(
        (o for i, o in new.offices.items() if i not in base.offices and i not in base.broken and i not in moved), key=_order
    )
    removed = sorted(
        (o for i, o in base.offices.items() if i not in new.offices and i not in new.broken and i not in moved), key=_order
    )
    changed = sorted((o for i, o in new.offices.items() if i in base.offices and base.offices[i] != o), key=_order)
    broken = sorted(new.broken.items(), key=lambda item: item[1])
    counts = [
        (len(added), "neue Stelle", "neue Stellen"),
        (len(changed), "geänderte Stelle", "geänderte Stellen"),
        (len(renamed), "umbenannte Stelle", "umbenannte Stellen"),
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
    for old, office, listed in renamed:
        notice = diff_view.rename_notice(old, office, listed)
        lines += [*_changed_office(old, office, base, new, today, renamed=notice), *_outdated_hint(office, today), ""]
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
            f"| {_cell([closure_text(c) for c in base.closures])} | {_cell([closure_text(c) for c in new.closures])} |",
            "",
        ]

    shown = {o.source.path for o in (*added, *changed, *removed)} | set(new.broken.values())
    shown |= {o.source.path for pair in renamed for o in pair[:2]}
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
