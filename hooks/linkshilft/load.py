"""Read one YAML file strictly, keeping the line of every value.

Built on libyaml's parser (`CParser`, ~9x faster than the pure-Python one); the
resolver and the constructor are ours, so that:

- scalars follow YAML 1.2 rules: only true/false are booleans (no yes/no/on/off), no
  sexagesimal numbers (14:30 stays "14:30"), no octal and no leading zeros (01067 stays
  "01067"), no timestamps (dates stay strings and are checked by the schema);
- duplicate keys, anchors/aliases and non-standard tags are rejected;
- files over MAX_BYTES, files that are not UTF-8 and empty files are rejected.

Failures are returned as Problems, never raised.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml._yaml import CParser
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.resolver import BaseResolver

from .problems import Problem, field_path

MAX_BYTES = 256 * 1024

_TAG = "tag:yaml.org,2002:"
_MAP, _SEQ, _STR = _TAG + "map", _TAG + "seq", _TAG + "str"


class _Yaml12Resolver(BaseResolver):
    """Plain scalars resolve as in YAML 1.2's core schema, without its traps."""


for _tag, _pattern, _first in (
    ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("int", r"^[-+]?(?:0|[1-9][0-9]*)$", "-+0123456789"),
    ("float", r"^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$", "-+.0123456789"),
):
    _Yaml12Resolver.add_implicit_resolver(_TAG + _tag, re.compile(_pattern), list(_first))


class _StrictCParser(CParser, _Yaml12Resolver):
    def __init__(self, text: str):
        CParser.__init__(self, text)
        _Yaml12Resolver.__init__(self)


# libyaml's messages, in German for editors. The original follows in brackets for maintainers.
_SYNTAX_HINTS = {
    "found character that cannot start any token": "Zeichen, mit dem kein Wert beginnen darf "
    "(ein Tabulator statt Leerzeichen, oder fehlen Anführungszeichen um einen Text mit @, ` oder %?)",
    "mapping values are not allowed": "Doppelpunkt an unerwarteter Stelle (Text mit Doppelpunkt in "
    "Anführungszeichen setzen oder Einrückung prüfen)",
    "could not find expected ':'": "Doppelpunkt nach dem Feldnamen fehlt",
    "did not find expected key": "Einrückung stimmt nicht (ein Feldname wurde erwartet)",
    "did not find expected '-' indicator": "Einrückung der Liste stimmt nicht",
    "did not find expected node content": "Wert fehlt oder Einrückung stimmt nicht",
    "found unexpected end of stream": "Datei endet mitten in einem Wert (fehlt ein schließendes Anführungszeichen?)",
    "found unknown escape character": "unbekanntes Escape-Zeichen mit \\ in einem Text in doppelten Anführungszeichen",
    "found another document": 'mehr als ein Dokument in der Datei (nur ein "---" am Anfang ist erlaubt)',
    "did not find expected ',' or ']'": "Liste in eckigen Klammern ist nicht geschlossen (] fehlt)",
    "did not find expected ',' or '}'": "Angabe in geschweiften Klammern ist nicht geschlossen (} fehlt)",
    "expected a single document": 'mehr als ein Dokument in der Datei (nur ein "---" am Anfang ist erlaubt)',
    "found undefined alias": "Verweise (*name) sind nicht erlaubt; bitte den Wert ausschreiben",
    "block sequence entries are not allowed": "Listeneintrag (-) an unerwarteter Stelle; Einrückung prüfen",
    "found a tab character": "Tabulator statt Leerzeichen zum Einrücken",
}


@dataclass(frozen=True)
class Document:
    """A parsed file: plain Python data plus the line of every value."""

    path: str
    data: Any
    lines: dict[tuple[str | int, ...], int] = field(repr=False)

    def line_of(self, parts: tuple[str | int, ...] | list[str | int]) -> int:
        """Line of the value at `parts`, or of its nearest existing parent."""
        parts = tuple(parts)
        while parts not in self.lines and parts:
            parts = parts[:-1]
        return self.lines.get(parts, 1)


class _Rejected(Exception):
    """Internal: a node that the strict rules reject. Caught in parse_text."""

    def __init__(self, node: Node, field: str, message: str):
        super().__init__(message)
        self.line = node.start_mark.line + 1
        self.field = field
        self.message = message


def read_file(path: Path, display_path: str) -> tuple[Document | None, list[Problem]]:
    """Read and parse `path`; `display_path` is what messages show (relative, forward slashes)."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        return None, [Problem(display_path, 1, "", f"Datei kann nicht gelesen werden ({error.strerror})")]
    if len(raw) > MAX_BYTES:
        return None, [
            Problem(display_path, 1, "", f"Datei ist zu groß ({len(raw) // 1024} KB; höchstens {MAX_BYTES // 1024} KB)")
        ]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, [
            Problem(display_path, line, "", "Datei ist nicht in UTF-8 gespeichert; bitte im Editor als UTF-8 speichern")
        ]
    return parse_text(text, display_path)


def parse_text(text: str, display_path: str) -> tuple[Document | None, list[Problem]]:
    if "\x00" in text:
        return None, [Problem(display_path, 1, "", "Datei enthält Nullbytes (keine Textdatei?)")]
    parser = _StrictCParser(text)
    try:
        root = parser.get_single_node()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        return None, [Problem(display_path, line, "", _german_syntax_message(error))]
    except yaml.reader.ReaderError as error:  # control characters and the like
        line = text[: error.position].count("\n") + 1
        return None, [Problem(display_path, line, "", f"Datei enthält ein unzulässiges Steuerzeichen (#x{error.character:04x})")]
    finally:
        parser.dispose()
    if root is None:
        return None, [Problem(display_path, 1, "", "Datei ist leer")]
    lines: dict[tuple[str | int, ...], int] = {}
    try:
        data = _construct(root, (), lines, set())
    except _Rejected as rejected:
        return None, [Problem(display_path, rejected.line, rejected.field, rejected.message)]
    return Document(display_path, data, lines), []


def _german_syntax_message(error: yaml.MarkedYAMLError) -> str:
    problem = error.problem or error.context or "unbekannter Fehler"
    for english, german in _SYNTAX_HINTS.items():
        if english in problem:
            return f"YAML-Syntaxfehler: {german}"
    return f"YAML-Syntaxfehler ({problem})"


def _construct(node: Node, parts: tuple[str | int, ...], lines: dict, seen: set[int]) -> Any:
    if id(node) in seen:
        raise _Rejected(node, field_path(parts), "Anker und Verweise (& und *) sind nicht erlaubt; bitte Werte ausschreiben")
    seen.add(id(node))
    lines[parts] = node.start_mark.line + 1
    if isinstance(node, MappingNode):
        if node.tag != _MAP:
            raise _Rejected(node, field_path(parts), f"unzulässiges YAML-Tag {node.tag}")
        mapping: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode) or key_node.tag != _STR:
                raise _Rejected(key_node, field_path(parts), "Feldnamen müssen einfache Wörter sein")
            key = key_node.value
            if key == "<<":
                raise _Rejected(key_node, field_path(parts), "Zusammenführen mit << ist nicht erlaubt")
            if key in mapping:
                raise _Rejected(
                    key_node,
                    field_path((*parts, key)),
                    f'Feld "{key}" steht doppelt (zuerst in Zeile {lines[(*parts, key)]})',
                )
            mapping[key] = _construct(value_node, (*parts, key), lines, seen)
            lines[(*parts, key)] = key_node.start_mark.line + 1
        return mapping
    if isinstance(node, SequenceNode):
        if node.tag != _SEQ:
            raise _Rejected(node, field_path(parts), f"unzulässiges YAML-Tag {node.tag}")
        return [_construct(item, (*parts, index), lines, seen) for index, item in enumerate(node.value)]
    return _scalar(node, parts)


def _scalar(node: ScalarNode, parts: tuple[str | int, ...]) -> Any:
    tag, value = node.tag, node.value
    if tag == _STR:
        return value
    if tag == _TAG + "null":
        return None
    if tag == _TAG + "bool":
        return value.lower() == "true"
    try:
        if tag == _TAG + "int":
            return int(value)
        if tag == _TAG + "float":
            return float(value)
    except ValueError:
        raise _Rejected(node, field_path(parts), f'"{value}" ist keine Zahl') from None
    raise _Rejected(node, field_path(parts), f"unzulässiges YAML-Tag {tag}")
