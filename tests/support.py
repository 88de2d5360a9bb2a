"""Constants and helpers shared by the test modules (import as `from tests.support import ...`)."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CASES = Path(__file__).resolve().parent / "cases"
TODAY = dt.date(2026, 11, 25)
MKDOCS = [sys.executable, "-m", "mkdocs"]
# The command of the environment that runs the tests (.venv, or .venv-min for make check-minimum).
CLI = [str(Path(sys.executable).parent / "linkshilft")]

# An office whose text fields try to inject markup; the session build must show it as text.
ESCAPE_OFFICE = """\
id: leipzig-escape-test
name: "Büro <script>alert('name')</script> & Co"
kind: party_office
district: leipzig
status: active
address:
  street: "Testweg 1 <b>fett</b>"
  postcode: "04109"
  town: Leipzig
directions: "<img src=x onerror=alert(1)> Straßenbahn"
accessibility:
  step_free: false
  notes: "<script>alert('notes')</script>"
contact:
  phone: "0341 9999999"
counselling:
  topics: [buergergeld]
  languages: [de]
  lawyer: {lawyer}
  hours:
    - weekdays: [friday]
      start: "09:00"
      end: "11:00"
      note: "<script>alert('note')</script>"
  bring: ["<iframe src=https://evil.example>"]
checked_on: "2026-11-01"
"""


# Persons without consent to be named, with names found nowhere else. The session data set gets
# them (see conftest.sample_plus_escape), attached to a public office; no output file may show them.
SENTINEL_COUNSELLOR = "Quirinus Zwiebelhagen-Sentinell"
SENTINEL_LAWYER = "Ottilie Brombeerkamp-Sentinell"
SENTINEL_FILES = {
    "counsellors/zz-sentinel-berater.yaml": f"""\
id: zz-sentinel-berater
name: {SENTINEL_COUNSELLOR}
consent:
  publish_name: false
languages: [de]
role: volunteer
""",
    "lawyers/zz-sentinel-juristin.yaml": f"""\
id: zz-sentinel-juristin
name: {SENTINEL_LAWYER}
qualification: rechtsanwaeltin
agreement:
  signed_on: "2025-01-01"
  valid_until: "2030-12-31"
consent:
  publish_name: false
""",
    "offices/leipzig/leipzig-sentinel-test.yaml": """\
id: leipzig-sentinel-test
name: Sprechstunde Sentinel-Test
kind: party_office
district: leipzig
status: active
address:
  street: Testweg 2
  postcode: "04109"
  town: Leipzig
accessibility:
  step_free: true
contact:
  phone: "0341 9999998"
counselling:
  topics: [buergergeld]
  languages: [de]
  counsellors: [zz-sentinel-berater]
  lawyer: zz-sentinel-juristin
  hours:
    - weekdays: [thursday]
      start: "09:00"
      end: "11:00"
checked_on: "2026-11-01"
""",
}


def run(command: list[str], env: dict | None = None, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run(
        command, cwd=cwd, env={**os.environ, **(env or {})}, capture_output=True, text=True, timeout=600, check=False
    )


# --- test cases as files (tests/cases/, tests/test_cases.py, tests/internal/test_internal_cases.py) ---


def case_files(folder: Path) -> list[Path]:
    """The case files in `folder`: *.yaml, then *.yml, each sorted."""
    return sorted(folder.glob("*.yaml")) + sorted(folder.glob("*.yml"))


def case_expectation(case: Path, target_prefix: str = "data/") -> tuple[str, list[str]]:
    """(target, messages) from the .expect file beside `case`: its first line says where the case
    goes ("target: data/..."), the other non-empty lines are the exact messages."""
    lines = case.with_suffix(".expect").read_text("utf-8").splitlines()
    assert lines and lines[0].startswith(f"target: {target_prefix}"), (
        f"{case.name}: .expect must start with 'target: {target_prefix}...'"
    )
    return lines[0].removeprefix("target: ").strip(), [line for line in lines[1:] if line.strip()]


def place_case(case: Path, project: Path, target_prefix: str = "data/") -> None:
    """Copies `case` to its target below `project` (the folder that holds data/), replacing a file there."""
    target, _ = case_expectation(case, target_prefix)
    destination = project / target
    destination.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(case, destination)


def git(repo: Path, *args: str) -> None:
    """git in a throwaway repository, with an identity and without signing (the machine's config may lack both)."""
    subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false", *args],
        cwd=repo,
        check=True,
        capture_output=True,
    )


def project_copy(project: Path) -> Path:
    """Pages, theme overrides, the hook file and mkdocs.yml in `project`, for a build with one file changed."""
    for folder in ("content", "site_overrides"):
        shutil.copytree(ROOT / folder, project / folder)
    (project / "hooks").mkdir()
    shutil.copy(ROOT / "hooks" / "main.py", project / "hooks" / "main.py")
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    return project
