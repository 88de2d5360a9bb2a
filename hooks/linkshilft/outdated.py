"""Offices whose data was last checked over six months ago, listed for coordinators.

The build only warns about them (`Hinweis:` lines, `::warning` annotations in CI); this
list is what coordinators work through: `linkshilft outdated`, or as Markdown in the job
summary of the nightly publishing run.
"""

from __future__ import annotations

import datetime as dt

from . import conditions, schedule
from . import markdown as md
from . import model as m


def outdated(dataset: m.Dataset, today: dt.date) -> list[m.Office]:
    """Every office (shown on the site or not) past the limit, the longest unchecked first."""
    offices = (o for o in dataset.offices.values() if conditions.is_outdated(o.checked_on, today))
    return sorted(offices, key=lambda o: (o.checked_on, o.source.path))


def text(offices: list[m.Office], dataset: m.Dataset, today: dt.date) -> str:
    if not offices:
        return "Alle Stellen wurden in den letzten sechs Monaten geprüft.\n"
    lines = [f"{len(offices)} {'Stelle wurde' if len(offices) == 1 else 'Stellen wurden'} vor mehr als sechs Monaten geprüft:"]
    for office in offices:
        district = dataset.districts[office.district].name
        lines.append(
            f"{office.checked_on:%d.%m.%Y}  {office.name} ({district}, {_days(office, today)} Tage)  {office.source.path}"
        )
    return "\n".join(lines) + "\n"


def markdown(offices: list[m.Office], dataset: m.Dataset, today: dt.date) -> str:
    lines = ["## Angaben, die lange nicht geprüft wurden", ""]
    if not offices:
        return "\n".join([*lines, "Alle Stellen wurden in den letzten sechs Monaten geprüft.", ""])
    lines += [
        f"Stand {schedule.format_date(today)}: {len(offices)} "
        f"{'Stelle wurde' if len(offices) == 1 else 'Stellen wurden'} vor mehr als sechs Monaten zuletzt geprüft. "
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
