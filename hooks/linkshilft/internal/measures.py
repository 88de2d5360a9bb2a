"""What every measure page is made of, and the states several measures share.

A `Measure` holds plain values: figures, tables whose cells are text (the CSV files repeat them
cell for cell), charts, and what needs a decision of the board. measures_offices.py computes
measures 1, 2, 5 and the coverage view, measures_people.py measures 3, 4 and 6; report.py puts
them together for measure 7.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, field

from markupsafe import Markup

from linkshilft.internal import model as im
from linkshilft.records import model as m

DUE_SOON_DAYS = 90  # agreements and refreshers that end within this many days are named
WAITING_DAYS = 28  # a volunteer waiting longer for a first call is flagged
YEAR_DAYS = 365
NEEDS_GUIDANCE = (*m.TAKING_PLACE, "planned")  # planned: the guidance must stand before the start

# Every figure the board report compares: key → (measure, label). schema/internal-report.schema.json
# lists the same keys (a test keeps them equal); measure 0 is the coverage view.
METRICS: dict[str, tuple[int, str]] = {
    "offices": (1, "Stellen (ohne eingestellte)"),
    "offices_surveyed": (1, "Stellen befragt"),
    "offices_with_counselling": (1, "Stellen mit Sprechstunde laut Erhebung"),
    "mp_offices": (2, "Bürgerbüros"),
    "mp_offices_with_counselling": (2, "Bürgerbüros mit Sprechstunde"),
    "mp_offices_overdue": (2, "Bürgerbüros über dem vereinbarten Termin"),
    "volunteers": (3, "Rückmeldungen aus der Mitgliederbefragung"),
    "volunteers_in_training": (3, "Ehrenamtliche in Schulung"),
    "volunteers_active": (3, "Ehrenamtliche aktiv"),
    "trainings_held": (4, "Schulungen durchgeführt"),
    "training_attendances": (4, "Teilnahmen an Schulungen"),
    "refreshers_overdue": (4, "Auffrischungen überfällig"),
    "interim_open": (5, "Übergangslösungen laufend"),
    "interim_overdue": (5, "Übergangslösungen überfällig"),
    "interim_completed": (5, "Übergangslösungen abgeschlossen"),
    "offices_with_valid_guidance": (6, "Stellen mit gültiger Anleitung"),
    "offices_without_valid_guidance": (6, "Stellen ohne gültige Anleitung"),
    "case_conferences_12_months": (6, "Fallbesprechungen in den letzten 12 Monaten"),
    "offices_working": (0, "Stellen mit funktionierender Sprechstunde"),
    "offices_uncovered": (0, "Stellen ohne Sprechstunde und ohne Übergangslösung"),
}
COVERAGE = {"working": "Sprechstunde funktioniert", "interim": "Übergangslösung", "none": "weder noch"}


@dataclass(frozen=True)
class Table:
    key: str  # its CSV file: intern/csv/<key>.csv
    caption: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    flagged: tuple[bool, ...] = ()  # rows that need attention; the reason is always in a cell too


@dataclass(frozen=True)
class Figure:
    key: str
    label: str
    value: int


@dataclass(frozen=True)
class Chart:
    title: str
    svg: Markup  # made and escaped in charts.py


@dataclass(frozen=True)
class Decision:
    measure: int
    kind: str  # interim-overdue, office-uncovered, guidance-missing, agreement-expired, agreement-expiring, mp-office-overdue
    subject: str  # id of the office or lawyer
    title: str
    reason: str


@dataclass(frozen=True)
class Measure:
    number: int  # 1–6; 0 for the coverage view
    slug: str  # page: intern/<slug>/
    title: str
    goal: str  # what the board decided
    summary: str
    figures: tuple[Figure, ...] = ()
    tables: tuple[Table, ...] = ()
    charts: tuple[Chart, ...] = ()
    decisions: tuple[Decision, ...] = field(default=(), repr=False)


def day(value: dt.date | None) -> str:
    return f"{value:%d.%m.%Y}" if value else ""


def days(count: int) -> str:
    return "1 Tag" if count == 1 else f"{count} Tagen"


def counted(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def add_months(start: dt.date, months: int) -> dt.date:
    month = start.month - 1 + months
    year, month = start.year + month // 12, month % 12 + 1
    return dt.date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def make_table(key: str, caption: str, columns: tuple[str, ...], rows: list[tuple], flagged: list[bool] | None = None) -> Table:
    return Table(key, caption, columns, tuple(tuple(str(c) for c in row) for row in rows), tuple(flagged or [False] * len(rows)))


def figures(**values: int) -> tuple[Figure, ...]:
    return tuple(Figure(key, METRICS[key][1], value) for key, value in values.items())


class Context:
    """The data both record sets describe, and the derived states several measures share."""

    def __init__(self, data: m.Dataset, internal: im.InternalData):
        self.data, self.internal, self.today = data, internal, data.today
        self.offices = sorted((o for o in data.offices.values() if o.status != "closed"), key=lambda o: (o.district, o.name))
        self.planned_lawyer = {office: g.lawyer for g in internal.guidance.values() for office in g.planned_offices}

    def office(self, office_id: str | None) -> str:
        return self.data.offices[office_id].name if office_id else ""

    def district(self, district_id: str) -> str:
        return self.data.districts[district_id].name

    def person(self, counsellor_id: str | None) -> str:
        return self.data.counsellors[counsellor_id].name if counsellor_id else ""

    def coverage(self, office: m.Office) -> str:
        if office.status == "active":
            return "working"
        return "interim" if office.status == "interim" or office.id in self.internal.interim else "none"

    def interim_state(self, record: im.Interim) -> str:
        status = self.data.offices[record.office].status
        if status in ("active", "closed"):
            return "completed"
        return "overdue" if record.target_date < self.today else "open"

    def lawyer_of(self, office: m.Office) -> m.Lawyer | None:
        return self.data.lawyers.get(office.counselling.lawyer or self.planned_lawyer.get(office.id, ""))

    def agreement_state(self, lawyer: m.Lawyer) -> tuple[str, str]:
        """(state, text): valid, expiring, expired or future."""
        if lawyer.valid_until < self.today:
            return "expired", f"abgelaufen am {day(lawyer.valid_until)}"
        if lawyer.signed_on > self.today:
            return "future", f"gilt erst ab {day(lawyer.signed_on)}"
        left = (lawyer.valid_until - self.today).days
        if left <= DUE_SOON_DAYS:
            return "expiring", f"läuft in {days(left)} aus ({day(lawyer.valid_until)})"
        return "valid", f"gültig bis {day(lawyer.valid_until)}"
