"""What the data needs from coordinators: `linkshilft outdated`, the job summary and the issue
"Daten brauchen Pflege" of the nightly publishing run, and the internal site.

The list is the conditions of conditions.py (what time brought to unchanged data: offices that
rest because their guidance ended, agreements and hours that end soon, hours that have all
ended), followed by the offices whose data was last checked over six months ago. The build only
warns about all of them (`Hinweis:` lines, `::warning` annotations in CI).
"""

from __future__ import annotations

import datetime as dt

from linkshilft.cli import markdown as md
from linkshilft.records import conditions
from linkshilft.records import model as m
from linkshilft.schedule import wording

NOTHING = "Alle Stellen wurden in den letzten sechs Monaten geprüft."


def outdated(dataset: m.Dataset, today: dt.date) -> list[m.Office]:
    """Every office (shown on the site or not) past the limit, the longest unchecked first."""
    offices = (o for o in dataset.offices.values() if conditions.is_outdated(o.checked_on, today))
    return sorted(offices, key=lambda o: (o.checked_on, o.source.path))


def groups(found: list[conditions.Condition]) -> list[tuple[str, list[conditions.Condition]]]:
    """The conditions other than "outdated", by kind in the order of conditions.KINDS: (heading, conditions)."""
    return [
        (heading, [c for c in found if c.kind == kind]) for kind, heading in conditions.KINDS.items() if kind != "outdated"
    ]


def text(found: list[conditions.Condition], offices: list[m.Office], dataset: m.Dataset, today: dt.date) -> str:
    lines = []
    for heading, members in groups(found):
        if members:
            lines += [f"{heading}:", *(f"  {c.problem}" for c in members), ""]
    if not offices:
        return "\n".join([*lines, NOTHING]) + "\n"
    counted = f"{len(offices)} {'Stelle wurde' if len(offices) == 1 else 'Stellen wurden'}"
    lines.append(f"{counted} vor mehr als sechs Monaten geprüft:")
    for office in offices:
        district = dataset.districts[office.district].name
        lines.append(
            f"{office.checked_on:%d.%m.%Y}  {office.name} ({district}, {_days(office, today)} Tage)  {office.source.path}"
        )
    return "\n".join(lines) + "\n"


def markdown(found: list[conditions.Condition], offices: list[m.Office], dataset: m.Dataset, today: dt.date) -> str:
    lines = [
        "# Daten brauchen Pflege",
        "",
        f"Stand {wording.format_date(today)}. Nichts davon hält die Veröffentlichung auf; "
        "diese Liste erneuert sich nach jeder nächtlichen Veröffentlichung.",
        "",
    ]
    for heading, members in groups(found):
        if members:
            lines += [f"## {heading}", ""]
            lines += [f"- {md.code(f'{c.problem.path}:{c.problem.line}')} {md.plain(c.problem.message)}" for c in members]
            lines.append("")
    lines += ["## Angaben, die lange nicht geprüft wurden", ""]
    if not offices:
        return "\n".join([*lines, NOTHING, ""])
    lines += [
        f"{len(offices)} {'Stelle wurde' if len(offices) == 1 else 'Stellen wurden'} vor mehr als sechs Monaten zuletzt geprüft. "
        "Bitte die Büros bitten, alle Angaben zu prüfen und `checked_on` zu erneuern.",
        "",
        "| zuletzt geprüft | Stelle | Kreis | Stand | Datei |",
        "|---|---|---|---|---|",
    ]
    for office in offices:
        district = dataset.districts[office.district].name
        lines.append(
            f"| {office.checked_on:%d.%m.%Y} ({_days(office, today)} Tage) | {md.plain(office.name)} | {md.plain(district)} "
            f"| {m.STATUS_LABELS[office.status]} | {md.code(office.source.path)} |"
        )
    return "\n".join([*lines, ""])


def _days(office: m.Office, today: dt.date) -> int:
    return (today - office.checked_on).days
