"""Measure 7: the board report. All measures, their figures compared with the last report, and
what needs a decision; CSV files of every table and the figures to keep for the next report.

The board wants to hear of measures 5 and 6 above all, so their decisions come first.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from linkshilft.exports import tables
from linkshilft.internal import measures as ms
from linkshilft.internal import measures_offices as places
from linkshilft.internal import measures_people as people
from linkshilft.internal import model as im
from linkshilft.internal.measures import METRICS, Chart, Decision, Measure, Table, day
from linkshilft.records import model as m

DECISION_GROUPS = (
    ("interim-overdue", "Übergangslösungen über dem Zieltermin"),
    ("office-uncovered", "Stellen ohne Sprechstunde und ohne Übergangslösung"),
    ("guidance-missing", "Stellen ohne gültige Anleitung nach § 6 RDG"),
    ("agreement-expired", "Abgelaufene Vereinbarungen mit Volljuristinnen und Volljuristen"),
    ("agreement-expiring", f"Vereinbarungen, die in den nächsten {ms.DUE_SOON_DAYS} Tagen enden"),
    ("mp-office-overdue", "Bürgerbüros ohne Sprechstunde nach dem vereinbarten Termin"),
)
MEASURE_TITLES = {
    0: "Abdeckung",
    1: "1 Erhebung",
    2: "2 Bürgerbüros",
    3: "3 Gewinnung",
    4: "4 Qualifizierung",
    5: "5 Übergang",
    6: "6 Anleitung",
}


@dataclass(frozen=True)
class DecisionGroup:
    kind: str
    heading: str
    decisions: tuple[Decision, ...]


@dataclass(frozen=True)
class Report:
    today: dt.date
    measures: tuple[Measure, ...]  # measures 1–6, then the coverage view
    figures: dict[str, int]
    previous: im.PastReport | None  # the last report before today
    comparison: Table
    decisions: tuple[DecisionGroup, ...]  # only groups with entries
    decision_table: Table
    charts: tuple[Chart, ...]
    earlier: Table  # the reports before this one: date and occasion

    def measure(self, slug: str) -> Measure:
        return next(measure for measure in self.measures if measure.slug == slug)

    @property
    def tables(self) -> tuple[Table, ...]:
        return (*(t for measure in self.measures for t in measure.tables), self.comparison, self.decision_table, self.earlier)

    @property
    def decision_count(self) -> int:
        return sum(len(group.decisions) for group in self.decisions)


def build_report(data: m.Dataset, internal: im.InternalData) -> Report:
    context = ms.Context(data, internal)
    measures = tuple(
        make(context)
        for make in (
            places.survey,
            places.mp_offices,
            people.recruitment,
            people.qualification,
            places.interim,
            people.guidance,
            places.coverage,
        )
    )
    figures = {figure.key: figure.value for measure in measures for figure in measure.figures}
    earlier = [r for r in internal.reports if r.date < data.today]
    previous = earlier[-1] if earlier else None
    decisions = [d for measure in measures for d in measure.decisions]
    groups = tuple(
        DecisionGroup(kind, heading, tuple(sorted((d for d in decisions if d.kind == kind), key=lambda d: d.title)))
        for kind, heading in DECISION_GROUPS
        if any(d.kind == kind for d in decisions)
    )
    coverage, recruitment = measures[-1], measures[2]
    return Report(
        today=data.today,
        measures=measures,
        figures=figures,
        previous=previous,
        comparison=_comparison(figures, previous, data.today),
        decisions=groups,
        decision_table=ms.make_table(
            "entscheidungen",
            "Was zu entscheiden ist",
            ("Maßnahme", "Thema", "betrifft", "Grund"),
            [(MEASURE_TITLES[d.measure], g.heading, d.title, d.reason) for g in groups for d in g.decisions],
        ),
        charts=(coverage.charts[0], recruitment.charts[0]),
        earlier=ms.make_table(
            "fruehere-berichte",
            "Frühere Berichte",
            ("Stichtag", "Anlass"),
            [(day(r.date), r.occasion) for r in reversed(earlier)],
        ),
    )


def change(previous: int | None, current: int) -> str:
    if previous is None:
        return "neu"
    difference = current - previous
    return "±0" if difference == 0 else f"+{difference}" if difference > 0 else f"−{-difference}"


def _comparison(figures: dict[str, int], previous: im.PastReport | None, today: dt.date) -> Table:
    before = previous.figures if previous else {}
    then = f"Bericht {day(previous.date)}" if previous else "letzter Bericht"
    rows = [
        (
            MEASURE_TITLES[measure],
            label,
            before.get(key, ""),
            figures[key],
            change(before.get(key), figures[key]) if previous else "",
        )
        for key, (measure, label) in METRICS.items()
    ]
    return ms.make_table(
        "kennzahlen", "Kennzahlen im Vergleich", ("Maßnahme", "Kennzahl", then, f"Stand {day(today)}", "Veränderung"), rows
    )


def csv_bytes(table: Table) -> bytes:
    """The table as CSV for spreadsheets, by the one CSV writer of the project (exports/tables.py)."""
    return tables.csv_bytes(table.columns, table.rows)


def figures_yaml(report: Report, schema_path: str = "../../../schema/internal-report.schema.json") -> str:
    """Today's figures as a record for data/internal/reports/<date>.yaml, for the next comparison."""
    lines = [
        f"# yaml-language-server: $schema={schema_path}",
        "# Kennzahlen des Berichts an den Landesvorstand (Maßnahme 7). Nach dem Bericht speichern als",
        f"# reports/{report.today.isoformat()}.yaml in den internen Daten; den Anlass bitte anpassen.",
        f'date: "{report.today.isoformat()}"',
        f"occasion: Bericht an den Landesvorstand, Stand {day(report.today)}",
        "figures:",
        *(f"  {key}: {report.figures[key]}" for key in METRICS),
    ]
    return "\n".join(lines) + "\n"
