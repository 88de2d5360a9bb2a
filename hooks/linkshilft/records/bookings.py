"""A counsellor booked at two offices at the same time: checked over the rules' whole period.

The check compares rules by their pattern, not a moving window of dates: for every pair of
rules that could meet (both give an hour on a shared weekday at overlapping times), it looks
from today through both rules' common validity window, and for rules without an end through
SPAN, long enough for any two rhythms to repeat together (see checks._OVERLAP_SEARCH_SPAN).
So a clash written today for a day ten months ahead is found today, and no clash can appear
later by time alone: a window bounded by the rules only shrinks as days pass, and an
open-ended pair repeats within SPAN.

Planned days come first (plain date arithmetic); holidays and closures are looked up only for
the days where two rules meet, to tell whether the clash is real.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from linkshilft.problems import Problem, field_path
from linkshilft.records import model as m
from linkshilft.records.load import Document
from linkshilft.schedule import dates

SPAN = dt.timedelta(days=3 * 366)


def _bounds(rule: m.HourRule) -> tuple[dt.date | None, dt.date | None]:
    if rule.date is not None:
        return rule.date, rule.date
    return rule.valid_from, rule.valid_until


def _window(a: m.HourRule, b: m.HourRule, today: dt.date) -> tuple[dt.date, dt.date]:
    (low_a, high_a), (low_b, high_b) = _bounds(a), _bounds(b)
    lower = max(d for d in (today, low_a, low_b) if d is not None)
    return lower, min(d for d in (high_a, high_b, lower + SPAN) if d is not None)


def _could_meet(a: m.HourRule, b: m.HourRule) -> bool:
    if not (a.start < b.end and b.start < a.end):
        return False
    if a.date is not None or b.date is not None:
        return True
    return bool(set(a.weekdays) & set(b.weekdays))


def _held(counselling: m.Counselling, rule: m.HourRule, day: dt.date, statewide: Sequence[m.Closure]) -> bool:
    holidays = dates.holiday_names((day.year,), counselling.corpus_christi_holiday)
    return dates.cancellation(day, rule, holidays, (*counselling.closures, *statewide)) is None


def first_clash(
    a: m.Counselling, b: m.Counselling, statewide: Sequence[m.Closure], today: dt.date
) -> tuple[dt.datetime, dt.datetime, dt.datetime, dt.datetime] | None:
    """The first day from `today` on both offices hold overlapping hours: (start_a, end_a, start_b, end_b)."""
    if a.appointment_only or b.appointment_only:
        return None
    found = None
    for rule_a in a.hours:
        for rule_b in b.hours:
            if not _could_meet(rule_a, rule_b):
                continue
            lower, upper = _window(rule_a, rule_b, today)
            if found is not None:
                upper = min(upper, found[0].date())
            for day in sorted(dates.rule_days(rule_a, lower, upper)):
                if dates.rule_falls_on(rule_b, day) and _held(a, rule_a, day, statewide) and _held(b, rule_b, day, statewide):
                    times = (rule_a.start, rule_a.end, rule_b.start, rule_b.end)
                    clash = tuple(dt.datetime.combine(day, t, tzinfo=dates.TIMEZONE) for t in times)
                    if found is None or clash < found:
                        found = clash
                    break
    return found


def double_bookings(
    offices: Sequence[tuple[Document, m.Counselling]], statewide: Sequence[m.Closure], today: dt.date
) -> list[Problem]:
    """A counsellor listed at two offices that hold overlapping hours on the same day cannot be at both.

    `offices` are the offices that take place (active, interim) with their counselling.
    Both files get a message: in a pull request the changed one may be either.
    """
    placements: dict[str, list[tuple[Document, int, m.Counselling]]] = {}
    for document, counselling in offices:
        for index, person in enumerate(counselling.counsellors):
            placements.setdefault(person, []).append((document, index, counselling))
    problems = []
    for person, places in placements.items():
        for position, (document, index, counselling) in enumerate(places):
            for other, other_index, other_counselling in places[position + 1 :]:
                clash = first_clash(counselling, other_counselling, statewide, today)
                if clash is None:
                    continue
                start, end, other_start, other_end = clash
                for here, here_index, there, times in (
                    (document, index, other, (start, end, other_start, other_end)),
                    (other, other_index, document, (other_start, other_end, start, end)),
                ):
                    message = (
                        f'"{person}" ist am {times[0]:%d.%m.%Y} zur selben Zeit auch in "{there.data["id"]}" eingeteilt '
                        f"({times[0]:%H:%M}–{times[1]:%H:%M} und {times[2]:%H:%M}–{times[3]:%H:%M} Uhr)"
                    )
                    parts = ("counselling", "counsellors", here_index)
                    problems.append(Problem(here.path, here.line_of(parts), field_path(parts), message))
    return problems
