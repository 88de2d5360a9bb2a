"""What a visitor sees of one office, as lines for `linkshilft diff`, in the editor's words.

Display names instead of ids (district, topics, MP; counsellors and lawyers only where they
consented to be named, as on the site), only the rules that change, and renames told as
renames: a new id is a new page address, and the old one is printed on notices as a QR code.
"""

from __future__ import annotations

import datetime as dt

from linkshilft.labels import LANGUAGE_NAMES
from linkshilft.public import counts
from linkshilft.records import model as m
from linkshilft.schedule import dates, wording

# Rows that list things one by one: only the entries that change are shown (with a count of the rest).
ENTRY_ROWS = {"Sprechzeiten": ("Regel", "Regeln"), "Schließzeiten": ("Schließzeit", "Schließzeiten"),
              "Bitte mitbringen": ("Eintrag", "Einträge")}  # fmt: skip


def closure_text(closure: m.Closure) -> str:
    if closure.start == closure.end:
        return f"am {wording.format_date(closure.start)}: {closure.reason}"
    return f"vom {wording.format_date(closure.start)} bis {wording.format_date(closure.end)}: {closure.reason}"


def _dates(office: m.Office, side, today: dt.date) -> list[str]:
    """The next dates, with the hours cancelled among them (holidays, closures)."""
    if not office.is_public:
        return ["keine (die Stelle erscheint nicht auf der Seite)"]
    counselling = office.counselling
    if counselling.appointment_only:
        return ["nur nach Vereinbarung"]
    held = dates.next_dates(counselling, side.closures, today, count=counts.OFFICE_PAGE_DATES)
    if not held:
        return ["keine Termine in den nächsten zwölf Monaten"]
    _, cancelled = dates.occurrences(counselling, side.closures, today, held[-1].start.date())
    entries = [(o.start, _when(o.start, o.end)) for o in held]
    entries += [(c.start, f"{_when(c.start, c.end)}: fällt aus ({c.reason})") for c in cancelled]
    return [text for _, text in sorted(entries)]


def _when(start: dt.datetime, end: dt.datetime) -> str:
    return f"{wording.format_day_short(start.date())} {start.year}, {wording.format_time_range(start, end)}"


def rows(office: m.Office, side, today: dt.date) -> list[tuple[str, list[str]]]:
    """(label, lines) in the order of the office page; empty lines lists are left out."""
    address, counselling, access, contact = office.address, office.counselling, office.accessibility, office.contact
    hours = (
        [f"nur nach Vereinbarung: {counselling.how_to_book or ''}".strip()]
        if counselling.appointment_only
        else [wording.describe_rule(rule) + (f" ({rule.note})" if rule.note else "") for rule in counselling.hours]
    )
    if counselling.corpus_christi_holiday:
        hours.append("fällt an Fronleichnam aus")
    accessibility = ["stufenloser Zugang" if access.step_free else "kein stufenloser Zugang"]
    if access.accessible_toilet is not None:
        accessibility.append("barrierefreie Toilette" if access.accessible_toilet else "keine barrierefreie Toilette")
    rows = [
        ("Name", [office.name]),
        ("Art", [m.KIND_LABELS[office.kind]]),
        ("Abgeordnete/r", [side.mps.get(office.mp, office.mp)] if office.mp else []),
        ("Stand", [m.STATUS_LABELS[office.status] + ("" if office.is_public else " – nicht auf der Seite")]),
        ("Kreis", [side.districts.get(office.district, office.district)]),
        ("Anschrift", [f"{address.street}, {address.postcode} {address.town}"]),
        ("Koordinaten", [f"{address.coordinates.lat}, {address.coordinates.lon}"] if address.coordinates else []),
        ("Anfahrt", [office.directions] if office.directions else []),
        ("Barrierefreiheit", [*accessibility, *([access.notes] if access.notes else [])]),
        ("Kontakt", [v for v in (contact.phone, contact.email, contact.website) if v]),
        ("Themen", [", ".join(side.topics.get(t, t) for t in counselling.topics)]),
        ("Sprachen", [", ".join(LANGUAGE_NAMES.get(code, code) for code in counselling.languages)]),
        ("Beratung", [", ".join(_person(side, p) for p in counselling.counsellors)] if counselling.counsellors else []),
        ("Anleitung (§ 6 RDG)", [_person(side, counselling.lawyer)] if counselling.lawyer else []),
        ("Sprechzeiten", hours),
        ("Schließzeiten", [closure_text(c) for c in counselling.closures]),
        ("Bitte mitbringen", list(counselling.bring)),
        ("Stand geprüft am", [wording.format_date(office.checked_on)]),
        ("Datei", [office.source.path]),
        ("Nächste Termine", _dates(office, side, today)),
    ]
    return [(label, lines) for label, lines in rows if lines]




def _person(side, person_id: str) -> str:
    """The name, as the site shows it: only with consent; otherwise the id, saying why."""
    name = side.people.get(person_id)
    return name if name else f"{person_id} (Name erscheint nicht: keine Einwilligung)"


def changed_entries(label: str, before: list[str], after: list[str]) -> tuple[list[str], list[str]]:
    """For rows of single entries (rules, closures), only the entries that differ, and how many stay."""
    if label not in ENTRY_ROWS:
        return before, after
    gone, added = [e for e in before if e not in after], [e for e in after if e not in before]
    kept = len([e for e in after if e in before])
    if kept:
        one, many = ENTRY_ROWS[label]
        note = f"(dazu {kept} unveränderte {one if kept == 1 else many})"
        gone, added = [*gone, note] if gone else [note], [*added, note] if added else [note]
    return gone, added


def renames(base_offices: dict[str, m.Office], new_offices: dict[str, m.Office]) -> list[tuple[m.Office, m.Office, bool]]:
    """(old, new, old id listed in former_ids) for every office that changed its id.

    Listed in former_ids is a rename for sure; otherwise an office that vanished and one that
    appeared with the same name and address is taken for a rename (and warned about)."""
    gone = {i: o for i, o in base_offices.items() if i not in new_offices}
    found = []
    for office in (o for i, o in new_offices.items() if i not in base_offices):
        listed = next((gone.pop(f) for f in office.former_ids if f in gone), None)
        if listed is not None:
            found.append((listed, office, True))
            continue
        same = next((i for i, o in gone.items() if (o.name, o.address) == (office.name, office.address)), None)
        if same is not None:
            found.append((gone.pop(same), office, False))
    return found


def rename_notice(old: m.Office, new: m.Office, listed: bool) -> list[str]:
    """What a rename means for visitors, in Markdown (ids are checked [a-z0-9-], safe in code spans)."""
    address = f"Die Adresse der Seite wird `/stellen/{new.id}/` (bisher `/stellen/{old.id}/`)."
    if listed:
        return [
            f"**Die Kennung ändert sich von `{old.id}` in `{new.id}`.** {address} Die alte Adresse leitet weiter "
            "(`former_ids`), auch der QR-Code auf schon gedruckten Aushängen. Wer den Kalender der Stelle "
            "abonniert hat, muss ihn neu abonnieren; neue Aushänge bitte ausdrucken.",
        ]
    return [
        f"**Achtung: Die Kennung ändert sich von `{old.id}` in `{new.id}`.** {address} Links, Lesezeichen und die "
        "QR-Codes auf gedruckten Aushängen führen dann ins Leere. Damit die alte Adresse weiterleitet, in der "
        f"Datei der Stelle `former_ids: [{old.id}]` eintragen.",
    ]
