"""`linkshilft diff BASE-REF`: what the public site will show differently, against a git state.

The command runs on a temporary git repository (two commits of the small test data set),
so these tests never depend on this repository's own history.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from linkshilft.cli import diff

from tests.support import CASES, CLI, TODAY, data_env, git, run

OFFICE = Path("data/offices/leipzig/leipzig-basis.yaml")
NEW_OFFICE = """\
id: leipzig-neu
name: {name}
kind: party_office
district: leipzig
status: active
address:
  street: Bornaische Straße 3
  postcode: "04277"
  town: Leipzig-Connewitz
accessibility:
  step_free: false
contact: {{}}
counselling:
  topics: [miete]
  languages: [de]
  lawyer: gueltig
  hours:
    - weekdays: [thursday]
      weeks_of_month: [1, 3]
      start: "10:00"
      end: "12:00"
checked_on: "2026-11-20"
"""


@pytest.fixture
def repo(tmp_path) -> Path:
    """A git repository with the base test data committed once (branch main)."""
    root = tmp_path / "repo"
    shutil.copytree(CASES / "base" / "data", root / "data")
    git(root, "init", "--quiet", "--initial-branch=main")
    git(root, "add", "--all")
    git(root, "commit", "--quiet", "--message=Basis")
    return root


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), "utf-8")


def _diff(repo: Path, ref: str) -> subprocess.CompletedProcess:
    env = data_env(repo / "data")
    return run([*CLI, "diff", ref], env=env, cwd=repo)


def _section(markdown: str, heading: str) -> list[str]:
    """The lines under a "### …" heading, up to the next heading."""
    lines = markdown.splitlines()
    start = lines.index(heading)
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("#")), len(lines))
    return lines[start + 1 : end]


def _table(lines: list[str]) -> dict[str, list[list[str]]]:
    """Table rows by their first cell; every other cell split into its lines (<br>)."""
    rows = [line for line in lines if line.startswith("|")][2:]  # without header and separator
    table = {}
    for row in rows:
        cells = [cell.strip() for cell in re.split(r"(?<!\\)\|", row)[1:-1]]
        table[cells[0]] = [cell.split("<br>") for cell in cells[1:]]
    return table


def test_committed_change_shows_rhythm_and_next_dates_old_and_new(repo):
    _edit(repo / OFFICE, 'start: "14:00"\n      end: "16:00"', 'start: "15:00"\n      end: "17:00"')
    git(repo, "commit", "--quiet", "--all", "--message=Neue Zeiten")

    result = _diff(repo, "HEAD~1")

    assert result.returncode == 0, result.stderr
    assert "Verglichen mit dem Stand `HEAD~1`; Termine ab Mittwoch, 25. November 2026." in result.stdout
    table = _table(_section(result.stdout, "### Bürgerbüro Basis (leipzig-basis): geändert"))
    assert table["Sprechzeiten"] == [
        ["jeden Dienstag, 14:00–16:00 Uhr, ohne Anmeldung"],
        ["jeden Dienstag, 15:00–17:00 Uhr, ohne Anmeldung"],
    ]
    old_dates, new_dates = table["Nächste Termine"]
    # Tuesdays from 1 December; the statewide Christmas break (23.12.–1.1.) cancels the 29th.
    assert new_dates == [
        "Di, 1. Dez. 2026, 15:00–17:00 Uhr",
        "Di, 8. Dez. 2026, 15:00–17:00 Uhr",
        "Di, 15. Dez. 2026, 15:00–17:00 Uhr",
        "Di, 22. Dez. 2026, 15:00–17:00 Uhr",
        "Di, 29. Dez. 2026, 15:00–17:00 Uhr: fällt aus (Weihnachtspause aller Beratungsstellen)",
        "Di, 5. Jan. 2027, 15:00–17:00 Uhr",
    ]
    assert old_dates[0] == "Di, 1. Dez. 2026, 14:00–16:00 Uhr"
    assert set(table) == {"Sprechzeiten", "Nächste Termine"}, "only what changes is listed"


def test_working_tree_against_a_branch_new_office_and_closure(repo):
    (repo / "data/offices/leipzig/leipzig-neu.yaml").write_text(NEW_OFFICE.format(name="Büro Connewitz"), "utf-8")
    _edit(
        repo / OFFICE,
        "checked_on:",
        '  closures:\n    - from: "2026-12-08"\n      until: "2026-12-08"\n      reason: Fortbildung\nchecked_on:',
    )

    result = _diff(repo, "main")

    assert result.returncode == 0, result.stderr
    assert "**1 neue Stelle, 1 geänderte Stelle.**" in result.stdout
    added = _table(_section(result.stdout, "### Büro Connewitz (leipzig-neu): neu"))
    assert added["Sprechzeiten"] == [["jeden 1. und 3. Donnerstag im Monat, 10:00–12:00 Uhr, ohne Anmeldung"]]
    assert added["Nächste Termine"][0][:2] == ["Do, 3. Dez. 2026, 10:00–12:00 Uhr", "Do, 17. Dez. 2026, 10:00–12:00 Uhr"]
    assert added["Anschrift"] == [["Bornaische Straße 3, 04277 Leipzig-Connewitz"]]
    changed = _table(_section(result.stdout, "### Bürgerbüro Basis (leipzig-basis): geändert"))
    assert changed["Schließzeiten"] == [["–"], ["am 8. Dezember 2026: Fortbildung"]]
    assert "Di, 8. Dez. 2026, 14:00–16:00 Uhr: fällt aus (Fortbildung)" in changed["Nächste Termine"][1]
    assert "Di, 8. Dez. 2026, 14:00–16:00 Uhr" in changed["Nächste Termine"][0]


def test_errors_on_the_new_side_are_listed_as_validate_prints_them(repo):
    _edit(repo / OFFICE, 'start: "14:00"', 'start: "25:00"')
    env = data_env(repo / "data")
    validate = run([*CLI, "validate"], env=env, cwd=repo)

    result = _diff(repo, "main")

    assert result.returncode == 1
    errors = _section(result.stdout, "### 1 Fehler: so wird nichts veröffentlicht")
    block = errors[errors.index("```") + 1 : errors.index("```", errors.index("```") + 1)]
    assert (
        block
        == validate.stdout.splitlines()
        == ['data/offices/leipzig/leipzig-basis.yaml:25: counselling.hours[0].start: "25:00" ist keine gültige Uhrzeit (HH:MM)']
    )
    # A broken office is not reported as removed: it is still there, with mistakes.
    assert "### leipzig-basis: enthält Fehler" in result.stdout
    assert "entfernt" not in result.stdout
    assert "Traceback" not in result.stderr


def test_removed_office_and_statewide_closures(repo):
    (repo / OFFICE).unlink()
    _edit(repo / "data/closures.yaml", 'until: "2027-01-01"', 'until: "2027-01-03"')

    result = _diff(repo, "main")

    assert result.returncode == 0, result.stderr
    removed = _section(result.stdout, "### Bürgerbüro Basis (leipzig-basis): entfernt")
    assert "Die Stelle verschwindet von der Seite; Datei `data/offices/leipzig/leipzig-basis.yaml`." in removed
    closures = _table(_section(result.stdout, "### Landesweite Schließzeiten (gelten für alle Stellen)"))
    assert closures == {
        "vom 23. Dezember 2026 bis 1. Januar 2027: Weihnachtspause aller Beratungsstellen": [
            ["vom 23. Dezember 2026 bis 3. Januar 2027: Weihnachtspause aller Beratungsstellen"]
        ]
    }


def test_other_files_are_named_but_internal_records_never(repo):
    shutil.copyfile(repo / "data/lawyers/gueltig.yaml", repo / "data/lawyers/zweite.yaml")
    _edit(repo / "data/lawyers/zweite.yaml", "id: gueltig", "id: zweite")
    (repo / "data/internal").mkdir()
    (repo / "data/internal/survey.yaml").write_text("geheim: true\n", "utf-8")

    result = _diff(repo, "main")

    assert result.returncode == 0, result.stderr
    listed = [line for line in _section(result.stdout, "### Weitere geänderte Dateien") if line.startswith("- ")]
    assert listed == ["- `data/lawyers/zweite.yaml` (neu)"]
    assert "internal" not in result.stdout


def test_no_change_says_so(repo):
    result = _diff(repo, "HEAD")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "Keine Änderungen an den Daten: die Seite bleibt, wie sie ist."


def test_unknown_ref_and_missing_repository_are_usage_errors(repo, tmp_path):
    result = _diff(repo, "gibt-es-nicht")
    assert result.returncode == 2
    assert '"gibt-es-nicht" ist kein bekannter Stand im Git-Repository' in result.stderr

    outside = tmp_path / "ohne-git" / "data"
    shutil.copytree(CASES / "base" / "data", outside)
    result = run([*CLI, "--data", str(outside), "diff", "main"], cwd=outside.parent)
    assert result.returncode == 2
    assert "liegt nicht in einem Git-Repository" in result.stderr
    assert "Traceback" not in result.stderr


def test_data_from_a_pull_request_cannot_become_markup(base_data, tmp_path):
    base = tmp_path / "before" / "data"
    shutil.copytree(base_data, base)
    name = "Büro <img src=x onerror=alert(1)> | [Link](https://evil.example) `code`"
    (base_data / "offices/leipzig/leipzig-neu.yaml").write_text(NEW_OFFICE.format(name=f'"{name}"'), "utf-8")

    summary = diff.summary(diff.load_side(base, TODAY), diff.load_side(base_data, TODAY), TODAY, "main")

    heading = next(line for line in summary.splitlines() if line.endswith("(leipzig-neu): neu"))
    assert "<img" not in summary and "&lt;img" in heading
    assert "\\[Link\\]" in heading and "\\`code\\`" in heading
    table = _section(summary, heading)
    assert all(len(re.split(r"(?<!\\)\|", row)) == 4 for row in table if row.startswith("|")), "two columns in every row"
    name_row = _table(table)["Name"]
    assert name_row == [["Büro &lt;img src=x onerror=alert(1)&gt; \\| \\[Link\\](https://evil.example) \\`code\\`"]]


def test_names_instead_of_ids_and_only_with_consent(repo):
    text = NEW_OFFICE.format(name="Büro Connewitz")
    text = text.replace("  lawyer: gueltig", "  counsellors: [ohne-einwilligung]\n  lawyer: gueltig")
    (repo / "data/offices/leipzig/leipzig-neu.yaml").write_text(text, "utf-8")

    result = _diff(repo, "main")

    added = _table(_section(result.stdout, "### Büro Connewitz (leipzig-neu): neu"))
    assert added["Kreis"] == [["Leipzig"]]
    assert added["Themen"] == [["Miete und Nebenkosten"]]
    assert added["Beratung"] == [["ohne-einwilligung (Name erscheint nicht: keine Einwilligung)"]]
    assert "Waltraud Verschwiegen" not in result.stdout


def test_a_changed_rule_is_shown_without_the_unchanged_ones(repo):
    second_rule = '    - weekdays: [thursday]\n      start: "09:00"\n      end: "11:00"\n'
    _edit(repo / OFFICE, '      end: "16:00"\n', '      end: "16:00"\n' + second_rule)
    git(repo, "commit", "--quiet", "--all", "--message=Zwei Regeln")
    _edit(repo / OFFICE, 'start: "09:00"', 'start: "08:00"')

    result = _diff(repo, "HEAD")

    table = _table(_section(result.stdout, "### Bürgerbüro Basis (leipzig-basis): geändert"))
    assert table["Sprechzeiten"] == [
        ["jeden Donnerstag, 9:00–11:00 Uhr, ohne Anmeldung", "(dazu 1 unveränderte Regel)"],
        ["jeden Donnerstag, 8:00–11:00 Uhr, ohne Anmeldung", "(dazu 1 unveränderte Regel)"],
    ]


def _rename(repo: Path, former: str) -> None:
    text = (repo / OFFICE).read_text("utf-8").replace("id: leipzig-basis\n", f"id: leipzig-plagwitz\n{former}")
    (repo / OFFICE).unlink()
    (repo / "data/offices/leipzig/leipzig-plagwitz.yaml").write_text(text, "utf-8")


def test_a_rename_with_former_ids_is_a_rename_whose_old_address_still_works(repo):
    _rename(repo, "former_ids: [leipzig-basis]\n")

    result = _diff(repo, "main")

    assert result.returncode == 0, result.stderr
    assert "**1 umbenannte Stelle.**" in result.stdout
    assert "neu" not in re.findall(r"^### .*: (\w+)$", result.stdout, re.MULTILINE)
    section = _section(result.stdout, "### Bürgerbüro Basis (leipzig-basis → leipzig-plagwitz): umbenannt")
    assert section[1].startswith("**Die Kennung ändert sich von `leipzig-basis` in `leipzig-plagwitz`.**")
    assert "Die alte Adresse leitet weiter" in section[1] and "QR-Code" in section[1]
    assert set(_table(section)) == {"Datei"}


def test_a_rename_without_former_ids_warns_that_notices_lead_nowhere(repo):
    _rename(repo, "")

    result = _diff(repo, "main")

    section = _section(result.stdout, "### Bürgerbüro Basis (leipzig-basis → leipzig-plagwitz): umbenannt")
    assert section[1].startswith("**Achtung: Die Kennung ändert sich")
    assert "QR-Codes auf gedruckten Aushängen führen dann ins Leere" in section[1]
    assert "`former_ids: [leipzig-basis]`" in section[1]
    assert "entfernt" not in result.stdout
