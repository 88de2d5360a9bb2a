"""The site's settings (`extra.linkshilft` in mkdocs.yml), checked like data: against a schema, collected.

schema/settings.schema.json says what the block holds: the Impressum (§ 5 DDG, § 18 Abs. 2 MStV),
the hosting for the Datenschutzerklärung, the "Bearbeiten" address. Each problem names the file,
the line and the key, as a data problem does ("mkdocs.yml:42: extra.linkshilft.impressum.email:
…"), and goes into the same collection: the build reports settings and data problems together
and then stops once (public/edge.py), and `linkshilft validate` checks both (cli/commands.py), so
the data step in CI fails whenever the build would.

The values are the ones MkDocs read (in the build) or `read` reads (on the command line); the
lines come from the file itself (records/load.py), following INHERIT as MkDocs does, so that a
setting inherited from mkdocs.yml is reported where it stands. A value that is empty or only
spaces counts as missing: "Pflichtangabe fehlt oder ist leer".
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from pathlib import Path

import yaml

from linkshilft import languages
from linkshilft.problems import Problem
from linkshilft.records.load import Document, lines_of
from linkshilft.records.validate import schema_problems

PREFIX = ("extra", "linkshilft")
SCHEMA = "settings"
CONFIG_FILE = "mkdocs.yml"
_FIELD_PART = re.compile(r"[^.\[\]]+|\[\d+\]")


def settings_problems(settings: object, config_file: Path | None = None) -> list[Problem]:
    """Every problem of the `extra.linkshilft` block, each at its file, line and key."""
    block = _filled(settings) if isinstance(settings, Mapping) else settings
    document = Document(CONFIG_FILE, {PREFIX[0]: {PREFIX[1]: {} if block is None else block}}, {})
    files = _Files(config_file)
    found = schema_problems(document, SCHEMA)
    if not found and isinstance(block, Mapping):
        found = _catalog_problems(block.get("languages") or ())
    return sorted(files.locate(problem) for problem in found)


def _catalog_problems(codes) -> list[Problem]:
    """A language of the setting without its catalogs: its pages would be German under its address.
    (A catalog without the setting is no problem: a language being prepared, or a German-only site.)"""
    field = ".".join((*PREFIX, "languages"))
    message = '"{0}" hat keine Übersetzungskataloge in hooks/linkshilft/locale/{0}/ – '
    message += "make translations legt sie an, dann übersetzen"
    return [Problem(CONFIG_FILE, 1, field, message.format(code)) for code in languages.without_catalogs(codes)]


def check_file(config_file: Path) -> list[Problem]:
    """For the command line: read `config_file` (and what it INHERITs) and check its settings."""
    settings, found = read(config_file)
    return found or settings_problems(settings, config_file)


def read(config_file: Path) -> tuple[object, list[Problem]]:
    """The merged `extra.linkshilft` of `config_file` and the files it INHERITs, as MkDocs merges them."""
    merged: dict = {}
    for path in reversed(_chain(config_file)):  # the parent first; the child's values win
        try:
            text = path.read_text("utf-8")
        except UnicodeDecodeError:
            return None, [Problem(path.name, 1, "", "Datei ist nicht in UTF-8 gespeichert; bitte im Editor als UTF-8 speichern")]
        except OSError as error:
            return None, [Problem(path.name, 1, "", f"Datei kann nicht gelesen werden ({error.strerror})")]
        _, found = lines_of(text, path.name)
        if found:
            return None, found
        try:
            config = yaml.load(text, Loader=_ConfigLoader) or {}
        except (yaml.YAMLError, ValueError, TypeError):  # parsed, but a value cannot be made ("!!int abc")
            return None, [Problem(path.name, 1, "", "Datei lässt sich nicht lesen (YAML prüfen)")]
        merged = _merge(merged, config if isinstance(config, dict) else {})
    extra = merged.get(PREFIX[0])
    return (extra.get(PREFIX[1]) if isinstance(extra, Mapping) else None), []


def _filled(settings: Mapping) -> dict:
    """`settings` without empty values (None, "", spaces), texts stripped: empty counts as missing."""
    result = {}
    for key, value in settings.items():
        kept = _filled(value) if isinstance(value, Mapping) else value.strip() if isinstance(value, str) else value
        if kept is not None and kept != "":
            result[key] = kept
    return result


class _Files:
    """The lines of a configuration file and of the files it INHERITs, to place each problem."""

    def __init__(self, config_file: Path | None):
        self.files: list[tuple[str, dict]] = []
        for path in _chain(config_file) if config_file is not None else []:
            try:
                self.files.append((path.name, lines_of(path.read_text("utf-8"), path.name)[0]))
            except (OSError, UnicodeDecodeError):
                continue

    def locate(self, problem: Problem) -> Problem:
        """`problem` at the file and line of the deepest part of its key found (the child file on a tie)."""
        parts = tuple(int(p[1:-1]) if p.startswith("[") else p for p in _FIELD_PART.findall(problem.field))
        best = (-1, self.files[0][0] if self.files else CONFIG_FILE, 1)
        for name, lines in self.files:
            depth = len(parts)
            while depth and parts[:depth] not in lines:
                depth -= 1
            if depth > best[0] and parts[:depth] in lines:
                best = (depth, name, lines[parts[:depth]])
        return Problem(best[1], best[2], problem.field, problem.message)


def _chain(config_file: Path) -> list[Path]:
    """`config_file` and the files it INHERITs, the child first."""
    chain: list[Path] = []
    path: Path | None = config_file
    while path is not None and path.is_file() and path.resolve() not in {p.resolve() for p in chain}:
        chain.append(path)
        try:
            config = yaml.load(path.read_text("utf-8"), Loader=_ConfigLoader)
        except (yaml.YAMLError, ValueError, TypeError, OSError):  # `read` says what is wrong
            break
        parent = config.get("INHERIT") if isinstance(config, dict) else None
        path = path.parent / parent if isinstance(parent, str) else None
    return chain


def _merge(base: dict, override: dict) -> dict:
    """MkDocs' INHERIT: mappings merged key by key, everything else replaced."""
    result = dict(base)
    for key, value in override.items():
        result[key] = _merge(result[key], value) if isinstance(value, dict) and isinstance(result.get(key), dict) else value
    return result


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml as MkDocs reads it, without MkDocs: !ENV from the environment, Python tags as nothing."""


def _env(loader: yaml.SafeLoader, node: yaml.Node) -> object:
    names = [loader.construct_scalar(node)] if isinstance(node, yaml.ScalarNode) else loader.construct_sequence(node)
    *variables, default = names if len(names) > 1 else (*names, None)
    return next((os.environ[name] for name in variables if name in os.environ), default)


_ConfigLoader.add_constructor("!ENV", _env)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
