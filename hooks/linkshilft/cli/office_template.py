"""Fill the commented office template (data/_templates/office.yaml) with one office's values.

The template is the one place that explains every field to editors, so a new office
file is written from it, not from a copy of its text in code: values replace the
template's examples on their lines, fields the office does not have yet are commented
out (the explanation and the example stay, for later), and the comments stay as they are.
Edits refer to the template's own lines (found with the strict loader), so a template
that loses a field fails loudly here and in the tests instead of writing a wrong file.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from linkshilft.records.load import parse_text

# Plain YAML scalars that read back as the same text (and not as a number, true/false or null).
_PLAIN = re.compile(r"[A-Za-zÀ-ÿß0-9„(][\w\s.,;()/+@:&'„“–-]*", re.UNICODE)
_NOT_TEXT = re.compile(r"[-+]?[0-9.]+([eE][-+]?[0-9]+)?|true|false|null|~", re.IGNORECASE)


class TemplateError(Exception):
    """The template lacks a field that a new office needs (a maintainer's mistake)."""


def text(value: str) -> str:
    """A string as YAML: plain where that is unambiguous, else in double quotes."""
    if _PLAIN.fullmatch(value) and not _NOT_TEXT.fullmatch(value) and ": " not in value and not value.endswith(":"):
        return value
    return quoted(value)


def quoted(value: str) -> str:
    """Times, dates, postcodes and phone numbers: always in double quotes (JSON strings are YAML)."""
    return json.dumps(value, ensure_ascii=False)


def flow(values: list) -> str:
    return "[" + ", ".join(str(v) for v in values) + "]"


@dataclass(frozen=True)
class _Edit:
    start: int  # 0-based, first line replaced
    end: int  # exclusive; start == end inserts
    lines: tuple[str, ...]


class Template:
    """Line edits on the template's text, applied together at the end."""

    def __init__(self, source: str):
        document, problems = parse_text(source, "data/_templates/office.yaml")
        if document is None:
            raise TemplateError("; ".join(str(p) for p in problems))
        self._lines = source.splitlines()
        self._key_lines = document.lines
        self._edits: list[_Edit] = []

    # --- where things are -----------------------------------------------------------

    def _line(self, path: tuple) -> int:
        if path not in self._key_lines:
            raise TemplateError(f"die Vorlage hat kein Feld {'.'.join(str(p) for p in path)}")
        return self._key_lines[path] - 1

    @staticmethod
    def _indent(line: str) -> int:
        return len(line) - len(line.lstrip(" "))

    def _is_data(self, index: int) -> bool:
        stripped = self._lines[index].strip()
        return bool(stripped) and not stripped.startswith("#")

    def _block(self, index: int) -> range:
        """The key's line and every line of its value (deeper lines, comments among them)."""
        indent, end = self._indent(self._lines[index]), index + 1
        for following in range(index + 1, len(self._lines)):
            if self._is_data(following) and self._indent(self._lines[following]) <= indent:
                break
            if self._is_data(following):
                end = following + 1
        return range(index, end)

    # --- edits ---------------------------------------------------------------------------

    def set(self, path: tuple, value: str) -> None:
        """Replace the value on the key's line (a trailing comment stays); drops folded continuation lines."""
        index = self._line(path)
        match = re.fullmatch(r"(\s*(?:- )?[\w-]+:)(?:\s+([^#]*?))?(\s+#.*)?", self._lines[index])
        if match is None:
            raise TemplateError(f"Zeile {index + 1} der Vorlage ist kein einfaches Feld")
        block = self._block(index)
        continued = [i for i in block[1:] if self._is_data(i)] if (match.group(2) or "").startswith((">", "|")) else []
        self._edits.append(_Edit(index, index + 1, (f"{match.group(1)} {value}{match.group(3) or ''}",)))
        self._edits.extend(_Edit(i, i + 1, ()) for i in continued)

    def comment_out(self, path: tuple) -> None:
        """Keep the field as an example: "# " before its key and every data line of its value, in
        the key's column, as the template's own examples are written (uncommenting restores it)."""
        index = self._line(path)
        column = self._indent(self._lines[index])
        for line_index in self._block(index):
            if self._is_data(line_index):
                line = self._lines[line_index]
                self._edits.append(_Edit(line_index, line_index + 1, (f"{line[:column]}# {line[column:]}",)))

    def replace_items(self, path: tuple, items: list[str]) -> None:
        """Replace the list's active example items (the first run of data lines) with `items`,
        indented like them; the commented examples after them stay."""
        block = self._block(self._line(path))
        data = [i for i in block[1:] if self._is_data(i)]
        if not data:
            raise TemplateError(f"die Vorlage hat unter {'.'.join(path)} kein Beispiel")
        run_end = data[0]
        while run_end + 1 < len(self._lines) and self._is_data(run_end + 1):
            run_end += 1
        indent = " " * self._indent(self._lines[data[0]])
        self._edits.append(_Edit(data[0], run_end + 1, tuple(f"{indent}{item}" for item in items)))

    def insert_after(self, path: tuple, lines: list[str]) -> None:
        """New lines after the field's block, indented like the field."""
        index = self._line(path)
        block = self._block(index)
        indent = " " * self._indent(self._lines[index])
        self._edits.append(_Edit(block[-1] + 1, block[-1] + 1, tuple(f"{indent}{line}" for line in lines)))

    def replace_header(self, lines: list[str]) -> None:
        """Replace the template's header: the comment block from its first to its last "# ====" line."""
        first_data = next(i for i in range(len(self._lines)) if self._is_data(i))
        banners = [i for i, line in enumerate(self._lines[:first_data]) if re.fullmatch(r"# =+", line)]
        if len(banners) < 2:
            raise TemplateError("die Vorlage hat keinen Kopf zwischen zwei Zeilen aus ===")
        self._edits.append(_Edit(banners[0], banners[-1] + 1, tuple(lines)))

    def set_first_line(self, line: str) -> None:
        self._edits.append(_Edit(0, 1, (line,)))

    def comment_lines(self, heading: str) -> list[str]:
        """The comment paragraph that starts with `heading` ("# Schreibregeln:"), up to a bare "#"."""
        try:
            start = self._lines.index(heading)
        except ValueError:
            return []
        paragraph = []
        for line in self._lines[start:]:
            if line.strip() == "#" or not line.startswith("#"):
                break
            paragraph.append(line)
        return paragraph

    def render(self) -> str:
        lines = list(self._lines)
        starts = [edit.start for edit in self._edits if edit.start != edit.end]
        if len(starts) != len(set(starts)):
            raise TemplateError("zwei Änderungen an derselben Zeile der Vorlage")
        # From the bottom up, so earlier line numbers stay valid. Where an insert and a replacement
        # start at the same line, the replacement goes first and the insert lands before it.
        for edit in sorted(self._edits, key=lambda e: (e.start, e.start != e.end), reverse=True):
            lines[edit.start : edit.end] = edit.lines
        return "\n".join(lines) + "\n"
