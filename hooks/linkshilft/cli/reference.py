"""The field reference for editors, written from the schemas (so it cannot drift from them).

`linkshilft reference` prints it; `make reference` (and the pre-commit hook, with the same
`linkshilft reference --all`) puts it into CONTRIBUTING.md and INTERN.md between the markers,
together with the message table written from the test cases (message_table.py); tests fail
when either document is out of date.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from linkshilft.cli import message_table
from linkshilft.records import kinds
from linkshilft.records.validate import SCHEMA_DIR

# (schema, heading) of every kind, from the one table of kinds (records/kinds.py).
# The settings in mkdocs.yml are no record, but editors set them too: their reference follows.
KINDS = (
    *((kind.schema, kind.heading) for kind in kinds.PUBLIC),
    ("settings", "Einstellungen der Seite: mkdocs.yml, Block extra.linkshilft"),
)
# The internal records (measures 1–7): documented in INTERN.md, not in the editors' CONTRIBUTING.md.
INTERNAL_KINDS = tuple((kind.schema, kind.heading) for kind in kinds.INTERNAL)
START, END = "<!-- reference:start -->", "<!-- reference:end -->"


def _resolve(schema: dict, root: dict, schema_dir: Path) -> tuple[dict, dict]:
    """Follow $ref (local or into common.schema.json), keeping the referring node's own title.

    Returns the resolved schema and the document it lives in (for its own local $refs)."""
    while "$ref" in schema:
        target, _, pointer = schema["$ref"].partition("#")
        document = json.loads((schema_dir / target).read_text("utf-8")) if target else root
        node = document
        for part in pointer.strip("/").split("/") if pointer else []:
            node = node[part]
        schema = {**node, **{k: v for k, v in schema.items() if k != "$ref"}}
        root = document
    return schema, root


def fields(kind: str, schema_dir: Path = SCHEMA_DIR) -> Iterator[tuple[str, bool, dict]]:
    """(dotted path, required, resolved schema) for every field of a record kind."""
    root = json.loads((schema_dir / f"{kind}.schema.json").read_text("utf-8"))

    def walk(schema: dict, prefix: str, document: dict) -> Iterator[tuple[str, bool, dict]]:
        schema, document = _resolve(schema, document, schema_dir)
        if schema.get("type") == "array" and "items" in schema:
            items, items_document = _resolve(schema["items"], document, schema_dir)
            if items.get("type") == "object":
                yield from walk(items, prefix + "[]", items_document)
            return
        required = set(schema.get("required", ()))
        for name, child in schema.get("properties", {}).items():
            path = f"{prefix}.{name}" if prefix else name
            resolved, child_document = _resolve(child, document, schema_dir)
            if resolved.get("type") == "array" and "items" in resolved:
                # Items resolved in their own document, so that their allowed values can be listed.
                resolved = {**resolved, "items": _resolve(resolved["items"], child_document, schema_dir)[0]}
            yield path, name in required, resolved
            yield from walk(child, path, document)

    yield from walk(root, "", root)


def _allowed(schema: dict, schema_dir: Path) -> str:
    if "enum" in schema:
        return ", ".join(f"`{v}`" for v in schema["enum"])
    if schema.get("type") == "array":
        items = schema.get("items", {})
        return f"Liste aus {_allowed(items, schema_dir)}" if "enum" in items else "Liste"
    return {"string": "Text", "boolean": "`true`/`false`", "integer": "ganze Zahl", "number": "Zahl", "object": "Abschnitt"}.get(
        schema.get("type", ""), ""
    )


def markdown(schema_dir: Path = SCHEMA_DIR, kinds: tuple[tuple[str, str], ...] = KINDS) -> str:
    lines = []
    for kind, heading in kinds:
        lines += [f"### {heading.replace('<', '&lt;')}", "", "| Feld | Pflicht | Werte | Bedeutung |", "|---|---|---|---|"]
        for path, required, schema in fields(kind, schema_dir):
            title, description = schema.get("title", ""), schema.get("description", "")
            text = f"**{title}**: {description}" if title and description else f"**{title}**" if title else description
            text = text.replace("|", "\\|").replace("\n", " ").replace("<", "&lt;")
            lines.append(f"| `{path}` | {'ja' if required else ''} | {_allowed(schema, schema_dir)} | {text} |")
        lines.append("")
    return "\n".join(lines)


def update(document: str, schema_dir: Path = SCHEMA_DIR, kinds: tuple[tuple[str, str], ...] = KINDS) -> str:
    """`document` with the reference between START and END replaced by the current one."""
    head, _, rest = document.partition(START)
    _, _, tail = rest.partition(END)
    return f"{head}{START}\n{markdown(schema_dir, kinds)}\n{END}{tail}"


def update_documents(root: Path) -> int:
    """CONTRIBUTING.md (fields and messages) and INTERN.md (internal fields) below `root`, in place."""
    contributing, intern = root / "CONTRIBUTING.md", root / "INTERN.md"
    text = contributing.read_text("utf-8")
    contributing.write_text(message_table.update(update(text)), "utf-8")
    intern.write_text(update(intern.read_text("utf-8"), kinds=INTERNAL_KINDS), "utf-8")
    return 0
