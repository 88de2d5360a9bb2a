"""The editor's slip behind a YAML error: which line, what went wrong, the line as it should be.

libyaml notices a slip where the text stops making sense, which is often a line later (a
missing space after a colon) or a line that is fine (a key pulled to the left). The slips
volunteers make in the GitHub web editor are few and recognisable in the text itself, so
the text is searched for them near the parser's line, and the message names the slip at
its own line and shows the corrected line. What is not recognised keeps libyaml's
translated message (load._SYNTAX_HINTS).

The corrected line is shown without its indentation (hard to see in a message); where the
indentation is the slip, the message says how many spaces belong in front.
"""

from __future__ import annotations

import re

NBSP = "\u00a0"
_TYPOGRAPHIC = {"„": '"', "“": '"', "”": '"', "‚": "'", "‘": "'", "’": "'", "»": '"', "«": '"'}
_KEY = r"[A-Za-z_][A-Za-z0-9_]*"
# "start:"14:00"", "- weekdays:[tuesday]": a key, a colon and then no space (URLs have "://").
_NO_SPACE = re.compile(rf"^(?P<indent>[ ]*(?:- )?)(?P<key>{_KEY}):(?P<value>[^\s/:{NBSP}].*)$")
_NBSP_AFTER_COLON = re.compile(rf"^(?P<indent>[ ]*(?:- )?)(?P<key>{_KEY}):{NBSP}+(?P<value>.*)$")
_BLANKS = f" \t{NBSP}"
_INDENT = re.compile(f"^[{_BLANKS}]*")
_COPIED = "(oft beim Kopieren aus Word oder einer E-Mail)"


def syntax_slip(text: str, parser_line: int) -> tuple[int, str] | None:
    """(line, German message) for a recognised slip at or just before the parser's line."""
    lines = text.splitlines()
    last = min(parser_line, len(lines))
    for number in range(1, last + 1):
        if found := _indentation_slip(lines, number):
            return found
    # A value that runs into the next line is noticed there: look at the line before, too.
    for number in (last - 1, last) if last > 1 else (last,):
        if found := _colon_slip(lines[number - 1], number) or _quote_slip(lines[number - 1], number, parser_line):
            return found
    return _pulled_left(lines, last) or _misaligned(lines, last) or _colon_in_value(lines, last)


def indentation_slip(text: str) -> tuple[int, str] | None:
    """Non-breaking spaces as indentation: libyaml reads them as part of a key ("  town")."""
    if NBSP not in text:
        return None
    lines = text.splitlines()
    return next((found for number in range(1, len(lines) + 1) if (found := _indentation_slip(lines, number))), None)


def duplicate_key(key: str, first_line: int, in_list_entry: bool, line_text: str) -> str:
    """A key twice in one mapping. In a list entry that is nearly always a missing "- ": the
    editor copied a rule and forgot the dash, so deleting a line would delete a rule."""
    message = f'Feld "{key}" steht doppelt (zuerst in Zeile {first_line})'
    if not in_list_entry:
        return message
    indent = len(line_text) - len(line_text.lstrip(" "))
    corrected = f"- {line_text.strip()}"
    return (
        f'{message} – beginnt hier ein neuer Eintrag der Liste? Dann fehlt "- " davor; '
        + _with_indent(max(indent - 2, 0), corrected)
    )


def _indentation_slip(lines: list[str], number: int) -> tuple[int, str] | None:
    line = lines[number - 1]
    indent = _INDENT.match(line).group(0)
    if not line.strip() or line.lstrip(_BLANKS).startswith("#") or not ("\t" in indent or NBSP in indent):
        return None
    what = "Tabulator" if "\t" in indent else f"geschützte Leerzeichen {_COPIED}"
    width, content = _expected_indent(lines, number), line.strip(_BLANKS)
    return number, f"YAML-Syntaxfehler: {what} statt Leerzeichen zum Einrücken – {_with_indent(width, content)}"


def _with_indent(width: int, content: str) -> str:
    return f"richtig (mit {width} Leerzeichen davor): {content}"


def _expected_indent(lines: list[str], number: int) -> int:
    """The indentation the line most likely belongs at, judged from the data line above it."""
    for previous in reversed(lines[: number - 1]):
        stripped = previous.strip()
        if not stripped or stripped.startswith("#"):
            continue
        indent = len(previous) - len(previous.lstrip(" "))
        if stripped.startswith("- "):
            return indent + 2
        return indent + 2 if stripped.endswith(":") else indent
    return 0


def _colon_slip(line: str, number: int) -> tuple[int, str] | None:
    if line.lstrip().startswith("#"):
        return None
    if match := _NBSP_AFTER_COLON.match(line):
        return number, (
            f'YAML-Syntaxfehler: nach dem Doppelpunkt hinter "{match["key"]}" steht ein geschütztes Leerzeichen '
            f"{_COPIED}; bitte löschen und ein normales Leerzeichen tippen – richtig: "
            f"{_corrected(match)}"
        )
    if match := _NO_SPACE.match(line):
        return number, (
            f'YAML-Syntaxfehler: nach dem Doppelpunkt hinter "{match["key"]}" fehlt ein Leerzeichen – '
            f"richtig: {_corrected(match)}"
        )
    return None


def _corrected(match: re.Match) -> str:
    return f"{match['indent'].strip()} {match['key']}: {match['value'].strip()}".strip()


def _quote_slip(line: str, number: int, parser_line: int) -> tuple[int, str] | None:
    """Typographic quotes are plain text to YAML; they break a line only where they hide a colon."""
    if number != parser_line or not any(mark in line for mark in _TYPOGRAPHIC):
        return None
    corrected = "".join(_TYPOGRAPHIC.get(char, char) for char in line.strip())
    return number, (
        "YAML-Syntaxfehler: typografische Anführungszeichen („…“) statt gerader (\"…\") – "
        f"richtig: {corrected}"
    )


def _pulled_left(lines: list[str], parser_line: int) -> tuple[int, str] | None:
    """A key moved to column 0 inside a section: the section's next key no longer fits."""
    if not 0 < parser_line <= len(lines):
        return None
    resumed = lines[parser_line - 1]
    width = len(resumed) - len(resumed.lstrip(" "))
    if width == 0 or not resumed.strip():
        return None
    for number in range(parser_line - 1, 0, -1):
        line = lines[number - 1]
        if not line.strip() or line.lstrip().startswith("#") or line.startswith(" "):
            continue
        match = re.match(rf"^({_KEY}):\s*(#.*)?$", line)
        if match is None or _indent_of_line_before(lines, number) < width:
            return None
        return number, (
            f'YAML-Syntaxfehler: "{match[1]}:" steht ganz links, gehört aber in den Abschnitt darüber – '
            + _with_indent(width, line.strip())
        )
    return None


def _indent_of_line_before(lines: list[str], number: int) -> int:
    for previous in reversed(lines[: number - 1]):
        if previous.strip() and not previous.lstrip().startswith("#"):
            return len(previous) - len(previous.lstrip(" "))
    return 0


def _misaligned(lines: list[str], parser_line: int) -> tuple[int, str] | None:
    """A key a little left of its siblings (" postcode:" under "  street:")."""
    if not 0 < parser_line <= len(lines):
        return None
    line = lines[parser_line - 1]
    width, sibling = len(line) - len(line.lstrip(" ")), _indent_of_line_before(lines, parser_line)
    if not line.strip() or not 0 < width < sibling or not re.match(rf"^ *{_KEY}:", line):
        return None
    return parser_line, (
        f"YAML-Syntaxfehler: die Zeile ist mit {width} Leerzeichen eingerückt, die Zeile darüber mit {sibling} – "
        + _with_indent(sibling, line.strip())
    )


def _colon_in_value(lines: list[str], parser_line: int) -> tuple[int, str] | None:
    """'name: Büro: Plagwitz': a text with ": " needs quotes."""
    if not 0 < parser_line <= len(lines):
        return None
    match = re.match(rf"^(?P<indent> *(?:- )?)(?P<key>{_KEY}): (?P<value>[^\"'#\[{{].*: .*)$", lines[parser_line - 1])
    if match is None:
        return None
    value = match["value"].strip().replace("\\", "\\\\").replace('"', '\\"')
    dash = "- " if "-" in match["indent"] else ""
    corrected = f'{dash}{match["key"]}: "{value}"'
    return parser_line, f"YAML-Syntaxfehler: ein Text mit Doppelpunkt braucht Anführungszeichen – richtig: {corrected}"
