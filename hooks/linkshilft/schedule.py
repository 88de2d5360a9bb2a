"""When an office's consultation hours take place: dates, cancellations and their wording.

Pure functions over the model (no I/O, no mkdocs). Public holidays are those of Saxony
(Sächsisches Sonn- und Feiertagsgesetz) as the `holidays` package lists them for DE-SN.
Fronleichnam is a public holiday only in some Catholic municipalities of the Landkreis
Bautzen; the package therefore lists it for SN only in its "catholic" category, and it
counts only for offices that set `corpus_christi_holiday`.

German month and weekday names are written out here instead of taken from the system
locale, which is not installed on every build machine.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from zoneinfo import ZoneInfo

from .model import WEEKDAYS, Closure, Counselling, HourRule

TIMEZONE = ZoneInfo("Europe/Berlin")

DAY_NAMES = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")
DAY_ADVERBS = ("montags", "dienstags", "mittwochs", "donnerstags", "freitags", "samstags", "sonntags")
DAY_ABBREVIATIONS = ("Mo", "Di", "Mi", "Do", "Fr", "Sa", "So")
MONTH_NAMES = (
    "Januar", "Februar", "März", "April", "Mai", "Juni",
    "Juli", "August", "September", "Oktober", "November", "Dezember",
)  # fmt: skip
# März, Mai, Juni and Juli are short enough to stay whole, and a whole word takes no dot.
MONTH_ABBREVIATIONS = (
    "Jan.", "Feb.", "März", "Apr.", "Mai", "Juni",
    "Juli", "Aug.", "Sept.", "Okt.", "Nov.", "Dez.",
)  # fmt: skip

WEEK = dt.timedelta(days=7)
# Two open-ended rhythms repeat together within lcm(8, 7) = 56 weeks at most, and month
# positions drift through every week parity within a year or two: three years of
# candidate days show whether two rules ever meet. Without any date bound, the search
# starts at an arbitrary Monday; only the pattern matters, not the year.
_OVERLAP_SEARCH_SPAN = dt.timedelta(days=3 * 366)
_OVERLAP_SEARCH_START = dt.date(2024, 1, 1)


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


# --- dates -----------------------------------------------------------------------------


@functools.lru_cache(maxsize=64)
def holiday_names(years: tuple[int, ...], catholic: bool) -> Mapping[dt.date, str]:
    # Building a holiday table is the slow part of `occurrences`; thousands of offices
    # share a handful of (years, catholic) keys. Imported here: the package loads all 250
    # countries (0.1 s), which `linkshilft validate` needs only to confirm a double booking.
    import holidays

    categories = (holidays.PUBLIC, holidays.CATHOLIC) if catholic else (holidays.PUBLIC,)
    table = holidays.country_holidays("DE", subdiv="SN", years=years, language="de", categories=categories)
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
                cancelled.setdefault(start, Cancellation(start, end, index, rule.walk_in, rule.note, reason, kind))
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


def _join(words: Sequence[str]) -> str:
    """Words as a German list: "a", "a und b", "a, b und c"."""
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} und {words[-1]}"


def format_date(day: dt.date) -> str:
    """The date without its weekday: "9. Dezember 2026"."""
    return f"{day.day}. {MONTH_NAMES[day.month - 1]} {day.year}"


def format_day(day: dt.date) -> str:
    """The day in full: "Mittwoch, 9. Dezember 2026"."""
    return f"{DAY_NAMES[day.weekday()]}, {format_date(day)}"


def format_day_short(day: dt.date) -> str:
    """The day in short, for lists and tables: "Mi, 9. Dez."."""
    return f"{DAY_ABBREVIATIONS[day.weekday()]}, {day.day}. {MONTH_ABBREVIATIONS[day.month - 1]}"


def format_time_range(start: dt.time | dt.datetime, end: dt.time | dt.datetime) -> str:
    """Times as people write them: "14:00–16:00 Uhr", "9:00–12:30 Uhr" (en dash)."""
    return f"{start.hour}:{start.minute:02d}–{end.hour}:{end.minute:02d} Uhr"


def _weekday_indexes(rule: HourRule) -> list[int]:
    return sorted(WEEKDAYS.index(name) for name in rule.weekdays)


def _describe_rhythm(rule: HourRule) -> str:
    if rule.date is not None:
        return f"einmalig am {format_day(rule.date)}"
    days = _join([DAY_NAMES[i] for i in _weekday_indexes(rule)])
    if rule.weeks_of_month:
        positions = [f"{n}." for n in sorted(w for w in rule.weeks_of_month if w != "last")]
        if "last" in rule.weeks_of_month:
            positions.append("letzten")
        return f"jeden {_join(positions)} {days} im Monat"
    if rule.every_weeks == 2:
        return f"jeden zweiten {days} (alle 2 Wochen)"
    if rule.every_weeks > 2:
        return f"alle {rule.every_weeks} Wochen am {days}"
    return f"jeden {days}"


def describe_rule(rule: HourRule) -> str:
    """The rule in German words, parts separated by commas, in this order.

    rhythm, time, registration, validity, holidays; for example
    "jeden 1. und 3. Dienstag im Monat, 14:00–16:00 Uhr, ohne Anmeldung, ab 1. Januar 2027"
    or "einmalig am Mittwoch, 9. Dezember 2026, 9:00–12:00 Uhr, nur mit Anmeldung".
    The rule's note is not part of it; pages show it beside the text.
    """
    parts = [
        _describe_rhythm(rule),
        format_time_range(rule.start, rule.end),
        "ohne Anmeldung" if rule.walk_in else "nur mit Anmeldung",
    ]
    if rule.valid_from and rule.valid_until:
        parts.append(f"vom {format_date(rule.valid_from)} bis {format_date(rule.valid_until)}")
    elif rule.valid_from:
        parts.append(f"ab {format_date(rule.valid_from)}")
    elif rule.valid_until:
        parts.append(f"bis {format_date(rule.valid_until)}")
    if rule.on_holidays:
        parts.append("auch an Feiertagen")
    return ", ".join(parts)


# --- checks the schema cannot express -------------------------------------------------


def _search_window(a: HourRule, b: HourRule) -> tuple[dt.date, dt.date]:
    """The stretch of days on which both rules could be valid, capped for the search."""
    lowers = [r.date if r.date else r.valid_from for r in (a, b)]
    uppers = [r.date if r.date else r.valid_until for r in (a, b)]
    known_lowers = [d for d in lowers if d is not None]
    known_uppers = [d for d in uppers if d is not None]
    if known_lowers:
        lower = max(known_lowers)
    elif known_uppers:
        lower = min(known_uppers) - _OVERLAP_SEARCH_SPAN
    else:
        lower = _OVERLAP_SEARCH_START
    upper = min([*known_uppers, lower + _OVERLAP_SEARCH_SPAN])
    return lower, upper


def _first_common_day(a: HourRule, b: HourRule) -> dt.date | None:
    lower, upper = _search_window(a, b)
    return next((day for day in rule_days(a, lower, upper) if rule_falls_on(b, day)), None)


def _overlap_detail(a: HourRule, b: HourRule, day: dt.date) -> str:
    if a.date is not None or b.date is not None:
        when = f"am {format_date(day)}"
    else:
        shared = sorted(set(_weekday_indexes(a)) & set(_weekday_indexes(b)))
        when = _join([DAY_ADVERBS[i] for i in shared])
    times_a, times_b = format_time_range(a.start, a.end), format_time_range(b.start, b.end)
    if times_a == times_b:
        return f"beide {when} {times_a}"
    return f"{when} {times_a} und {times_b}"


def _overlaps(hours: Sequence[HourRule]) -> Iterator[tuple[str, str]]:
    for later_index, later in enumerate(hours):
        for earlier_index, earlier in enumerate(hours[:later_index]):
            if not (earlier.start < later.end and later.start < earlier.end):
                continue
            day = _first_common_day(earlier, later)
            if day is not None:
                detail = _overlap_detail(earlier, later, day)
                yield f"hours[{later_index}]", f"überschneidet sich mit hours[{earlier_index}] ({detail})"


def schedule_problems(counselling: Counselling) -> list[tuple[str, str]]:
    """Mistakes in the hours and closures that the schema cannot see, as (path, message).

    Paths are relative to the office's `counselling` mapping. The messages, word for word:

    - ``hours[i].end``: ``"16:00" liegt nicht nach dem Beginn "16:00"``
    - ``hours[i].valid_until``: ``"2026-01-01" liegt vor dem Beginn der Gültigkeit ("2026-03-01")``
    - ``hours[i].reference_date``: ``"2026-12-08" ist ein Dienstag, die Regel gilt aber für Mittwoch``
      (several weekdays: ``… gilt aber für Montag und Donnerstag``)
    - ``closures[i].until``: ``"2026-12-01" liegt vor dem Beginn der Schließzeit ("2026-12-05")``
    - ``hours[j]``: ``überschneidet sich mit hours[i] (beide dienstags 14:00–16:00 Uhr)``
      with i < j, when both rules give an hour on a common day and their times overlap.
      Different times: ``(dienstags 14:00–16:00 Uhr und 15:00–17:00 Uhr)``; several shared
      weekdays: ``(beide dienstags und donnerstags …)``; with a single date:
      ``(beide am 9. Dezember 2026 14:00–16:00 Uhr)``.
      Rules that touch (one ends at 14:00, the next starts at 14:00) do not overlap.
    """
    hours, closures = list(counselling.hours), list(counselling.closures)
    problems: list[tuple[str, str]] = []
    for index, rule in enumerate(hours):
        path = f"hours[{index}]"
        if rule.end <= rule.start:
            message = f'"{rule.end:%H:%M}" liegt nicht nach dem Beginn "{rule.start:%H:%M}"'
            problems.append((f"{path}.end", message))
        if rule.valid_from and rule.valid_until and rule.valid_until < rule.valid_from:
            message = f'"{rule.valid_until}" liegt vor dem Beginn der Gültigkeit ("{rule.valid_from}")'
            problems.append((f"{path}.valid_until", message))
        reference = rule.reference_date
        if reference is not None and WEEKDAYS[reference.weekday()] not in rule.weekdays:
            rule_days = _join([DAY_NAMES[i] for i in _weekday_indexes(rule)])
            message = f'"{reference}" ist ein {DAY_NAMES[reference.weekday()]}, die Regel gilt aber für {rule_days}'
            problems.append((f"{path}.reference_date", message))
    for index, closure in enumerate(closures):
        if closure.end < closure.start:
            message = f'"{closure.end}" liegt vor dem Beginn der Schließzeit ("{closure.start}")'
            problems.append((f"closures[{index}].until", message))
    problems.extend(_overlaps(hours))
    return problems
