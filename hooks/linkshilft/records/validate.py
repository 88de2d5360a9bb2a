"""Check each record against its JSON Schema and say what is wrong in German.

The schemas in schema/ alone define a record's shape. Each validator is compiled once
per process. jsonschema's English messages are turned into German ones here; a schema
node may carry its own German text in "x-message" (for pattern, format, enum, const and
not) or "x-required-message" (for required).

Two validators, one judgement: jsonschema-rs (Rust) first asks only "valid or not", about
80 times faster than jsonschema, which made validation most of a large build's loading.
Only a record it rejects goes through jsonschema, whose errors carry what the German
messages need. A test runs both over every test case and the sample data and requires
the same verdict; a record jsonschema-rs cannot take at all also goes through jsonschema.
"""

from __future__ import annotations

import difflib
import json
import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jsonschema_rs

if TYPE_CHECKING:  # jsonschema loads only for a record jsonschema-rs rejects (valid data never needs it)
    from jsonschema import Draft202012Validator, ValidationError
    from referencing import Registry

from linkshilft import package_files
from linkshilft.problems import Problem, field_path
from linkshilft.records import suggest
from linkshilft.records.load import Document

SCHEMA_DIR = package_files.folder("schemas")

_TYPE_NAMES = {
    "string": "Text",
    "integer": "eine ganze Zahl",
    "number": "eine Zahl",
    "boolean": "true oder false",
    "array": "eine Liste",
    "object": "ein Abschnitt mit Feldern",
    "null": "leer",
}
_YES_NO = {"yes", "no", "ja", "nein", "on", "off", "y", "n", "wahr", "falsch"}
_OWN_MESSAGE_VALIDATORS = {"pattern", "format", "enum", "const", "not"}


@cache
def _registry(schema_dir: Path) -> Registry:
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT202012

    resources = [
        (path.name, Resource.from_contents(json.loads(path.read_text("utf-8")), default_specification=DRAFT202012))
        for path in sorted(schema_dir.glob("*.schema.json"))
    ]
    return Registry().with_resources(resources)


@cache
def validator_for(kind: str, schema_dir: Path = SCHEMA_DIR) -> Draft202012Validator:
    """The compiled validator of schema/<kind>.schema.json (cached: compiled once)."""
    from jsonschema import Draft202012Validator

    registry = _registry(schema_dir)
    schema = registry.contents(f"{kind}.schema.json")
    return Draft202012Validator(schema, registry=registry, format_checker=Draft202012Validator.FORMAT_CHECKER)


_BASE_URI = "file:///linkshilft/schema/"  # jsonschema-rs wants absolute URIs; the files refer to each other by name


@cache
def _fast_registry(schema_dir: Path) -> jsonschema_rs.Registry:
    return jsonschema_rs.Registry(
        [(_BASE_URI + path.name, json.loads(path.read_text("utf-8"))) for path in sorted(schema_dir.glob("*.schema.json"))]
    )


@cache
def fast_validator_for(kind: str, schema_dir: Path = SCHEMA_DIR) -> jsonschema_rs.Validator:
    """The same schema compiled by jsonschema-rs, with formats checked as jsonschema checks them."""
    schema = json.loads((schema_dir / f"{kind}.schema.json").read_text("utf-8"))
    return jsonschema_rs.validator_for(
        schema, registry=_fast_registry(schema_dir), base_uri=_BASE_URI + f"{kind}.schema.json", validate_formats=True
    )


def _surely_valid(data: Any, kind: str, schema_dir: Path) -> bool:
    try:
        return fast_validator_for(kind, schema_dir).is_valid(data)
    except (ValueError, TypeError):  # a value JSON does not have: let jsonschema say what is wrong
        return False


def check_metaschemas(schema_dir: Path = SCHEMA_DIR) -> list[str]:
    """Every schema file must itself be a valid Draft 2020-12 schema; returns German messages."""
    from jsonschema import Draft202012Validator

    messages = []
    for path in sorted(schema_dir.glob("*.schema.json")):
        schema = json.loads(path.read_text("utf-8"))
        for error in Draft202012Validator(Draft202012Validator.META_SCHEMA).iter_errors(schema):
            where = "/".join(str(p) for p in error.absolute_path) or "(Wurzel)"
            messages.append(f"{path.name}: {where}: kein gültiges JSON Schema ({error.message})")
    return messages


def schema_problems(
    document: Document, kind: str, schema_dir: Path = SCHEMA_DIR, hints: suggest.Hints | None = None
) -> list[Problem]:
    """German problems of one record; `hints` (ids, names, postcode prefixes) let them say "meinten Sie …?"."""
    if _surely_valid(document.data, kind, schema_dir):
        return []
    problems: list[Problem] = []
    seen: set[str] = set()
    errors = list(validator_for(kind, schema_dir).iter_errors(document.data))
    misspelt = _misspelt_fields(errors)
    for error in errors:
        if error.validator == "required" and (tuple(error.absolute_path), _missing_name(error)) in misspelt:
            continue  # "unknown field 'adress' – did you mean 'address'?" already says it
        for parts, message in _hinted(error, document, hints) or _german(error):
            problem = Problem(document.path, document.line_of(parts), field_path(parts), message)
            if str(problem) not in seen:
                seen.add(str(problem))
                problems.append(problem)
    return sorted(problems)


def _missing_name(error: ValidationError) -> str:
    match = re.match(r"^'(.+)' is a required property", error.message)
    return match.group(1) if match else str(error.validator_value)


def _misspelt_fields(errors: list[ValidationError]) -> set[tuple[tuple, str]]:
    """(mapping path, intended name) for every unknown field that looks like a known one."""
    found = set()
    for error in errors:
        if error.validator == "additionalProperties" and isinstance(error.instance, dict):
            known = list(error.schema.get("properties", {}))
            for extra in set(error.instance) - set(known):
                found.update((tuple(error.absolute_path), hint) for hint in difflib.get_close_matches(extra, known, n=1))
    return found


def _section_of(name: str, schema: dict) -> str | None:
    """The one section (object field) of `schema` that has a field `name`."""
    sections = [key for key, child in schema.get("properties", {}).items() if name in child.get("properties", {})]
    return sections[0] if len(sections) == 1 else None


def _show(value: Any) -> str:
    if value is None:
        return "(leer)"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return json.dumps(value if len(value) <= 60 else value[:57] + "…", ensure_ascii=False)
    if isinstance(value, (list, dict)):
        return "eine Liste" if isinstance(value, list) else "ein Abschnitt"
    return str(value)


_EXAMPLE = re.compile(r", z\. B\. \"[^\"]*\"(?=\))")


def _hinted(error: ValidationError, document: Document, hints: suggest.Hints | None) -> list[tuple[tuple, str]]:
    """The message with the editor's own value corrected ("meinten Sie …?"), for fields whose schema
    says what kind of value they hold ("x-hint"); [] where the plain message has to do."""
    schema, value, parts = error.schema, error.instance, tuple(error.absolute_path)
    hint = schema.get("x-hint") if isinstance(schema, dict) else None
    if hint is None or error.validator not in ("pattern", "type", "enum", "format") or isinstance(value, (bool, list, dict)):
        return []
    raw = None
    if not isinstance(value, str) and parts and document.source:  # 14.30 is read as 14.3: show what was written
        raw = suggest.raw_value(document.source[document.line_of(parts) - 1], parts[-1])
    shown = raw or _show(value)
    fix = suggest.corrected(hint, value, raw, parts, hints)
    if hint == "weekday":
        return [(parts, f'{shown} ist nicht erlaubt (Wochentage auf Englisch) – meinten Sie "{fix}"?')] if fix else []
    own = schema.get("x-message", "")
    if not own or (error.validator == "format" and fix is None):
        return []
    if fix is not None:
        return [(parts, f'{shown} {_EXAMPLE.sub("", own)} – meinten Sie "{fix}"?')]
    if hint == "postcode" and (prefixes := suggest.postcode_prefixes(document.data, hints)):
        return [(parts, f"{shown} {_EXAMPLE.sub('', own).removesuffix(')')}; {prefixes})")]
    return [(parts, f"{shown} {own}")] if raw else []


# Characters a text must not hold, by name (accusative: "enthält einen Zeilenumbruch").
_CHARACTER_NAMES = {
    0x00: "ein Nullzeichen",
    0x09: "einen Tabulator",
    0x0A: "einen Zeilenumbruch",
    0x0B: "einen vertikalen Tabulator",
    0x0C: "einen Seitenvorschub",
    0x0D: "einen Wagenrücklauf",
    0x1B: "ein Escape-Zeichen",
    0x7F: "ein Löschzeichen",
    0x85: "einen Zeilenwechsel NEL",
    0x2028: "einen Zeilentrenner",
    0x2029: "einen Absatztrenner",
}


def _forbidden_character(value: str, pattern: str) -> str:
    """Which character a `not`-pattern found, and where: editors cannot see control characters."""
    match = re.search(pattern, value)
    if match is None:  # jsonschema-rs and Python disagree on the pattern; name no character
        return "enthält ein unzulässiges Zeichen"
    code = ord(match.group()[0])
    position = match.start()
    where = "am Anfang" if position == 0 else "am Ende" if position == len(value) - 1 else f"an Stelle {position + 1}"
    return f"enthält {where} {_CHARACTER_NAMES.get(code, 'ein Steuerzeichen')} (U+{code:04X})"


def _german(error: ValidationError) -> list[tuple[tuple[str | int, ...], str]]:
    """One ValidationError as (field path, German message) pairs."""
    parts = tuple(error.absolute_path)
    schema, value, kind = error.schema, error.instance, error.validator
    own = schema.get("x-message") if isinstance(schema, dict) else None
    if kind == "format" and error.validator_value == "date" and re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(value)):
        return [(parts, f"{_show(value)}: diesen Tag gibt es nicht")]
    if kind == "not" and isinstance(value, str) and "pattern" in error.validator_value:
        return [(parts, f"{_forbidden_character(value, error.validator_value['pattern'])} {own or ''}".rstrip())]
    if kind == "not" and own and "enum" in error.validator_value:
        return [(parts, f"{_show(value)} {own}")]
    if own and kind in _OWN_MESSAGE_VALIDATORS:
        return [(parts, own if kind == "not" else f"{_show(value)} {own}")]
    if own and kind == "type" and isinstance(value, (int, float)) and not isinstance(value, bool):
        return [(parts, f"{_show(value)} {own}")]  # e.g. postcode 4229: the format hint helps more than "Text"
    if kind == "required":
        missing = _missing_name(error)
        own = schema.get("x-required-message") if isinstance(schema, dict) else None
        if isinstance(own, dict):  # one message for each required field (settings.schema.json)
            own = own.get(missing)
        return [((*parts, missing), own or f'Pflichtfeld "{missing}" fehlt')]
    if kind == "additionalProperties":
        known = list(schema.get("properties", {}))
        results = []
        for extra in sorted(set(value) - set(known)):
            hint = difflib.get_close_matches(extra, known, n=1)
            suggestion = f' – meinten Sie "{hint[0]}"?' if hint else f" (erlaubt: {', '.join(known)})"
            if not hint and (section := _section_of(extra, schema)):
                # "closures:" pulled to the left edge: it belongs one level deeper, under its section.
                spaces = 2 * (len([p for p in parts if isinstance(p, str)]) + 1)
                suggestion = f' – gehört unter "{section}:"; richtig (mit {spaces} Leerzeichen davor): {extra}:'
            results.append(((*parts, extra), f'unbekanntes Feld "{extra}"{suggestion}'))
        return results
    if kind == "type":
        expected = error.validator_value if isinstance(error.validator_value, str) else error.validator_value[0]
        message = f"{_show(value)} muss {_TYPE_NAMES.get(expected, expected)} sein"
        if expected == "boolean" and isinstance(value, str) and value.lower() in _YES_NO:
            message += " (nicht ja/nein oder yes/no)"
        elif expected == "string" and isinstance(value, (int, float)) and not isinstance(value, bool):
            message += f' – bitte in Anführungszeichen setzen: "{value}"'
        return [(parts, message)]
    if kind == "dependentRequired":
        match = re.match(r"^'(.+)' is a dependency of '(.+)'", error.message)
        if match:
            needed, given = match.groups()
            return [((*parts, needed), f'Pflichtfeld "{needed}" fehlt (nötig, wenn "{given}" angegeben ist)')]
    simple = {
        "enum": lambda: f"{_show(value)} ist nicht erlaubt (erlaubt: {', '.join(map(str, error.validator_value))})",
        "const": lambda: f"{_show(value)} ist nicht erlaubt (nur {_show(error.validator_value)})",
        "minItems": lambda: f"Liste braucht mindestens {error.validator_value} Eintrag/Einträge",
        "maxItems": lambda: f"Liste hat zu viele Einträge (höchstens {error.validator_value})",
        "uniqueItems": lambda: "Liste enthält einen Eintrag doppelt",
        "minLength": lambda: "darf nicht leer sein" if error.validator_value == 1 else "ist zu kurz",
        "maxLength": lambda: f"ist zu lang (höchstens {error.validator_value} Zeichen)",
        "minimum": lambda: f"{_show(value)} ist zu klein (mindestens {error.validator_value})",
        "maximum": lambda: f"{_show(value)} ist zu groß (höchstens {error.validator_value})",
        "pattern": lambda: f"{_show(value)} hat nicht die erwartete Form",
        "format": lambda: f"{_show(value)} ist kein gültiger Wert ({error.validator_value})",
    }
    if kind in simple:
        return [(parts, simple[kind]())]
    return [(parts, f"ungültiger Wert {_show(value)} ({error.message})")]
