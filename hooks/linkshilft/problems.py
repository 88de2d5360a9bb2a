"""Problems found in the data: collected, never raised one at a time.

Every stage returns its problems as values; the caller reports them all and fails once.
The text of a problem is the same in the CLI, the MkDocs build, the tests and CI.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    path: str  # file, relative to the project root, forward slashes
    line: int  # 1-based; 1 where a problem concerns the whole file
    field: str  # e.g. "counselling.hours[0].start"; "" for the file as a whole
    message: str  # German, one line

    def __str__(self) -> str:
        field = f" {printable(self.field)}:" if self.field else ""
        return f"{printable(self.path)}:{self.line}:{field} {printable(self.message)}"

    def as_github_annotation(self, kind: str = "error", title: str | None = None) -> str:
        """One GitHub Actions workflow command ("error" or "warning"), so the finding shows on the
        changed line. File names and messages come from a pull request: escaped, they cannot end
        the command early or start a second one."""
        text = printable(f"{self.field}: {self.message}" if self.field else self.message)
        properties = {"file": printable(self.path), "line": str(self.line)}
        if title or kind == "error":
            properties["title"] = title or "Datenfehler"
        return workflow_command(kind, properties, text)


def printable(text: str) -> str:
    """Messages quote values and name files from the data: a line feed, U+2028 or an escape
    sequence there would break or colour the log line, so such characters are shown escaped."""
    if text.isprintable():
        return text
    return "".join(char if char.isprintable() else char.encode("unicode_escape").decode("ascii") for char in text)


def workflow_command(name: str, properties: dict[str, str], message: str) -> str:
    """`::name key=value,...::message` escaped as GitHub documents it for workflow commands:
    % CR LF in the message, and also : and , in property values (they separate properties)."""

    def escaped(text: str, *, is_property: bool) -> str:
        text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return text.replace(":", "%3A").replace(",", "%2C") if is_property else text

    shown = ",".join(f"{key}={escaped(value, is_property=True)}" for key, value in properties.items())
    return f"::{name} {shown}::{escaped(message, is_property=False)}"


class DataError(Exception):
    """Raised only at the edge (CLI, hooks) after all problems are collected."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__(f"{len(self.problems)} Fehler in den Daten")


def field_path(parts: tuple[str | int, ...]) -> str:
    """('counselling', 'hours', 0, 'start') -> 'counselling.hours[0].start'."""
    text = ""
    for part in parts:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else part
    return text
