"""Measures about places: 1 (survey of the offices), 2 (MPs' offices), 5 (interim arrangements), and
the coverage of Saxony per district."""

from __future__ import annotations

from collections import Counter

from linkshilft.internal import charts
from linkshilft.internal import model as im
from linkshilft.internal.measures import COVERAGE, Chart, Context, Decision, Measure, day, days, figures, make_table
from linkshilft.records import model as m


def survey(ctx: Context) -> Measure:
    answers, offices = ctx.internal.survey, ctx.offices
    asked = [o for o in offices if o.id in answers]
    yes = [o for o in asked if answers[o.id].counselling]
    rows, flagged = [], []
    for office in asked:
        answer = answers[office.id]
        differs = answer.counselling != (office.status in m.TAKING_PLACE)
        rows.append(
            (
                office.name,
                ctx.district(office.district),
                m.KIND_LABELS[office.kind],
                day(answer.asked_on),
                answer.answered_by,
                "ja" if answer.counselling else "nein",
                im.RHYTHM_LABELS.get(answer.rhythm, ""),
                ", ".join(im.GIVEN_BY_LABELS[g] for g in answer.given_by),
                m.STATUS_LABELS[office.status] + (" – bitte abgleichen" if differs else ""),
                answer.remarks or "",
            )
        )
        flagged.append(differs)
    open_rows = [
        (o.name, ctx.district(o.district), m.KIND_LABELS[o.kind], m.STATUS_LABELS[o.status])
        for o in offices
        if o.id not in answers
    ]
    rhythms = Counter(answers[o.id].rhythm for o in yes)
    given = Counter(g for o in yes for g in answers[o.id].given_by)
    return Measure(
        1,
        "erhebung",
        "Erhebung in den Geschäftsstellen und Bürgerbüros",
        "Alle Geschäftsstellen und Bürgerbüros werden gefragt: Gibt es eine Sozialsprechstunde, wie oft, und wer berät?",
        f"{len(asked)} von {len(offices)} Stellen sind befragt; {len(yes)} davon bieten eine Sprechstunde an. "
        f"Noch nicht befragt: {len(open_rows)}.",
        figures(offices=len(offices), offices_surveyed=len(asked), offices_with_counselling=len(yes)),
        (
            make_table(
                "erhebung-antworten",
                "Antworten der Stellen",
                (
                    "Stelle",
                    "Kreis",
                    "Art",
                    "gefragt am",
                    "geantwortet hat",
                    "Sprechstunde",
                    "Rhythmus",
                    "wer berät",
                    "Status heute",
                    "Anmerkungen",
                ),
                rows,
                flagged,
            ),
            make_table("erhebung-offen", "Noch nicht befragt", ("Stelle", "Kreis", "Art", "Status heute"), open_rows),
            make_table(
                "erhebung-rhythmus",
                "Rhythmus der Sprechstunden",
                ("Rhythmus", "Stellen"),
                [(im.RHYTHM_LABELS[k], rhythms[k]) for k in im.RHYTHM_LABELS if rhythms[k]],
            ),
            make_table(
                "erhebung-beratende",
                "Wer berät",
                ("wer", "Stellen"),
                [(im.GIVEN_BY_LABELS[k], given[k]) for k in im.GIVEN_BY_LABELS if given[k]],
            ),
        ),
    )


def mp_offices(ctx: Context) -> Measure:
    entries, data = ctx.internal.mp_offices, ctx.data
    rows, flagged, decisions = [], [], []
    for entry in entries:
        overdue = entry.state != "counselling" and entry.due is not None and entry.due < ctx.today
        mp = data.mps[entry.mp]
        rows.append(
            (
                mp.name,
                mp.constituency or "",
                entry.town,
                ctx.office(entry.office),
                im.MP_OFFICE_STATES[entry.state],
                entry.agreement or "",
                day(entry.due),
                f"überfällig seit {days((ctx.today - entry.due).days)}" if overdue else "",
                entry.remarks or "",
            )
        )
        flagged.append(overdue)
        if overdue:
            decisions.append(
                Decision(
                    2,
                    "mp-office-overdue",
                    entry.office or entry.town,
                    f"Bürgerbüro {entry.town} ({mp.name})",
                    f"Sprechstunde war bis {day(entry.due)} vereinbart und findet noch nicht statt: {entry.agreement}",
                )
            )
    listed = {e.office for e in entries}
    missing = [(o.name, data.mps[o.mp].name, m.STATUS_LABELS[o.status]) for o in ctx.offices if o.mp and o.id not in listed]
    by_mp = [
        (mp.name, sum(e.mp == mp.id for e in entries), sum(e.mp == mp.id and e.state == "counselling" for e in entries))
        for mp in data.mps.values()
    ]
    working = sum(e.state == "counselling" for e in entries)
    agreed = sum(e.state == "agreed" for e in entries)
    return Measure(
        2,
        "buergerbueros",
        "Sprechstunden in den Bürgerbüros",
        "Die Abgeordneten schaffen in ihren Bürgerbüros eine Sozialsprechstunde, wo es noch keine gibt.",
        f"{working} von {len(entries)} Bürgerbüros haben eine Sprechstunde; in {agreed} ist sie vereinbart, "
        f"{len(decisions)} davon über dem vereinbarten Termin.",
        figures(mp_offices=len(entries), mp_offices_with_counselling=working, mp_offices_overdue=len(decisions)),
        (
            make_table(
                "buergerbueros",
                "Bürgerbüros",
                ("Abgeordnete/r", "Wahlkreis", "Ort", "Stelle", "Stand", "Vereinbarung", "bis", "Frist", "Anmerkungen"),
                rows,
                flagged,
            ),
            make_table(
                "buergerbueros-abgeordnete", "Je Abgeordnete/n", ("Abgeordnete/r", "Bürgerbüros", "mit Sprechstunde"), by_mp
            ),
            make_table(
                "buergerbueros-fehlend",
                "Bürgerbüros aus den öffentlichen Daten, die hier fehlen",
                ("Stelle", "Abgeordnete/r", "Status"),
                missing,
            ),
        ),
        decisions=tuple(decisions),
    )


def interim(ctx: Context) -> Measure:
    records = sorted(ctx.internal.interim.values(), key=lambda r: (r.target_date, r.office))
    states = {r.office: ctx.interim_state(r) for r in records}
    rows, flagged, steps, step_flags, decisions = [], [], [], [], []
    for record in records:
        state = states[record.office]
        office = ctx.data.offices[record.office]
        text = {
            "completed": "abgeschlossen" if office.status == "active" else "Stelle eingestellt",
            "overdue": f"überfällig seit {days((ctx.today - record.target_date).days)}",
            "open": f"läuft, Ziel in {days((record.target_date - ctx.today).days)}",
        }[state]
        cover = record.cover_description
        if record.cover_office or record.cover_counsellor:
            cover = f"{ctx.office(record.cover_office) or ctx.person(record.cover_counsellor)}: {cover}"
        done = sum(s.done_on is not None for s in record.steps)
        rows.append(
            (
                office.name,
                ctx.district(office.district),
                day(record.since),
                im.COVER_LABELS[record.cover_kind],
                cover,
                ctx.person(record.mentor),
                ", ".join(record.trainees),
                f"{done} von {len(record.steps)}" if record.steps else "",
                day(record.target_date),
                text,
                record.remarks or "",
            )
        )
        flagged.append(state == "overdue")
        if state == "overdue":
            decisions.append(
                Decision(
                    5,
                    "interim-overdue",
                    office.id,
                    office.name,
                    f"Übergangslösung seit {day(record.since)}; die Sprechstunde sollte bis "
                    f"{day(record.target_date)} funktionieren ({text}).",
                )
            )
        for step in record.steps:
            late = step.done_on is None and step.due < ctx.today
            steps.append(
                (
                    office.name,
                    step.title,
                    day(step.due),
                    day(step.done_on),
                    "erledigt" if step.done_on else "überfällig" if late else "offen",
                )
            )
            step_flags.append(late)
    uncovered = [o for o in ctx.offices if ctx.coverage(o) == "none"]
    for office in uncovered:
        decisions.append(
            Decision(
                5,
                "office-uncovered",
                office.id,
                office.name,
                f"{m.STATUS_LABELS[office.status]}, ohne Sprechstunde und ohne Übergangslösung.",
            )
        )
    count = Counter(states.values())
    return Measure(
        5,
        "uebergang",
        "Übergangslösungen und Einarbeitung",
        "Bis die Sprechstunde einer Stelle funktioniert, gibt es eine Übergangslösung; "
        "die künftigen Beraterinnen und Berater werden eingearbeitet.",
        f"{count['open'] + count['overdue']} Übergangslösungen laufen, {count['overdue']} davon über dem Zieltermin; "
        f"{count['completed']} abgeschlossen. {len(uncovered)} Stellen ohne Sprechstunde haben keine Übergangslösung.",
        figures(
            interim_open=count["open"] + count["overdue"], interim_overdue=count["overdue"], interim_completed=count["completed"]
        ),
        (
            make_table(
                "uebergang",
                "Übergangslösungen",
                (
                    "Stelle",
                    "Kreis",
                    "seit",
                    "Art",
                    "Überbrückung",
                    "Mentor/in",
                    "Einzuarbeitende",
                    "Schritte erledigt",
                    "Ziel",
                    "Stand",
                    "Anmerkungen",
                ),
                rows,
                flagged,
            ),
            make_table(
                "einarbeitung",
                "Schritte der Einarbeitung",
                ("Stelle", "Schritt", "geplant bis", "erledigt am", "Stand"),
                steps,
                step_flags,
            ),
            make_table(
                "ohne-uebergang",
                "Stellen ohne Sprechstunde und ohne Übergangslösung",
                ("Stelle", "Kreis", "Status"),
                [(o.name, ctx.district(o.district), m.STATUS_LABELS[o.status]) for o in uncovered],
                [True] * len(uncovered),
            ),
        ),
        decisions=tuple(decisions),
    )


def coverage(ctx: Context) -> Measure:
    classes = {o.id: ctx.coverage(o) for o in ctx.offices}
    series = [charts.Series(key, label) for key, label in COVERAGE.items()]
    rows, flags, bars = [], [], []
    for district in sorted(ctx.data.districts.values(), key=lambda d: d.name):
        counts = Counter(classes[o.id] for o in ctx.offices if o.district == district.id)
        values = [counts[key] for key in COVERAGE]
        white = counts["working"] == 0
        rows.append((district.name, sum(values), *values, "weißer Fleck: keine funktionierende Sprechstunde" if white else ""))
        flags.append(white)
        bars.append((district.name, values))
    spots = [o for o in ctx.offices if classes[o.id] == "none"]
    located = [o for o in ctx.offices if o.address.coordinates]
    points = [
        (o.address.coordinates.lat, o.address.coordinates.lon, classes[o.id], f"{o.name}: {COVERAGE[classes[o.id]]}")
        for o in located
    ]
    unplaced = [o.name for o in ctx.offices if not o.address.coordinates]
    working = sum(c == "working" for c in classes.values())
    bridged = sum(c == "interim" for c in classes.values())
    summary = (
        f"{working} von {len(classes)} Stellen haben eine funktionierende Sprechstunde, {bridged} eine Übergangslösung, "
        f"{len(spots)} weder noch. Kreise ohne funktionierende Sprechstunde: {sum(flags)}."
    )
    map_title = "Lage der Stellen" + (f" (ohne Koordinaten und nicht eingezeichnet: {', '.join(unplaced)})" if unplaced else "")
    return Measure(
        0,
        "abdeckung",
        "Abdeckung in den Kreisen",
        "Wo in Sachsen gibt es eine funktionierende Sprechstunde, wo eine Übergangslösung, wo noch nichts?",
        summary,
        figures(offices_working=working, offices_uncovered=len(spots)),
        (
            make_table("abdeckung-kreise", "Stellen je Kreis", ("Kreis", "Stellen", *COVERAGE.values(), "Hinweis"), rows, flags),
            make_table(
                "weisse-flecken",
                "Weiße Flecken: Stellen ohne Sprechstunde und ohne Übergangslösung",
                ("Stelle", "Kreis", "Status"),
                [(o.name, ctx.district(o.district), m.STATUS_LABELS[o.status]) for o in spots],
                [True] * len(spots),
            ),
        ),
        (
            Chart(
                "Stellen je Kreis",
                charts.stacked_bars("chart-abdeckung", "Stellen je Kreis nach Stand der Sprechstunde", bars, series),
            ),
            Chart(map_title, charts.office_map("chart-karte", "Lage der Stellen in Sachsen (schematisch)", points, series)),
        ),
    )
