"""Constants and helpers shared by the test modules (import as `from tests.support import ...`)."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

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
