"""Mistakes in an office's hours and closures that its schema cannot see."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence

from linkshilft.records.model import WEEKDAYS, Counselling, HourRule
from linkshilft.schedule.dates import rule_days, rule_falls_on
from linkshilft.schedule.wording import DAY_ADVERBS, DAY_NAMES, format_date, format_time_range, join_words, weekday_indexes

# Two open-ended rhythms repeat together within lcm(8, 7) = 56 weeks at most, and month
# positions drift through every week parity within a year or two: three years of
# candidate days show whether two rules ever meet. Without any date bound, the search
# starts at an arbitrary Monday; only the pattern matters, not the year.
_OVERLAP_SEARCH_SPAN = dt.timedelta(days=3 * 366)
_OVERLAP_SEARCH_START = dt.date(2024, 1, 1)



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
        shared = sorted(set(weekday_indexes(a)) & set(weekday_indexes(b)))
        when = join_words([DAY_ADVERBS[i] for i in shared])
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
            rule_days = join_words([DAY_NAMES[i] for i in weekday_indexes(rule)])
            message = f'"{reference}" ist ein {DAY_NAMES[reference.weekday()]}, die Regel gilt aber für {rule_days}'
            problems.append((f"{path}.reference_date", message))
    for index, closure in enumerate(closures):
        if closure.end < closure.start:
            message = f'"{closure.end}" liegt vor dem Beginn der Schließzeit ("{closure.start}")'
            problems.append((f"closures[{index}].until", message))
    problems.extend(_overlaps(hours))
    return problems
