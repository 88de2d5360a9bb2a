"""Reading and checking record files, the same way for the public records (pipeline.py) and the
internal ones (internal/records.py): one slip, one German message, whichever folder it is in.

- `yaml_files`: which files of a folder are records, and a message for everything else there;
- `read_record`: strict YAML, then the schema;
- the messages of checks both kinds of records make: an id that must equal the file name, an id
  that names no record, a date that lies in the future.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from pathlib import Path, PurePosixPath

from linkshilft.problems import Problem, field_path
from linkshilft.records import files, suggest
from linkshilft.records.load import Document, read_mapping
from linkshilft.records.validate import schema_problems


def read_record(
    path: Path,
    shown: str,
    schema: str,
    problems: list[Problem],
    *,
    hints: suggest.Hints | None = None,
    remember: Callable[[Document], None] | None = None,
) -> Document | None:
    """The document at `path` if it is valid YAML and valid by schema/<schema>.schema.json, else None;
    every problem goes to `problems`. `remember` sees every document that parses, valid or not:
    its ids count as known even if the record is broken (one mistake, one message)."""
    document, found = read_mapping(path, shown)
    problems.extend(found)
    if document is None:
        return None
    if remember is not None:
        remember(document)
    found = schema_problems(document, schema, hints=hints)
    problems.extend(found)
    return None if found else document


def yaml_files(folder: Path, shown: Callable[[Path], str], problems: list[Problem], depth: int) -> list[Path]:
    """YAML files exactly `depth` levels below `folder`; anything else there is reported.
    Only real folders and regular files with allowed names (files.py); nothing else is read."""
    if not os.path.lexists(folder):
        return []
    if (reason := files.refusal(folder, folder=True)) is not None:
        problems.append(Problem(shown(folder), 1, "", reason))
        return []
    found: list[Path] = []

    def visit(current: Path, level: int) -> None:
        paths = list(files.entries(current))
        names = {path.name for path in paths}
        for path in paths:
            where = shown(path)
            if files.is_folder(path):
                if (reason := files.name_refusal(path.name, names, folder=True)) is not None:
                    problems.append(Problem(where, 1, "", reason))
                else:
                    visit(path, level + 1)
            elif (reason := files.refusal(path)) is not None:
                problems.append(Problem(where, 1, "", reason))
            elif path.suffix != ".yaml":
                hint = " (bitte die Endung .yaml verwenden)" if path.suffix == ".yml" else ""
                problems.append(Problem(where, 1, "", f"unerwartete Datei im Datenordner{hint}"))
            elif level != depth:
                place = "in einen Kreis-Ordner: data/offices/<kreis>/" if depth == 2 else f"direkt in {folder.name}/"
                problems.append(Problem(where, 1, "", f"Datei liegt am falschen Ort; sie gehört {place}"))
            elif (reason := files.name_refusal(path.name, names)) is not None:
                problems.append(Problem(where, 1, "", reason))
            else:
                found.append(path)

    visit(folder, 1)
    return found


def named_after_file(document: Document, key: str = "id") -> list[Problem]:
    """The value of `key` must equal the file name: the file name is the page address or the link."""
    stem = PurePosixPath(document.path).stem
    if document.data[key] != stem:
        return [at(document, (key,), f'"{document.data[key]}" muss dem Dateinamen entsprechen ("{stem}")')]
    return []


def unknown_id(value: str, where: str, meant: str | None = None) -> str:
    """An id that names no record; `where` says where the records are ("data/lawyers/")."""
    hint = f' – meinten Sie "{meant}"?' if meant else ""
    return f'unbekannte Kennung "{value}" (siehe {where}){hint}'


def in_future(text: str, today: dt.date) -> str:
    """A date that has not come yet where only a past day makes sense (checked, consented, asked)."""
    return f'"{text}" liegt in der Zukunft (Stichtag {today:%d.%m.%Y})'


def at(document: Document, parts: tuple, message: str) -> Problem:
    return Problem(document.path, document.line_of(parts), field_path(parts), message)
