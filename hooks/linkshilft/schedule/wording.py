"""Consultation hours in German words: dates, times and the rhythm of a rule.

German month and weekday names are written out here instead of taken from the system
locale, which is not installed on every build machine.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from linkshilft.records.model import WEEKDAYS, HourRule

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


def join_words(words: Sequence[str]) -> str:
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


def weekday_indexes(rule: HourRule) -> list[int]:
    """The rule's weekdays as indexes, Monday = 0, in order."""
    return sorted(WEEKDAYS.index(name) for name in rule.weekdays)


def _describe_rhythm(rule: HourRule) -> str:
    if rule.date is not None:
        return f"einmalig am {format_day(rule.date)}"
    days = join_words([DAY_NAMES[i] for i in weekday_indexes(rule)])
    if rule.weeks_of_month:
        positions = [f"{n}." for n in sorted(w for w in rule.weeks_of_month if w != "last")]
        if "last" in rule.weeks_of_month:
            positions.append("letzten")
        return f"jeden {join_words(positions)} {days} im Monat"
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
