"""Shared fixtures: a fixed build date, data folders in tmp, one strict site build per session."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CASES = Path(__file__).resolve().parent / "cases"
TODAY = dt.date(2026, 11, 25)
MKDOCS = [sys.executable, "-m", "mkdocs"]

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


def run(command: list[str], env: dict | None = None, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run(
        command, cwd=cwd, env={**os.environ, **(env or {})}, capture_output=True, text=True, timeout=600, check=False
    )


@pytest.fixture
def base_data(tmp_path) -> Path:
    """A copy of the small, stable test data set (tests/cases/base/data) to change freely."""
    target = tmp_path / "data"
    shutil.copytree(CASES / "base" / "data", target)
    return target


@pytest.fixture(scope="session")
def sample_plus_escape(tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("sample") / "data"
    shutil.copytree(ROOT / "data", target, ignore=shutil.ignore_patterns("internal"))
    lawyer = sorted((target / "lawyers").glob("*.yaml"))[0].stem
    (target / "offices" / "leipzig" / "leipzig-escape-test.yaml").write_text(ESCAPE_OFFICE.format(lawyer=lawyer), "utf-8")
    return target


@pytest.fixture(scope="session")
def site(tmp_path_factory, sample_plus_escape) -> Path:
    """One strict build of the sample data (plus the escape test office) for all page tests."""
    out = tmp_path_factory.mktemp("build") / "site"
    result = run(
        [*MKDOCS, "build", "--strict", "--site-dir", str(out)],
        env={"LINKSHILFT_DATA": str(sample_plus_escape), "LINKSHILFT_TODAY": TODAY.isoformat()},
    )
    assert result.returncode == 0, result.stderr
    return out
