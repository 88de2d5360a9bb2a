"""Measures about people: 3 (recruiting volunteers), 4 (qualification), 6 (guidance by lawyers)."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from linkshilft.internal import charts
from linkshilft.internal import model as im
from linkshilft.internal.measures import (
    DUE_SOON_DAYS,
    NEEDS_GUIDANCE,
    WAITING_DAYS,
    YEAR_DAYS,
    Chart,
    Context,
    Decision,
    Measure,
    add_months,
    counted,
    day,
    days,
    figures,
    make_table,
)
from linkshilft.labels import QUALIFICATION_LABELS
from linkshilft.records import model as m


def recruitment(ctx: Context) -> Measure:
    people = list(ctx.internal.volunteers.values())
    stages = Counter(p.stage for p in people)
    rows, flagged = [], []
    for person in people:
        waiting = person.stage == "interested" and (ctx.today - person.answered_on).days > WAITING_DAYS
        rows.append(
            (
                person.id,
                ctx.district(person.district),
                ", ".join(im.INTEREST_LABELS[i] for i in person.interest),
                im.STAGE_LABELS[person.stage],
                day(person.answered_on),
                day(person.last_step_on),
                ctx.office(person.office),
                f"wartet seit {days((ctx.today - person.answered_on).days)} auf Kontakt" if waiting else "",
                person.remarks or "",
            )
        )
        flagged.append(waiting)
    districts = sorted({p.district for p in people}, key=ctx.district)
    by_district = [
        (
            ctx.district(d),
            sum(p.district == d for p in people),
            *(sum(p.district == d and p.stage == s for p in people) for s in im.STAGES),
        )
        for d in districts
    ]
    interests = Counter(tuple(sorted(p.interest)) for p in people)
    bars = [(im.STAGE_LABELS[s], stages[s]) for s in im.STAGES]
    return Measure(
        3,
        "gewinnung",
        "Gewinnung von Ehrenamtlichen",
        "Eine Mitgliederbefragung gewinnt Ehrenamtliche, die eine Sprechstunde organisieren oder selbst beraten wollen.",
        f"{len(people)} Mitglieder haben sich gemeldet; {stages['active']} sind aktiv, {stages['in_training']} in Schulung. "
        f"{sum(flagged)} warten seit über vier Wochen auf einen ersten Kontakt.",
        figures(volunteers=len(people), volunteers_in_training=stages["in_training"], volunteers_active=stages["active"]),
        (
            make_table(
                "gewinnung-kreise",
                "Stand je Kreis",
                ("Kreis", "Rückmeldungen", *(im.STAGE_LABELS[s] for s in im.STAGES)),
                by_district,
            ),
            make_table(
                "gewinnung-interesse",
                "Interesse",
                ("Interesse", "Personen"),
                [(" und ".join(im.INTEREST_LABELS[i] for i in key), n) for key, n in sorted(interests.items())],
            ),
            make_table(
                "gewinnung-personen",
                "Personen (pseudonym)",
                (
                    "Pseudonym",
                    "Kreis",
                    "Interesse",
                    "Stand",
                    "gemeldet am",
                    "letzter Schritt am",
                    "Stelle",
                    "Hinweis",
                    "Anmerkungen",
                ),
                rows,
                flagged,
            ),
        ),
        (Chart("Ehrenamtliche nach Stand", charts.bar_chart("chart-gewinnung", "Ehrenamtliche nach Stand", bars)),),
    )


def qualification(ctx: Context) -> Measure:
    internal, today = ctx.internal, ctx.today
    held = [t for t in internal.trainings if t.date <= today]
    completed: dict[tuple[str, str], dt.date] = {}
    for training in held:
        for person in training.counsellors:
            for module in training.modules:
                completed[(person, module)] = training.date
    trainings = [
        (
            day(t.date),
            t.title,
            t.place,
            t.trainer,
            ", ".join(internal.modules[mod].name for mod in t.modules),
            ", ".join(ctx.person(c) for c in t.counsellors),
            ", ".join(t.recruits),
            ", ".join(f"{ctx.data.mps[mp].name} ({n})" for mp, n in t.mp_staff),
            "durchgeführt" if t.date <= today else "geplant",
            t.remarks or "",
        )
        for t in internal.trainings
    ]
    counsellors = sorted(ctx.data.counsellors.values(), key=lambda c: c.name)
    matrix = [(c.name, *(day(completed.get((c.id, mod))) or "–" for mod in internal.modules)) for c in counsellors]
    refreshers, flagged = [], []
    for (person, module_id), last in sorted(completed.items(), key=lambda item: (ctx.person(item[0][0]), item[0][1])):
        months = internal.modules[module_id].refresh_months
        due = add_months(last, months) if months else None
        if due is None or (due - today).days > DUE_SOON_DAYS:
            continue
        state = f"überfällig seit {days((today - due).days)}" if due < today else f"fällig in {days((due - today).days)}"
        refreshers.append((ctx.person(person), internal.modules[module_id].name, day(last), day(due), state))
        flagged.append(due < today)
    active = {c for o in ctx.data.offices.values() if o.status in m.TAKING_PLACE for c in o.counselling.counsellors}
    required = [mod for mod in internal.modules.values() if mod.required]
    lacking = []
    for c in counsellors:
        missing = [mod.name for mod in required if (c.id, mod.id) not in completed]
        if c.id in active and missing:
            places = [o.name for o in ctx.offices if c.id in o.counselling.counsellors]
            lacking.append((c.name, ", ".join(places), ", ".join(missing)))
    modules = [
        (
            mod.name,
            "ja" if mod.required else "",
            f"nach {mod.refresh_months} Monaten" if mod.refresh_months else "",
            mod.description or "",
        )
        for mod in internal.modules.values()
    ]
    attendances = sum(t.attendance for t in held)
    mp_staff = sum(n for t in held for _, n in t.mp_staff)
    planned = len(internal.trainings) - len(held)
    return Measure(
        4,
        "qualifizierung",
        "Qualifizierung",
        "Der Landesverband bietet den Ehrenamtlichen Schulungen an; Mitarbeitende der Abgeordneten können teilnehmen.",
        f"{len(held)} Schulungen mit {attendances} Teilnahmen, davon {mp_staff} von Mitarbeitenden der Abgeordneten; "
        f"{planned} geplant. {counted(sum(flagged), 'Auffrischung', 'Auffrischungen')} überfällig; "
        f"{counted(len(lacking), 'Person berät', 'Personen beraten')} ohne alle Pflichtmodule.",
        figures(trainings_held=len(held), training_attendances=attendances, refreshers_overdue=sum(flagged)),
        (
            make_table(
                "schulungen",
                "Schulungen",
                (
                    "Datum",
                    "Titel",
                    "Ort",
                    "Referent/in",
                    "Module",
                    "Beraterinnen und Berater",
                    "neue Ehrenamtliche",
                    "Mitarbeitende von Abgeordneten",
                    "Stand",
                    "Anmerkungen",
                ),
                trainings,
            ),
            make_table(
                "module-je-person",
                "Abgeschlossene Module je Beraterin und Berater",
                ("Berater/in", *(mod.name for mod in internal.modules.values())),
                matrix,
            ),
            make_table(
                "auffrischungen",
                f"Auffrischungen: überfällig oder in den nächsten {DUE_SOON_DAYS} Tagen fällig",
                ("Berater/in", "Modul", "zuletzt am", "fällig am", "Stand"),
                refreshers,
                flagged,
            ),
            make_table(
                "pflichtmodule-fehlen",
                "Beratende in laufenden Sprechstunden ohne alle Pflichtmodule",
                ("Berater/in", "Stellen", "fehlt"),
                lacking,
                [True] * len(lacking),
            ),
            make_table("module", "Module", ("Modul", "Pflicht", "Auffrischung", "Inhalt"), modules),
        ),
    )


def guidance(ctx: Context) -> Measure:
    data, today, records = ctx.data, ctx.today, ctx.internal.guidance
    year_ago = today - dt.timedelta(days=YEAR_DAYS)
    needing = [o for o in ctx.offices if o.status in NEEDS_GUIDANCE]
    office_rows, office_flags, decisions = [], [], []
    for office in needing:
        lawyer = ctx.lawyer_of(office)
        state, text = ctx.agreement_state(lawyer) if lawyer else ("none", "keine Anleitung vereinbart")
        valid = state in ("valid", "expiring")
        office_rows.append(
            (
                office.name,
                ctx.district(office.district),
                m.STATUS_LABELS[office.status],
                lawyer.name if lawyer else "",
                "ja" if valid else "nein",
                text,
            )
        )
        office_flags.append(not valid)
        if not valid:
            decisions.append(
                Decision(
                    6,
                    "guidance-missing",
                    office.id,
                    office.name,
                    f"{m.STATUS_LABELS[office.status]}, ohne gültige Anleitung nach § 6 RDG: {text}.",
                )
            )
    lawyer_rows, lawyer_flags = [], []
    for lawyer in sorted(data.lawyers.values(), key=lambda la: la.name):
        record = records.get(lawyer.id)
        state, text = ctx.agreement_state(lawyer)
        guided = [o for o in ctx.offices if o.counselling.lawyer == lawyer.id and o.status in NEEDS_GUIDANCE]
        planned = record.planned_offices if record else ()
        recent = [c for c in record.conferences if c.date > year_ago] if record else []
        renewal = im.RENEWAL_LABELS.get(record.renewal, "") if record else ""
        lawyer_rows.append(
            (
                lawyer.name,
                QUALIFICATION_LABELS[lawyer.qualification],
                day(lawyer.signed_on),
                day(lawyer.valid_until),
                text,
                ", ".join(o.name for o in guided),
                ", ".join(ctx.office(o) for o in planned),
                len(recent),
                day(record.conferences[-1].date) if record and record.conferences else "",
                renewal,
                " ".join(t for t in (record.renewal_note, record.remarks) if t) if record else "",
            )
        )
        lawyer_flags.append(state in ("expired", "expiring"))
        still_needed = guided or planned or (record and record.renewal in ("requested", "negotiating"))
        if state == "expiring" or (state == "expired" and still_needed):
            decisions.append(
                Decision(
                    6,
                    f"agreement-{state}",
                    lawyer.id,
                    f"Vereinbarung mit {lawyer.name}",
                    f"{text}; Verlängerung: {renewal or 'nicht erfasst'}.",
                )
            )
    conferences = sorted(
        ((c, lawyer) for lawyer, g in records.items() for c in g.conferences), key=lambda item: item[0].date, reverse=True
    )
    conference_rows = [
        (day(c.date), data.lawyers[lawyer].name, ", ".join(ctx.office(o) for o in c.offices), c.cases, c.topics or "")
        for c, lawyer in conferences
    ]
    recent_count = sum(c.date > year_ago for c, _ in conferences)
    valid_count = len(needing) - sum(office_flags)
    expiring = sum(d.kind == "agreement-expiring" for d in decisions)
    return Measure(
        6,
        "anleitung",
        "Anleitung nach § 6 RDG",
        "Der Landesvorstand gewinnt Volljuristinnen und Volljuristen, die die Beratung anleiten, "
        "wie es das Rechtsdienstleistungsgesetz verlangt.",
        f"{valid_count} von {len(needing)} Stellen haben eine gültige Anleitung, {len(needing) - valid_count} nicht. "
        f"{counted(recent_count, 'Fallbesprechung', 'Fallbesprechungen')} in den letzten zwölf Monaten. "
        f"{counted(expiring, 'Vereinbarung läuft', 'Vereinbarungen laufen')} in den nächsten {DUE_SOON_DAYS} Tagen aus.",
        figures(
            offices_with_valid_guidance=valid_count,
            offices_without_valid_guidance=len(needing) - valid_count,
            case_conferences_12_months=recent_count,
        ),
        (
            make_table(
                "anleitung-personen",
                "Volljuristinnen und Volljuristen",
                (
                    "Name",
                    "Qualifikation",
                    "unterschrieben am",
                    "gültig bis",
                    "Stand",
                    "leitet an",
                    "geplant",
                    "Fallbesprechungen (12 Monate)",
                    "letzte Fallbesprechung",
                    "Verlängerung",
                    "Notizen",
                ),
                lawyer_rows,
                lawyer_flags,
            ),
            make_table(
                "anleitung-stellen",
                "Anleitung je Stelle",
                ("Stelle", "Kreis", "Status", "Anleitung durch", "gültig", "Stand"),
                office_rows,
                office_flags,
            ),
            make_table(
                "fallbesprechungen",
                "Fallbesprechungen",
                ("Datum", "Volljurist/in", "Stellen", "Fälle", "Themen"),
                conference_rows,
            ),
        ),
        decisions=tuple(decisions),
    )
