"""The legal pages' data: settings for Impressum and Datenschutzerklärung, and the supervising lawyers.

The pages themselves are Markdown in content/. Where they show data, they hold a marker such as
`<!-- linkshilft:impressum -->`, which `fill_blocks` replaces with the template
site_overrides/linkshilft/legal/impressum.html, rendered from plain values computed here.

The settings live in one block of mkdocs.yml (`extra.linkshilft.impressum` and `.hosting`).
`settings_problems` checks them before anything is built: a site without a complete Impressum
must not go online (§ 5 DDG), so a missing value stops the build with a message naming
mkdocs.yml, the line and the key.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml
from jinja2 import Environment

from linkshilft.labels import QUALIFICATION_LABELS, phone_uri
from linkshilft.problems import Problem
from linkshilft.records import model as m

SETTINGS_PREFIX = ("extra", "linkshilft")
MARKER = re.compile(r"<!-- linkshilft:(?P<name>[a-z-]+) -->")
EMAIL = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")
POSTCODE = re.compile(r"^[0-9]{5}$")
PHONE = re.compile(r"^\+?[0-9][0-9 /-]{5,}$")


@dataclass(frozen=True)
class Field:
    path: tuple[str, ...]  # below extra.linkshilft
    purpose: str  # why it is needed, for the message
    kind: str = "text"  # text, email, postcode, phone, days


_IMPRESSUM = "für das Impressum (§ 5 DDG)"
_RESPONSIBLE = "für die Angabe der inhaltlich verantwortlichen Person (§ 18 Abs. 2 MStV)"
_HOSTING = "für die Datenschutzerklärung (Art. 13 DSGVO: Empfänger der Server-Protokolle)"


def _address(*prefix: str, purpose: str) -> list[Field]:
    return [
        Field((*prefix, "address", "street"), purpose),
        Field((*prefix, "address", "postcode"), purpose, "postcode"),
        Field((*prefix, "address", "town"), purpose),
    ]


REQUIRED = (
    Field(("impressum", "provider"), _IMPRESSUM),
    *_address("impressum", purpose=_IMPRESSUM),
    Field(("impressum", "represented_by"), _IMPRESSUM),
    Field(("impressum", "email"), _IMPRESSUM, "email"),
    Field(("impressum", "phone"), _IMPRESSUM, "phone"),
    Field(("impressum", "content_responsible", "name"), _RESPONSIBLE),
    *_address("impressum", "content_responsible", purpose=_RESPONSIBLE),
    Field(("hosting", "provider"), _HOSTING),
    Field(("hosting", "address"), _HOSTING),
    Field(("hosting", "log_days"), _HOSTING, "days"),
)
OPTIONAL = (
    Field(("impressum", "register"), _IMPRESSUM),
    Field(("impressum", "vat_id"), _IMPRESSUM),
    Field(("impressum", "data_protection_officer"), "für die Datenschutzerklärung (Art. 13 Abs. 1 Buchstabe b DSGVO)"),
)


# --- checking the settings -------------------------------------------------------------


def settings_problems(settings: Mapping | None, config_file: Path | None = None) -> list[Problem]:
    """Every missing or malformed Impressum/hosting setting, each naming mkdocs.yml, line and key."""
    settings = settings if isinstance(settings, Mapping) else {}
    locate = _Locator(config_file)
    problems: list[Problem] = []
    missing_groups: list[tuple[str, ...]] = []
    for field in REQUIRED + OPTIONAL:
        value, missing_group = _lookup(settings, field.path)
        if missing_group is not None:
            if field in REQUIRED and missing_group not in missing_groups:
                missing_groups.append(missing_group)
                problems.append(locate.problem(missing_group, _group_message(missing_group, field.purpose)))
            continue
        message = _value_message(value, field, required=field in REQUIRED)
        if message:
            problems.append(locate.problem(field.path, message))
    return sorted(problems)


def _lookup(settings: Mapping, path: tuple[str, ...]) -> tuple[object, tuple[str, ...] | None]:
    """(value, None); or (None, the first group on the path that is missing or not a group of settings)."""
    group: object = settings
    for index, part in enumerate(path[:-1]):
        group = group.get(part)
        if not isinstance(group, Mapping):
            return None, path[: index + 1]
    return group.get(path[-1]), None


def _group_message(group: tuple[str, ...], purpose: str) -> str:
    keys = list(dict.fromkeys(f.path[len(group)] for f in REQUIRED if f.path[: len(group)] == group))
    return f"Abschnitt fehlt in mkdocs.yml oder enthält keine Angaben; nötig {purpose}: {', '.join(keys)}"


def _value_message(value: object, field: Field, required: bool) -> str | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        if not required:
            return None
        return f"Pflichtangabe fehlt oder ist leer – bitte in mkdocs.yml eintragen (nötig {field.purpose})"
    if field.kind == "days":
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 365:
            return "muss eine ganze Zahl von Tagen zwischen 1 und 365 sein (z. B. 7)"
        return None
    if not isinstance(value, str):
        return f'muss Text sein – bitte in Anführungszeichen setzen, z. B. "01067" (gelesen: {value!r})'
    if field.kind == "email" and not EMAIL.match(value.strip()):
        return "ist keine gültige E-Mail-Adresse"
    if field.kind == "postcode" and not POSTCODE.match(value.strip()):
        return 'ist keine gültige Postleitzahl (fünf Ziffern in Anführungszeichen, z. B. "01067")'
    if field.kind == "phone" and not PHONE.match(value.strip()):
        return 'ist keine gültige Telefonnummer (z. B. "0351 1234567")'
    return None


class _Locator:
    """Finds the line of a setting in mkdocs.yml (or in the file it INHERITs), for the message."""

    def __init__(self, config_file: Path | None):
        self.files: list[tuple[str, yaml.Node | None]] = []
        seen: set[Path] = set()
        while config_file is not None and config_file.is_file() and config_file.resolve() not in seen:
            seen.add(config_file.resolve())
            try:
                root = yaml.compose(config_file.read_text("utf-8"), Loader=yaml.SafeLoader)
            except (yaml.YAMLError, OSError, UnicodeDecodeError):
                root = None
            self.files.append((config_file.name, root))
            parent, _ = _child(root, "INHERIT")
            config_file = config_file.parent / parent.value if isinstance(parent, yaml.ScalarNode) else None

    def problem(self, path: tuple[str, ...], message: str) -> Problem:
        """The Problem at the deepest part of the key found in any of the files (line 1 if none)."""
        best_depth, best_name, best_line = -1, (self.files[0][0] if self.files else "mkdocs.yml"), 1
        for name, root in self.files:
            node, depth, line = root, 0, 1
            for part in (*SETTINGS_PREFIX, *path):
                child, key_line = _child(node, part)
                if child is None:
                    break
                node, depth, line = child, depth + 1, key_line
            if depth > best_depth:
                best_depth, best_name, best_line = depth, name, line
        return Problem(best_name, best_line, ".".join((*SETTINGS_PREFIX, *path)), message)


def _child(node: yaml.Node | None, key: str) -> tuple[yaml.Node | None, int]:
    """The value under `key` and the 1-based line of the key (for a group, its value starts a line later)."""
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if isinstance(key_node, yaml.ScalarNode) and key_node.value == key:
                return value_node, key_node.start_mark.line + 1
    return None, 0


# --- what the legal pages show ---------------------------------------------------------


def lawyers_view(dataset: m.Dataset) -> dict:
    """Lawyers whose agreement is valid today: named only with consent, the others only counted."""
    valid = [lawyer for lawyer in dataset.lawyers.values() if lawyer.valid_on(dataset.today)]
    named = sorted(
        (f"{QUALIFICATION_LABELS[lawyer.qualification]} {lawyer.public_name}" for lawyer in valid if lawyer.public_name),
        key=lambda text: text.split()[-1],
    )
    unnamed = len(valid) - len(named)
    if unnamed == 0:
        others = None
    elif named:
        others = (
            "Außerdem leitet eine weitere Person mit Befähigung zum Richteramt an, die nicht namentlich genannt werden möchte."
            if unnamed == 1
            else f"Außerdem leiten {unnamed} weitere Personen mit Befähigung zum Richteramt an, "
            "die nicht namentlich genannt werden möchten."
        )
    else:
        others = (
            "Die Beratung leitet eine Person mit Befähigung zum Richteramt an, die nicht namentlich genannt werden möchte."
            if unnamed == 1
            else f"Die Beratung leiten {unnamed} Personen mit Befähigung zum Richteramt an, "
            "die nicht namentlich genannt werden möchten."
        )
    return {"named": named, "others": others, "count": len(valid)}


def settings_view(settings: Mapping) -> dict:
    """Impressum and hosting settings as plain, stripped strings for the templates (checked before)."""

    def text(*path: str) -> str | None:
        value, _ = _lookup(settings, path)
        return value.strip() if isinstance(value, str) and value.strip() else None

    def address(*prefix: str) -> dict:
        return {part: text(*prefix, "address", part) for part in ("street", "postcode", "town")}

    phone = text("impressum", "phone")
    return {
        "provider": text("impressum", "provider"),
        "address": address("impressum"),
        "represented_by": text("impressum", "represented_by"),
        "email": text("impressum", "email"),
        "phone": phone,
        "phone_uri": phone_uri(phone) if phone else None,
        "register": text("impressum", "register"),
        "vat_id": text("impressum", "vat_id"),
        "data_protection_officer": text("impressum", "data_protection_officer"),
        "responsible": {
            "name": text("impressum", "content_responsible", "name"),
            "address": address("impressum", "content_responsible"),
        },
        "hosting": {
            "provider": text("hosting", "provider"),
            "address": text("hosting", "address"),
            "log_days": _lookup(settings, ("hosting", "log_days"))[0],
        },
    }


BLOCKS = ("lawyers", "impressum", "controller", "hosting", "contact")


def fill_blocks(html: str, env: Environment, dataset: m.Dataset, settings: Mapping) -> str:
    """Replace the legal markers (<!-- linkshilft:lawyers --> and the like) with their rendered blocks.

    Markers of other names (the start page's office list) are left for their own step.
    """
    if not any(match.group("name") in BLOCKS for match in MARKER.finditer(html)):
        return html
    context = {"lawyers": lawyers_view(dataset), "site": settings_view(settings)}

    def replace(match: re.Match) -> str:
        name = match.group("name")
        if name not in BLOCKS:
            return match.group(0)
        return env.get_template(f"legal/{name}.html").render(context).strip()

    return MARKER.sub(replace, html)
