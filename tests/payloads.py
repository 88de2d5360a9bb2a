"""A project whose every free-text field holds an attack: the data for the payload build (conftest.payload_site).

Which fields are free text comes from the schemas: every property whose schema is one of the
text building blocks of common.schema.json (`text`, `short_text`, …). Names of persons are
filled only where the person consents to be named (no other name may stand in free text).
Each value is "P<nn> <payload>", so that every value can be found again in every output.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import yaml

from tests.support import CASES, ROOT

PAYLOADS = (
    "<script>alert(1)</script>",
    '"><svg onload=alert(2)><x-payload data-payload=1>',
    "'><img src=x onerror=alert(3) data-payload=1>",
    "</script><script>alert(4)</script><!--",
    "javascript:alert(5)",
    "{{ 7*7 }} {% if 1 %}jinja{% endif %} ${7*7}",
    "[klick](javascript:alert(6)) <b data-payload=1>fett</b> **fett** <!-- linkshilft:impressum -->",
    "]]> <![CDATA[ & &amp; &lt;x-payload&gt; \\ ; , \"Zitat\" 'Zitat' =1+1",
)
# Which schema file describes which data file (relative to the data folder).
KINDS = {
    "offices": "office",
    "counsellors": "counsellor",
    "lawyers": "lawyer",
    "districts.yaml": "districts",
    "topics.yaml": "topics",
    "mps.yaml": "mps",
    "closures.yaml": "closures",
}
# Settings of mkdocs.yml that are checked for their form (legal.py) keep their value.
FORMED_SETTINGS = {"email", "phone", "postcode", "log_days"}


def text_blocks() -> set[str]:
    """The names of common.schema.json's building blocks for free text."""
    defs = json.loads((ROOT / "schema" / "common.schema.json").read_text("utf-8"))["$defs"]
    plain = ("pattern", "enum", "format", "const")
    return {name for name, node in defs.items() if node.get("type") == "string" and not any(k in node for k in plain)}


def free_text_fields(kind: str) -> set[str]:
    """Property names whose value (or list items) is free text in schema/<kind>.schema.json (and its common blocks)."""
    blocks, names = text_blocks(), set()

    def walk(node, key):
        if isinstance(node, dict):
            ref = node.get("$ref", "")
            if ref.rsplit("/", 1)[-1] in blocks and key:
                names.add(key)
            for child_key, child in node.items():
                walk(child, key if child_key in ("items", "properties", "$ref", "allOf", "anyOf", "oneOf") else child_key)
        elif isinstance(node, list):
            for child in node:
                walk(child, key)

    walk(json.loads((ROOT / "schema" / f"{kind}.schema.json").read_text("utf-8")), "")
    if kind == "closures":  # the closure itself is a block of common.schema.json
        walk(json.loads((ROOT / "schema" / "common.schema.json").read_text("utf-8"))["$defs"]["closure"], "")
    return names


class Filler:
    def __init__(self):
        self.values: list[str] = []
        self.filled: set[tuple[str, str]] = set()

    def next(self) -> str:
        value = f"P{len(self.values):02d} {PAYLOADS[len(self.values) % len(PAYLOADS)]}"
        self.values.append(value)
        return value

    def fill(self, node, kind: str, fields: set[str], key: str = ""):
        if isinstance(node, dict):
            consent = node.get("consent", {}).get("publish_name", True) if isinstance(node.get("consent"), dict) else True
            for child_key, child in node.items():
                if child_key == "name" and not consent:
                    continue
                if child_key == "translations":  # shown only on the pages in other languages, not built here
                    continue
                node[child_key] = self.fill(child, kind, fields, child_key)
            return node
        if isinstance(node, list):
            return [self.fill(item, kind, fields, key) for item in node]
        if isinstance(node, str) and key in fields:
            self.filled.add((kind, key))
            return self.next()
        return node


# Optional free-text fields the small test office leaves out.
OFFICE_EXTRAS = {
    "directions": "x",
    "accessibility": {"notes": "x"},
    "counselling": {"how_to_book": "x", "bring": ["x", "y"]},
}


def write_payload_project(target: Path) -> tuple[Path, Filler]:
    """A copy of the project (content, site_overrides, hooks, mkdocs.yml) and of the base data with payloads."""
    for folder in ("content", "site_overrides"):
        shutil.copytree(ROOT / folder, target / folder)
    (target / "hooks").mkdir()
    shutil.copy(ROOT / "hooks" / "main.py", target / "hooks" / "main.py")
    data = target / "data"
    shutil.copytree(CASES / "base" / "data", data)
    # A second office by appointment only: only such an office shows how_to_book.
    base = yaml.safe_load((data / "offices" / "leipzig" / "leipzig-basis.yaml").read_text("utf-8"))
    base["id"], base["counselling"]["appointment_only"] = "leipzig-termin", True
    del base["counselling"]["hours"]
    (data / "offices" / "leipzig" / "leipzig-termin.yaml").write_text(yaml.safe_dump(base, allow_unicode=True), "utf-8")
    filler = Filler()
    for path in sorted(data.rglob("*.yaml")):
        relative = path.relative_to(data).parts[0]
        kind = KINDS[relative]
        record = yaml.safe_load(path.read_text("utf-8"))
        if kind == "office":
            for key, value in OFFICE_EXTRAS.items():
                record[key] = {**record.get(key, {}), **value} if isinstance(value, dict) else value
            for rule in record["counselling"].get("hours", []):
                rule["note"] = "x"
        filler.fill(record, kind, free_text_fields(kind))
        path.write_text(yaml.safe_dump(record, allow_unicode=True, sort_keys=False, width=1000), "utf-8")
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text("utf-8"))
    settings = config["extra"]["linkshilft"]
    settings["impressum"].update(register="x", vat_id="x")
    _fill_settings(settings["impressum"], filler)
    _fill_settings(settings["hosting"], filler)
    (target / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False, width=1000), "utf-8")
    return data, filler


def _fill_settings(node: dict, filler: Filler) -> None:
    for key, value in node.items():
        if isinstance(value, dict):
            _fill_settings(value, filler)
        elif isinstance(value, str) and key not in FORMED_SETTINGS:
            node[key] = filler.next()
            filler.filled.add(("mkdocs.yml", key))


def marker(value: str) -> str:
    """The "P<nn>" part of a payload value."""
    return re.match(r"P\d\d", value).group()
