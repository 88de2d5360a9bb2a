"""Consultation hours in words, in the active language (languages.active): dates, times, the rhythm of a rule.

Dates, times, weekday and month names, lists ("a, b und c") and distances come from CLDR through
Babel; no month table is written here. The sentences around them (the rhythm, "Heute", "nur mit
Anmeldung", a cancellation) are the catalog "termine", written per language by its translators,
because word order, grammatical case and ordinals differ: Russian says "по средам на 2-й и 4-й
неделе месяца", English "every 2nd and 4th Wednesday of the month". Counting "the 2nd Wednesday"
as "the Wednesday of the 2nd week" (days 8 to 14) is what dates.rule_falls_on does, so the
languages that say it that way say the same thing, without an ordinal that agrees with the weekday.

German stays the house style of the pages, set before the languages came, and differs from CLDR's
German defaults in two places, kept by choosing the CLDR pattern: times without a leading zero and
one "Uhr" after the span ("9:00–12:30 Uhr", CLDR: "09:00–12:30 Uhr"), and the short weekday without
a dot ("Mi, 9. Dez.", CLDR's format form: "Mi., 9. Dez."; its stand-alone form has none). Outside
`languages.active()` everything is German, so the exports and the command line stay as they were.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Sequence

from babel.dates import format_date as _cldr_date
from babel.dates import format_interval, format_skeleton, format_time, get_day_names
from babel.lists import format_list

from linkshilft import languages
from linkshilft.records.model import WEEKDAYS, HourRule
from linkshilft.schedule import dates

_termine = languages.Domain("termine")
_, ngettext, pgettext = _termine.gettext, _termine.ngettext, _termine.pgettext

# The German names, for the German exports and checks (open data, the change preview); from CLDR.
DAY_NAMES = tuple(get_day_names("wide", "format", "de")[i] for i in range(7))
DAY_ABBREVIATIONS = tuple(get_day_names("abbreviated", "stand-alone", "de")[i] for i in range(7))
DAY_ADVERBS = tuple(f"{name.lower()}s" for name in DAY_NAMES)  # "montags", for the German checks


def join_words(words: Sequence[str]) -> str:
    """Words as a list in the active language: "a", "a und b", "a, b und c" (CLDR list patterns)."""
    return format_list(list(words), locale=languages.current().locale) if words else ""


def list_words(words: Sequence[str]) -> str:
    """A plain enumeration (topics, languages): "a, b, c" in German as the site always wrote it, CLDR's list
    pattern elsewhere, so Arabic and Persian get their own comma ("،") and words ("و")."""
    if languages.current().code == languages.SOURCE:
        return ", ".join(words)
    return join_words(words)


def format_date(day: dt.date) -> str:
    """The date without its weekday: "9. Dezember 2026", "9 грудня 2026 р."."""
    return _formatted(languages.current().code, "date", day)


def format_day(day: dt.date) -> str:
    """The day in full: "Mittwoch, 9. Dezember 2026", "середа, 9 грудня 2026 р."."""
    return _formatted(languages.current().code, "day", day)


def format_day_short(day: dt.date) -> str:
    """The day in short, for lists and tables: "Mi, 9. Dez.", "ср, 9 груд."."""
    return _formatted(languages.current().code, "short", day)


def format_time_range(start: dt.time | dt.datetime, end: dt.time | dt.datetime) -> str:
    """A span of time as people write it: "9:00–12:30 Uhr" (en dash), "9:00 AM – 12:30 PM".

    Both ends are Berlin wall-clock times; the hour cycle (24 or 12 hours) is the language's.
    """
    start = start.time() if isinstance(start, dt.datetime) else start
    end = end.time() if isinstance(end, dt.datetime) else end
    return _time_range(languages.current().code, start, end)  # datetime.time() is naive: one cache key per span


# Cached: a build writes the same few hundred days and time spans thousands of times per language,
# and Babel takes 10 to 60 µs a text where the German f-strings before it took one.
@functools.lru_cache(maxsize=8192)
def _formatted(code: str, form: str, day: dt.date) -> str:
    if form == "date":
        return _cldr_date(day, "long", locale=code)
    if form == "day":
        return _cldr_date(day, "full", locale=code)
    if code == languages.SOURCE:
        return _cldr_date(day, "ccc, d. MMM", locale=code)  # the house style: "Mi" without a dot
    return format_skeleton("MMMEd", day, locale=code)


@functools.lru_cache(maxsize=4096)
def _time_range(code: str, start: dt.time, end: dt.time) -> str:
    if code == languages.SOURCE:
        return f"{format_time(start, 'H:mm', locale=code)}–{format_time(end, 'H:mm', locale=code)} Uhr"
    return format_interval(start, end, clock_skeleton(code), locale=languages.language(code).locale)


@functools.cache
def clock_skeleton(code: str) -> str:
    """The one decision on the hour cycle, for pages, finder (finder_texts.py) and linkshilft.js:
    CLDR's preference of the language, as its short time writes it ("h:mm a" in English and Arabic:
    "hm", 12 hours; else "Hm", 24). German keeps "H:mm" (the house style, `_time_range`)."""
    return "hm" if "h" in languages.language(code).locale.time_formats["short"].pattern else "Hm"


def format_clock(moment: dt.time) -> str:
    """One wall-clock time as the language writes it alone: "12:00" (German, "Uhr" is the sentence's),
    "12:00 PM"; the hour cycle as in format_time_range."""
    return _clock(languages.current().code, moment)


@functools.lru_cache(maxsize=1024)
def _clock(code: str, moment: dt.time) -> str:
    if code == languages.SOURCE:
        return format_time(moment, "H:mm", locale=code)
    return format_time(moment, "short", locale=code)


def running_until() -> str:
    """What linkshilft.js adds to a date that has begun, `%(time)s` its end (format_clock)."""
    return _("läuft gerade, bis %(time)s Uhr")


def counselling_line() -> str:
    """The printed notice's line in a language the office counsels in, written in it (poster.py)."""
    return pgettext("Aushang: eine Zeile in der Sprache, in der beraten wird", "Beratung auf Deutsch")


def relative_day(value: dt.date, today: dt.date) -> str | None:
    """ "Heute" or "Morgen" for a date near `today`, else None."""
    days = (value - today).days
    if days == 0:
        return _("Heute")
    if days == 1:
        return _("Morgen")
    return None


def registration(walk_in: bool) -> str:
    return _("ohne Anmeldung") if walk_in else _("nur mit Anmeldung")


def no_dates(appointment_only: bool) -> str:
    """What an office without rules says instead of a rhythm."""
    return _("nach Vereinbarung") if appointment_only else _("Termine folgen")


# The languages the `holidays` package names Saxony's holidays in; it would answer others in English.
HOLIDAY_LANGUAGES = {"en": "en_US", "uk": "uk"}


def cancellation_reason(
    kind: str, reason: str, holiday: str | None = None, day: dt.date | None = None, catholic: bool = False
) -> str:
    """Why an hour does not take place: "Feiertag (Neujahr)", or the closure's own reason (German, as written).

    The holiday is named in the active language where the `holidays` package has it ("Новий рік"),
    else by its German name, as it is called where it is kept.
    """
    if kind != "holiday" or holiday is None:
        return reason
    language = HOLIDAY_LANGUAGES.get(languages.current().code)
    if language is not None and day is not None:
        holiday = dates.holiday_names((day.year,), catholic, language).get(day, holiday)
    return _("Feiertag (%(name)s)") % {"name": holiday}


def weekday_indexes(rule: HourRule) -> list[int]:
    """The rule's weekdays as indexes, Monday = 0, in order."""
    return sorted(WEEKDAYS.index(name) for name in rule.weekdays)


def _rhythm_day(index: int) -> str:
    # The weekday as the rhythm sentences use it: CLDR has only the nominative, but Russian and
    # Ukrainian say "по средам", "по середах". In the other languages it is CLDR's name.
    # (Literal contexts: Babel's extractor reads no variables.)
    return (
        pgettext("Wochentag im Rhythmus", "Montag"),
        pgettext("Wochentag im Rhythmus", "Dienstag"),
        pgettext("Wochentag im Rhythmus", "Mittwoch"),
        pgettext("Wochentag im Rhythmus", "Donnerstag"),
        pgettext("Wochentag im Rhythmus", "Freitag"),
        pgettext("Wochentag im Rhythmus", "Samstag"),
        pgettext("Wochentag im Rhythmus", "Sonntag"),
    )[index]


def _position(week: int | str) -> str:
    # Which week of the month: "1." … "5.", "letzten"; the translators write the ordinal their sentence needs.
    if week == "last":
        return pgettext("Woche im Monat", "letzten")
    return (
        pgettext("Woche im Monat", "1."),
        pgettext("Woche im Monat", "2."),
        pgettext("Woche im Monat", "3."),
        pgettext("Woche im Monat", "4."),
        pgettext("Woche im Monat", "5."),
    )[int(week) - 1]


def _describe_rhythm(rule: HourRule) -> str:
    if rule.date is not None:
        return _("einmalig am %(day)s") % {"day": format_day(rule.date)}
    days = join_words([_rhythm_day(i) for i in weekday_indexes(rule)])
    if rule.weeks_of_month:
        weeks = [*sorted(w for w in rule.weeks_of_month if w != "last"), *(["last"] if "last" in rule.weeks_of_month else [])]
        positions = join_words([_position(w) for w in weeks])
        return _("jeden %(positions)s %(days)s im Monat") % {"positions": positions, "days": days}
    if rule.every_weeks == 2:
        return _("jeden zweiten %(days)s (alle 2 Wochen)") % {"days": days}
    if rule.every_weeks > 2:
        n = rule.every_weeks
        return ngettext("alle %(n)s Wochen am %(days)s", "alle %(n)s Wochen am %(days)s", n) % {"n": n, "days": days}
    return _("jeden %(days)s") % {"days": days}


def _validity(rule: HourRule) -> str | None:
    if rule.valid_from and rule.valid_until:
        return _("vom %(first)s bis %(last)s") % {"first": format_date(rule.valid_from), "last": format_date(rule.valid_until)}
    if rule.valid_from:
        return _("ab %(first)s") % {"first": format_date(rule.valid_from)}
    if rule.valid_until:
        return _("bis %(last)s") % {"last": format_date(rule.valid_until)}
    return None


def describe_rule(rule: HourRule) -> str:
    """The rule in words, parts separated by commas, in this order.

    rhythm, time, registration, validity, holidays; for example
    "jeden 1. und 3. Dienstag im Monat, 14:00–16:00 Uhr, ohne Anmeldung, ab 1. Januar 2027"
    or "einmalig am Mittwoch, 9. Dezember 2026, 9:00–12:00 Uhr, nur mit Anmeldung".
    The rule's note is not part of it; pages show it beside the text.
    """
    parts = [_describe_rhythm(rule), format_time_range(rule.start, rule.end), registration(rule.walk_in)]
    validity = _validity(rule)
    if validity:
        parts.append(validity)
    if rule.on_holidays:
        parts.append(_("auch an Feiertagen"))
    return pgettext("Trennzeichen zwischen den Teilen einer Regel", ", ").join(parts)
