"""When an office's consultation hours take place: dates and cancellations.

Pure functions over the model (no I/O, no mkdocs). Public holidays are those of Saxony
(Sächsisches Sonn- und Feiertagsgesetz) as the `holidays` package lists them for DE-SN.
Fronleichnam is a public holiday only in some Catholic municipalities of the Landkreis
Bautzen; the package therefore lists it for SN only in its "catholic" category, and it
counts only for offices that set `corpus_christi_holiday`.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from zoneinfo import ZoneInfo

from linkshilft.records.model import WEEKDAYS, Closure, Counselling, HourRule

TIMEZONE = ZoneInfo("Europe/Berlin")
WEEK = dt.timedelta(days=7)


@dataclass(frozen=True)
class Occurrence:
    """One consultation hour that takes place."""

    start: dt.datetime  # aware, Europe/Berlin
    end: dt.datetime
    rule_index: int  # index in counselling.hours
    walk_in: bool
    note: str | None


@dataclass(frozen=True)
class Cancellation:
    """A consultation hour the rules would give, but which does not take place."""

    start: dt.datetime
    end: dt.datetime
    rule_index: int
    walk_in: bool
    note: str | None
    reason: str  # German, e.g. "Feiertag (Neujahr)" or a closure's reason
    kind: str  # "holiday" or "closure"
    holiday: str | None = None  # the holiday's German name, for wording.cancellation_reason in other languages


# --- dates -----------------------------------------------------------------------------

@functools.lru_cache(maxsize=64)
def holiday_names(years: tuple[int, ...], catholic: bool, language: str = "de") -> Mapping[dt.date, str]:
    # Building a holiday table is the slow part of `occurrences`; thousands of offices
    # share a handful of (years, catholic) keys. Imported here: the package loads all 250
    # countries (0.1 s), which `linkshilft validate` needs only to confirm a double booking.
    import holidays

    categories = (holidays.PUBLIC, holidays.CATHOLIC) if catholic else (holidays.PUBLIC,)
    table = holidays.country_holidays("DE", subdiv="SN", years=years, language=language, categories=categories)
    return MappingProxyType(dict(table))


def _monday_of(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def _week_of_month_matches(weeks: Sequence[int | str], day: dt.date) -> bool:
    if (day.day - 1) // 7 + 1 in weeks:
        return True
    return "last" in weeks and (day + WEEK).month != day.month


def rule_falls_on(rule: HourRule, day: dt.date) -> bool:
    """Whether the rule puts a consultation hour on `day`, before holidays and closures."""
    if rule.date is not None:
        return day == rule.date
    if WEEKDAYS[day.weekday()] not in rule.weekdays:
        return False
    if (rule.valid_from and day < rule.valid_from) or (rule.valid_until and day > rule.valid_until):
        return False
    if rule.weeks_of_month:
        return _week_of_month_matches(rule.weeks_of_month, day)
    if rule.every_weeks > 1 and rule.reference_date is not None:
        weeks_apart = (_monday_of(day) - _monday_of(rule.reference_date)).days // 7
        return weeks_apart % rule.every_weeks == 0
    return True


def rule_days(rule: HourRule, first_day: dt.date, last_day: dt.date) -> Iterator[dt.date]:
    """The days in [first_day, last_day] the rule falls on, weekday by weekday."""
    if rule.date is not None:
        if first_day <= rule.date <= last_day:
            yield rule.date
        return
    lower = max(first_day, rule.valid_from) if rule.valid_from else first_day
    upper = min(last_day, rule.valid_until) if rule.valid_until else last_day
    for weekday in sorted(WEEKDAYS.index(name) for name in rule.weekdays):
        day = lower + dt.timedelta(days=(weekday - lower.weekday()) % 7)
        while day <= upper:
            if rule_falls_on(rule, day):
                yield day
            day += WEEK


def cancellation(
    day: dt.date, rule: HourRule, names: Mapping[dt.date, str], closures: Sequence[Closure]
) -> tuple[str, str] | None:
    """(kind, reason) if the hour does not take place on `day`, else None; `names` from holiday_names."""
    holiday = names.get(day)
    # A holiday is named first when both apply: it is the reason that holds everywhere.
    if holiday is not None and not rule.on_holidays:
        return "holiday", f"Feiertag ({holiday})"
    for closure in closures:
        if closure.covers(day):
            return "closure", closure.reason
    return None


def occurrences(
    counselling: Counselling,
    statewide_closures: Sequence[Closure],
    first_day: dt.date,
    last_day: dt.date,
) -> tuple[list[Occurrence], list[Cancellation]]:
    """The hours that take place and those cancelled in [first_day, last_day], by start.

    Saxon public holidays cancel an hour unless its rule says `on_holidays`; office and
    statewide closures cancel every hour on a covered day, single extra dates included.
    Appointment-only offices have no dates. Two rules giving the same start time yield
    one entry (the lower rule index; `schedule_problems` reports the overlap), so the
    start identifies an entry, and an hour held beats one cancelled at the same time.
    """
    if counselling.appointment_only or not counselling.hours or last_day < first_day:
        return [], []
    years = tuple(range(first_day.year, last_day.year + 1))
    names = holiday_names(years, counselling.corpus_christi_holiday)
    closures = (*counselling.closures, *statewide_closures)
    held: dict[dt.datetime, Occurrence] = {}
    cancelled: dict[dt.datetime, Cancellation] = {}
    for index, rule in enumerate(counselling.hours):
        for day in rule_days(rule, first_day, last_day):
            start = dt.datetime.combine(day, rule.start, tzinfo=TIMEZONE)
            end = dt.datetime.combine(day, rule.end, tzinfo=TIMEZONE)
            cancelled_because = cancellation(day, rule, names, closures)
            if cancelled_because is None:
                held.setdefault(start, Occurrence(start, end, index, rule.walk_in, rule.note))
            else:
                kind, reason = cancelled_because
                holiday = names.get(day) if kind == "holiday" else None
                cancelled.setdefault(
                    start, Cancellation(start, end, index, rule.walk_in, rule.note, reason, kind, holiday)
                )
    for start in held:
        cancelled.pop(start, None)
    return (
        sorted(held.values(), key=lambda o: (o.start, o.rule_index)),
        sorted(cancelled.values(), key=lambda c: (c.start, c.rule_index)),
    )


def next_dates(
    counselling: Counselling,
    statewide_closures: Sequence[Closure],
    today: dt.date,
    count: int = 5,
    horizon_days: int = 366,
) -> list[Occurrence]:
    """The next `count` hours that take place, from `today` (all of it) up to the horizon."""
    held, _ = occurrences(counselling, statewide_closures, today, today + dt.timedelta(days=horizon_days))
    return held[:count]


# --- wording ---------------------------------------------------------------------------
