"""The one CSV writer: the open data downloads (open_data.py) and the board report's tables
(internal/report.py) are written here, so that both open the same way and neither runs a formula.

For spreadsheets as used in Germany: separated by semicolons and starting with a UTF-8 byte order
mark (German Excel opens only such a file correctly by double click), lines ending with CRLF
(RFC 4180), yes/no as "ja"/"nein" and decimal numbers with a comma.

CSV injection (OWASP): a text cell starting with = + - @, tab or CR gets a leading apostrophe
(sinks.csv_text), so that no spreadsheet runs it as a formula. A signed number ("-1", "+3",
"-2,5": the report's changes) stays readable: it is a number to a spreadsheet, never a formula.
Only ASCII digits count; anything else after the sign is text and gets the apostrophe.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence

from linkshilft.sinks import csv_text

_SIGNED_NUMBER = re.compile(r"[+-]?[0-9]+(?:[.,][0-9]+)?")


def cell(value: object) -> str:
    """A value as spreadsheet text: ja/nein, decimal comma, never a formula."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nein"
    if isinstance(value, float):
        return f"{value}".replace(".", ",")
    if isinstance(value, int) or _SIGNED_NUMBER.fullmatch(str(value)):
        return str(value)
    return csv_text(value)


def csv_bytes(header: Sequence[str], rows: Iterable[Sequence[object]]) -> bytes:
    """Semicolon-separated, CRLF, UTF-8 with byte order mark: what German Excel opens correctly."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([cell(name) for name in header])
    writer.writerows([cell(value) for value in row] for row in rows)
    return buffer.getvalue().encode("utf-8-sig")
