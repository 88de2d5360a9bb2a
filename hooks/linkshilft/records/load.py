"""Read one YAML file strictly, keeping the line of every value.

Built on libyaml's parser (`CParser`, ~9x faster than the pure-Python one); the
resolver and the constructor are ours, so that:

- scalars follow YAML 1.2 rules: only true/false are booleans (no yes/no/on/off), no
  sexagesimal numbers (14:30 stays "14:30"), no octal and no leading zeros (01067 stays
  "01067"), no timestamps (dates stay strings and are checked by the schema);
- duplicate keys, anchors and aliases, and non-standard tags are rejected;
- files over MAX_BYTES, files that are not UTF-8 and empty files are rejected.

Failures are returned as Problems, never raised.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml._yaml import CParser
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.resolver import BaseResolver

from linkshilft.problems import Problem, field_path
from linkshilft.records.files import NOT_REGULAR, SYMLINK
from linkshilft.records.yaml_slips import duplicate_key, indentation_slip, syntax_slip

MAX_BYTES = 256 * 1024
# No record nests deeper than 6 levels. Deeper input ends here with a German message, before
# any recursive step (constructing, schema validation) could run out of stack; libyaml itself
# stops at 1,000 levels while parsing, without recursion.
MAX_DEPTH = 20
_TOO_DEEP = (
    f"Angaben sind zu tief verschachtelt (höchstens {MAX_DEPTH} Ebenen; fehlt ein Anführungszeichen um einen Text mit [ oder {{?)"
)

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
    "exceeded maximum nesting depth": _TOO_DEEP,
    "did not find expected <document start>": "hier steht etwas, das kein Feld ist (Text nach einem Wert in "
    "Anführungszeichen, oder eine Zeile, die mit % beginnt?)",
    "did not find expected comment or line break": "nach einem Wert steht noch etwas in derselben Zeile",
    "found unexpected document indicator": '"---" oder "..." mitten in einem Text in Anführungszeichen',
    "found invalid Unicode character escape code": "ungültiges Unicode-Escape mit \\u oder \\U in einem Text",
    "did not find expected hexdecimal number": "unvollständiges Escape mit \\x, \\u oder \\U in einem Text",
    "did not find expected alphabetic or numeric character": "Anker oder Verweis (& oder *) ohne Namen",
    "did not find expected whitespace or line break": "Tag (!) oder Zeichen an unerwarteter Stelle",
    "found undefined tag handle": "unbekanntes YAML-Tag (!)",
    "did not find expected tag URI": "unvollständiges YAML-Tag (!)",
    "did not find expected '!'": "unvollständiges YAML-Tag (!)",
    "found duplicate %YAML directive": "die Angabe %YAML steht doppelt",
    "found incompatible YAML document": "YAML-Version wird nicht unterstützt (bitte %YAML entfernen)",
    "did not find expected <stream-start>": "Anfang der Datei ist unlesbar",
    "found unexpected ':'": "Doppelpunkt an unerwarteter Stelle",
}


@dataclass(frozen=True)
class Document:
    """A parsed file: plain Python data plus the line of every value."""

    path: str
    data: Any
    lines: dict[tuple[str | int, ...], int] = field(repr=False)
    source: tuple[str, ...] = field(default=(), repr=False, compare=False)  # the text, for "meinten Sie" (suggest.py)

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
    """Read and parse `path`; `display_path` is what messages show (relative, forward slashes).

    Only a regular file is read, never through a symlink, and never more than MAX_BYTES + 1
    bytes: a symlink to /dev/zero or a FIFO must not read forever or block."""
    try:
        raw = _read_regular(path)
    except _NotRegular as refused:
        return None, [Problem(display_path, 1, "", str(refused))]
    except OSError as error:
        return None, [Problem(display_path, 1, "", f"Datei kann nicht gelesen werden ({error.strerror})")]
    if len(raw) > MAX_BYTES:
        size = os.stat(path, follow_symlinks=False).st_size
        return None, [Problem(display_path, 1, "", f"Datei ist zu groß ({size // 1024} KB; höchstens {MAX_BYTES // 1024} KB)")]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, [
            Problem(display_path, line, "", "Datei ist nicht in UTF-8 gespeichert; bitte im Editor als UTF-8 speichern")
        ]
    return parse_text(text, display_path)


class _NotRegular(Exception):
    """Internal: the path is a symlink, a device, a FIFO or a folder. Caught in read_file."""


def _read_regular(path: Path) -> bytes:
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    if os.path.islink(path):  # O_NOFOLLOW covers the last part only, and not on every system
        raise _NotRegular(SYMLINK.format("Datei", "die Datei"))
    try:
        descriptor = os.open(path, flags)
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise _NotRegular(SYMLINK.format("Datei", "die Datei")) from None
        raise
    with os.fdopen(descriptor, "rb") as file:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            raise _NotRegular(NOT_REGULAR)
        return file.read(MAX_BYTES + 1)


def read_mapping(path: Path, display_path: str) -> tuple[Document | None, list[Problem]]:
    """read_file for record files, whose top level must be a mapping of fields."""
    document, problems = read_file(path, display_path)
    if document is not None and not isinstance(document.data, dict):
        message = "Datei muss Felder enthalten (name: Wert), keine Liste oder einzelnen Wert"
        return None, [*problems, Problem(document.path, 1, "", message)]
    return document, problems


def parse_text(text: str, display_path: str) -> tuple[Document | None, list[Problem]]:
    if "\x00" in text:
        return None, [Problem(display_path, 1, "", "Datei enthält Nullbytes (keine Textdatei?)")]
    if slip := indentation_slip(text):  # parses, but as keys like "\xa0\xa0town": name the slip instead
        return None, [Problem(display_path, slip[0], "", slip[1])]
    root, problems = _compose(text, display_path)
    if problems:
        return None, problems
    if root is None:
        message = "Datei ist leer" if not text.strip() else "Datei enthält nur Kommentare und keine Angaben"
        return None, [Problem(display_path, 1, "", message)]
    if ("&" in text or "*" in text) and (line := _first_anchor_line(text)):
        return None, [
            Problem(display_path, line, "", "Anker und Verweise (& und *) sind nicht erlaubt; bitte Werte ausschreiben")
        ]
    lines: dict[tuple[str | int, ...], int] = {}
    source = tuple(text.splitlines())
    try:
        data = _construct(root, (), lines, source)
    except _Rejected as rejected:
        return None, [Problem(display_path, rejected.line, rejected.field, rejected.message)]
    return Document(display_path, data, lines, source), []


def _compose(text: str, display_path: str) -> tuple[Node | None, list[Problem]]:
    """The node tree of `text` (None if empty), or the German syntax problem."""
    parser = _StrictCParser(text)
    try:
        return parser.get_single_node(), []
    except yaml.MarkedYAMLError as error:
        line, message = _syntax_problem(error, text)
        return None, [Problem(display_path, line, "", message)]
    except yaml.reader.ReaderError as error:  # control characters and the like
        line = text[: error.position].count("\n") + 1
        return None, [Problem(display_path, line, "", f"Datei enthält ein unzulässiges Steuerzeichen (#x{error.character:04x})")]
    finally:
        parser.dispose()


def lines_of(text: str, display_path: str) -> tuple[dict[tuple[str | int, ...], int], list[Problem]]:
    """The line of every value of a YAML file, keyed as Document.lines, without reading the values.

    For MkDocs' own configuration (mkdocs.yml): MkDocs reads its values, with its own tags (!ENV,
    !!python/name); the settings check (public/settings.py) needs only where each one stands."""
    root, problems = _compose(text, display_path)
    lines: dict[tuple[str | int, ...], int] = {}
    stack: list[tuple[Node, tuple[str | int, ...], int]] = [(root, (), 0)] if root is not None else []
    while stack:  # no recursion: composing already bounded the depth, but a file may still nest deep
        node, parts, line = stack.pop()
        lines[parts] = line or node.start_mark.line + 1
        if isinstance(node, MappingNode):
            for key, value in node.value:
                if isinstance(key, ScalarNode):
                    stack.append((value, (*parts, key.value), key.start_mark.line + 1))
        elif isinstance(node, SequenceNode):
            stack.extend((item, (*parts, index), 0) for index, item in enumerate(node.value))
    return lines, problems


def _first_anchor_line(text: str) -> int | None:
    """Line of the first anchor or alias. Only run when & or * occur: most files have neither."""
    for event in yaml.parse(text, Loader=yaml.CSafeLoader):
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            return event.start_mark.line + 1
    return None


def _syntax_problem(error: yaml.MarkedYAMLError, text: str) -> tuple[int, str]:
    """(line, German message) for a parser error, pointing where an editor has to look."""
    problem = error.problem or error.context or "unbekannter Fehler"
    mark = error.problem_mark or error.context_mark
    line = mark.line + 1 if mark else 1
    lines = text.splitlines()
    # A quote left open swallows the following lines; libyaml notices only later.
    for number, content in enumerate(lines[:line], start=1):
        if _open_double_quote(content):
            return number, 'YAML-Syntaxfehler: schließendes Anführungszeichen (") fehlt'
    if "exceeded maximum nesting depth" in problem:  # libyaml's own limit: no slip of layout to look for
        return line, f"YAML-Syntaxfehler: {_TOO_DEEP}"
    if error.context and error.context.startswith("while parsing a flow") and error.context_mark:
        line = error.context_mark.line + 1  # where the [ or { was opened
    elif slip := syntax_slip(text, line):
        return slip
    if 0 < line <= len(lines) and "\t" in lines[line - 1][: (mark.column + 1 if mark else None)]:
        return line, "YAML-Syntaxfehler: Tabulator statt Leerzeichen zum Einrücken"
    for english, german in _SYNTAX_HINTS.items():
        if english in problem:
            return line, f"YAML-Syntaxfehler: {german}"
    # libyaml's own words would be English; the line says where to look.
    return line, "YAML-Syntaxfehler: Datei lässt sich hier nicht lesen (Einrückung, Doppelpunkte und Anführungszeichen prüfen)"


def _open_double_quote(line: str) -> bool:
    """True if `line` opens a double-quoted value it does not close (comments and '…' ignored)."""
    inside_double = inside_single = False
    index = 0
    while index < len(line):
        char = line[index]
        if inside_double:
            if char == "\\":
                index += 1
            elif char == '"':
                inside_double = False
        elif inside_single:
            if char == "'":
                inside_single = False
        elif char == "#" and (index == 0 or line[index - 1] in " \t"):
            break
        elif char == '"' and (index == 0 or line[index - 1] in " \t:[{,-"):
            inside_double = True
        elif char == "'" and (index == 0 or line[index - 1] in " \t:[{,-"):
            inside_single = True
        index += 1
    return inside_double


def _construct(node: Node, parts: tuple[str | int, ...], lines: dict, source: tuple[str, ...]) -> Any:
    # Aliases were rejected before (_first_anchor_line), so the node graph is a tree.
    lines[parts] = node.start_mark.line + 1
    if len(parts) >= MAX_DEPTH and not isinstance(node, ScalarNode):
        raise _Rejected(node, field_path(parts), _TOO_DEEP)
    if isinstance(node, MappingNode):
        if node.tag != _MAP:
            raise _Rejected(node, field_path(parts), f"unzulässiges YAML-Tag {_shown_tag(node.tag)}")
        mapping: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode) or key_node.tag != _STR:
                raise _Rejected(key_node, field_path(parts), "Feldnamen müssen einfache Wörter sein")
            key = key_node.value
            if key == "<<":
                raise _Rejected(key_node, field_path(parts), "Zusammenführen mit << ist nicht erlaubt")
            if key in mapping:
                line_text = source[key_node.start_mark.line] if key_node.start_mark.line < len(source) else ""
                in_entry = bool(parts) and isinstance(parts[-1], int)
                message = duplicate_key(key, lines[(*parts, key)], in_entry, line_text)
                raise _Rejected(key_node, field_path((*parts, key)), message)
            mapping[key] = _construct(value_node, (*parts, key), lines, source)
            lines[(*parts, key)] = key_node.start_mark.line + 1
        return mapping
    if isinstance(node, SequenceNode):
        if node.tag != _SEQ:
            raise _Rejected(node, field_path(parts), f"unzulässiges YAML-Tag {_shown_tag(node.tag)}")
        return [_construct(item, (*parts, index), lines, source) for index, item in enumerate(node.value)]
    return _scalar(node, parts)


def _shown_tag(tag: str) -> str:
    """As the editor wrote it: 'tag:yaml.org,2002:python/object' -> '!!python/object'."""
    return "!!" + tag.removeprefix(_TAG) if tag.startswith(_TAG) else tag


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
    raise _Rejected(node, field_path(parts), f"unzulässiges YAML-Tag {_shown_tag(tag)}")
