"""The table "Was die Meldungen bedeuten" in CONTRIBUTING.md, written from the test cases.

Each row names a test case in tests/cases/invalid/ and says what to do; the message shown is
the one the case's .expect file holds, which the tests compare with what the code prints. So
the table cannot show a message the code no longer produces: change a message and the table
changes with `make reference`; forget that and tests/test_docs.py fails.

The advice lives in tests/cases/messages.yaml, next to the cases it explains.
"""

from __future__ import annotations

import re
from pathlib import Path

from linkshilft.records.load import parse_text

# Not package data: the cases and the table (CONTRIBUTING.md) exist only in a checkout, and only a
# maintainer there runs `linkshilft reference`. An installed wheel does not carry the tests.
CASES = Path(__file__).resolve().parents[3] / "tests" / "cases"
START, END = "<!-- messages:start -->", "<!-- messages:end -->"
# "data/offices/leipzig/x.yaml:12: counselling.hours[0].start: message" -> "message"
_PREFIX = re.compile(r"^[^\n]*?\.ya?ml:\d+: (?:[a-z_][a-z0-9_.\[\]]*: )?")


class TableError(Exception):
    """messages.yaml names a case that does not exist (a maintainer's mistake)."""


def rows(cases: Path = CASES) -> list[tuple[str, str]]:
    """(message as the editor sees it, advice) for every entry of messages.yaml, in its order."""
    document, problems = parse_text((cases / "messages.yaml").read_text("utf-8"), "tests/cases/messages.yaml")
    if document is None:
        raise TableError("; ".join(map(str, problems)))
    result = []
    for entry in document.data:
        expect = cases / "invalid" / f"{entry['case']}.expect"
        if not expect.exists():
            raise TableError(f"tests/cases/messages.yaml: Testfall {entry['case']} gibt es nicht")
        messages = [line for line in expect.read_text("utf-8").splitlines()[1:] if line.strip()]
        result.append((_PREFIX.sub("", messages[entry.get("message", 1) - 1]), entry["advice"]))
    return result


def markdown(cases: Path = CASES) -> str:
    lines = ["| Meldung (aus einem Testfall) | was zu tun ist |", "|---|---|"]
    for message, advice in rows(cases):
        cells = [text.replace("|", "\\|") for text in (message, advice)]  # a | would end the cell
        lines.append(f"| `{cells[0]}` | {cells[1]} |")
    return "\n".join(lines) + "\n"


def update(document: str, cases: Path = CASES) -> str:
    """`document` with the table between START and END replaced; unchanged without the markers."""
    if START not in document:
        return document
    head, _, rest = document.partition(START)
    _, _, tail = rest.partition(END)
    return f"{head}{START}\n{markdown(cases)}{END}{tail}"
