"""The legal pages' data: settings for Impressum and Datenschutzerklärung, and the supervising lawyers.

The pages themselves are Markdown in content/. Where they show data, they hold a marker such as
`<!-- linkshilft:impressum -->`, which `fill_blocks` replaces with the template
site_overrides/linkshilft/legal/impressum.html, rendered from plain values computed here.

The settings live in one block of mkdocs.yml (`extra.linkshilft.impressum` and `.hosting`).
public/settings.py checks them against schema/settings.schema.json, together with the data: a
site without a complete Impressum must not go online (§ 5 DDG), so a missing value stops the
build with a message naming mkdocs.yml, the line and the key.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from jinja2 import Environment

from linkshilft.labels import QUALIFICATION_LABELS, phone_uri
from linkshilft.records import model as m

MARKER = re.compile(r"<!-- linkshilft:(?P<name>[a-z-]+) -->")


def _lookup(settings: Mapping, path: tuple[str, ...]) -> tuple[object, tuple[str, ...] | None]:
    """(value, None); or (None, the first group on the path that is missing or not a group of settings)."""
    group: object = settings
    for index, part in enumerate(path[:-1]):
        group = group.get(part)
        if not isinstance(group, Mapping):
            return None, path[: index + 1]
    return group.get(path[-1]), None


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
