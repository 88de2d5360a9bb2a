"""Dates, cancellations and wording of consultation hours.

Every expected date below is a calendar fact worked out by hand (which weekday a date
is, Saxon public holidays, the change to and from summer time), not output of the code.
"""

from __future__ import annotations

import datetime as dt

import holidays
import pytest
from linkshilft.records.model import Closure, Counselling, HourRule, counselling_from_record
from linkshilft.records.pipeline import load_dataset
from linkshilft.schedule import dates
from linkshilft.schedule.checks import schedule_problems
from linkshilft.schedule.dates import next_dates, occurrences
from linkshilft.schedule.wording import describe_rule, format_date, format_day, format_day_short, format_time_range

from tests.support import ROOT, TODAY

D = dt.date
T = dt.time


DEFAULT_START = T(14)
DEFAULT_END = T(16)


def rule(*weekdays: str, start: T = DEFAULT_START, end: T = DEFAULT_END, **fields) -> HourRule:
    return HourRule(start=start, end=end, weekdays=weekdays, **fields)


def counselling(*hours: HourRule, **fields) -> Counselling:
    return Counselling(topics=("buergergeld",), languages=("de",), hours=hours, **fields)


def held_days(held: list[dates.Occurrence]) -> list[dt.date]:
    return [o.start.date() for o in held]


def cancelled_days(cancelled: list[dates.Cancellation]) -> list[tuple[dt.date, str, str]]:
    return [(c.start.date(), c.kind, c.reason) for c in cancelled]


# --- holidays ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("weekday", "first_day", "last_day", "expected_held", "expected_cancelled"),
    [
        pytest.param(
            "friday", D(2026, 12, 18), D(2027, 1, 8), [D(2026, 12, 18), D(2027, 1, 8)],
            [(D(2026, 12, 25), "holiday", "Feiertag (Erster Weihnachtstag)"),
             (D(2027, 1, 1), "holiday", "Feiertag (Neujahr)")],
            id="christmas-and-new-year-on-fridays",
        ),
        pytest.param(
            "wednesday", D(2026, 11, 11), D(2026, 11, 25), [D(2026, 11, 11), D(2026, 11, 25)],
            [(D(2026, 11, 18), "holiday", "Feiertag (Buß- und Bettag)")],
            id="buss-und-bettag-2026-wednesday",
        ),
        pytest.param(
            "saturday", D(2026, 10, 24), D(2026, 11, 7), [D(2026, 10, 24), D(2026, 11, 7)],
            [(D(2026, 10, 31), "holiday", "Feiertag (Reformationstag)")],
            id="reformationstag-2026-saturday",
        ),
        pytest.param(
            "monday", D(2026, 3, 30), D(2026, 4, 13), [D(2026, 3, 30), D(2026, 4, 13)],
            [(D(2026, 4, 6), "holiday", "Feiertag (Ostermontag)")],
            id="easter-monday-2026",
        ),
        pytest.param(
            "tuesday", D(2026, 12, 22), D(2026, 12, 31), [D(2026, 12, 22), D(2026, 12, 29)], [],
            id="christmas-eve-week-tuesdays-are-no-holidays",
        ),
    ],
)  # fmt: skip
def test_public_holidays_cancel_weekly_hours(weekday, first_day, last_day, expected_held, expected_cancelled):
    held, cancelled = occurrences(counselling(rule(weekday)), (), first_day, last_day)
    assert held_days(held) == expected_held
    assert cancelled_days(cancelled) == expected_cancelled


def test_on_holidays_keeps_the_date():
    held, cancelled = occurrences(counselling(rule("friday", on_holidays=True)), (), D(2026, 12, 18), D(2027, 1, 1))
    assert held_days(held) == [D(2026, 12, 18), D(2026, 12, 25), D(2027, 1, 1)]
    assert cancelled == []


@pytest.mark.parametrize(
    ("corpus_christi_holiday", "expected_held", "expected_cancelled"),
    [
        (False, [D(2027, 5, 20), D(2027, 5, 27), D(2027, 6, 3)], []),
        (True, [D(2027, 5, 20), D(2027, 6, 3)], [(D(2027, 5, 27), "holiday", "Feiertag (Fronleichnam)")]),
    ],
)
def test_fronleichnam_2027_only_where_it_is_a_holiday(corpus_christi_holiday, expected_held, expected_cancelled):
    office_hours = counselling(rule("thursday"), corpus_christi_holiday=corpus_christi_holiday)
    held, cancelled = occurrences(office_hours, (), D(2027, 5, 20), D(2027, 6, 3))
    assert held_days(held) == expected_held
    assert cancelled_days(cancelled) == expected_cancelled


def test_holiday_table_is_built_once_per_year_range(monkeypatch):
    calls = []
    real_country_holidays = holidays.country_holidays

    def counting_country_holidays(*args, **kwargs):
        calls.append(kwargs["years"])
        return real_country_holidays(*args, **kwargs)

    dates.holiday_names.cache_clear()
    monkeypatch.setattr(holidays, "country_holidays", counting_country_holidays)  # schedule imports it when needed
    try:
        for weekday in ("monday", "tuesday", "friday"):
            occurrences(counselling(rule(weekday)), (), D(2031, 1, 1), D(2031, 12, 31))
    finally:
        dates.holiday_names.cache_clear()
    assert calls == [(2031,)]


# --- rhythms ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("hour_rule", "first_day", "last_day", "expected_held", "expected_cancelled"),
    [
        pytest.param(
            rule("tuesday", every_weeks=2, reference_date=D(2026, 12, 1)), D(2026, 11, 24), D(2027, 1, 31),
            [D(2026, 12, 1), D(2026, 12, 15), D(2026, 12, 29), D(2027, 1, 12), D(2027, 1, 26)], [],
            id="biweekly-tuesday-across-iso-week-53",
        ),
        pytest.param(
            rule("friday", every_weeks=2, reference_date=D(2026, 12, 18)), D(2026, 12, 1), D(2027, 1, 31),
            [D(2026, 12, 4), D(2026, 12, 18), D(2027, 1, 15), D(2027, 1, 29)],
            [(D(2027, 1, 1), "holiday", "Feiertag (Neujahr)")],
            id="biweekly-friday-hits-new-year",
        ),
        pytest.param(
            rule("tuesday", every_weeks=2, reference_date=D(2027, 1, 12)), D(2026, 12, 1), D(2026, 12, 31),
            [D(2026, 12, 1), D(2026, 12, 15), D(2026, 12, 29)], [],
            id="biweekly-counts-back-from-a-later-reference",
        ),
        pytest.param(
            rule("friday", every_weeks=3, reference_date=D(2026, 11, 6)), D(2026, 11, 1), D(2026, 12, 31),
            [D(2026, 11, 6), D(2026, 11, 27), D(2026, 12, 18)], [],
            id="every-three-weeks",
        ),
        pytest.param(
            rule("thursday", weeks_of_month=("last",)), D(2026, 11, 1), D(2026, 12, 31),
            [D(2026, 11, 26), D(2026, 12, 31)], [],
            id="last-thursday-november-has-4-december-has-5",
        ),
        pytest.param(
            rule("thursday", weeks_of_month=(4,)), D(2026, 11, 1), D(2026, 12, 31),
            [D(2026, 11, 26), D(2026, 12, 24)], [],
            id="fourth-thursday-is-not-the-last-in-december",
        ),
        pytest.param(
            rule("thursday", weeks_of_month=("last",)), D(2027, 2, 1), D(2027, 2, 28), [D(2027, 2, 25)], [],
            id="last-thursday-february-2027-has-4",
        ),
        pytest.param(
            rule("thursday", weeks_of_month=("last",)), D(2026, 4, 1), D(2026, 4, 30), [D(2026, 4, 30)], [],
            id="last-thursday-april-2026-has-5",
        ),
        pytest.param(
            rule("tuesday", weeks_of_month=(1, 3)), D(2026, 11, 1), D(2026, 12, 31),
            [D(2026, 11, 3), D(2026, 11, 17), D(2026, 12, 1), D(2026, 12, 15)], [],
            id="first-and-third-tuesday",
        ),
        pytest.param(
            rule("wednesday", weeks_of_month=(2, "last")), D(2026, 12, 1), D(2026, 12, 31),
            [D(2026, 12, 9), D(2026, 12, 30)], [],
            id="second-and-last-wednesday",
        ),
        pytest.param(
            rule("monday", valid_from=D(2026, 7, 1)), D(2026, 6, 22), D(2026, 7, 14),
            [D(2026, 7, 6), D(2026, 7, 13)], [],
            id="starts-mid-year",
        ),
        pytest.param(
            rule("monday", valid_until=D(2026, 7, 6)), D(2026, 6, 22), D(2026, 7, 14),
            [D(2026, 6, 22), D(2026, 6, 29), D(2026, 7, 6)], [],
            id="valid-until-is-inclusive",
        ),
        pytest.param(
            rule("monday", "wednesday"), D(2026, 12, 7), D(2026, 12, 16),
            [D(2026, 12, 7), D(2026, 12, 9), D(2026, 12, 14), D(2026, 12, 16)], [],
            id="two-weekdays-sorted-by-date",
        ),
    ],
)  # fmt: skip
def test_rhythms(hour_rule, first_day, last_day, expected_held, expected_cancelled):
    held, cancelled = occurrences(counselling(hour_rule), (), first_day, last_day)
    assert held_days(held) == expected_held
    assert cancelled_days(cancelled) == expected_cancelled


@pytest.mark.parametrize(
    ("first_day", "last_day", "expected_starts", "expected_ends"),
    [
        pytest.param(
            D(2027, 3, 22), D(2027, 4, 4),
            ["2027-03-23T14:00:00+01:00", "2027-03-30T14:00:00+02:00"],
            ["2027-03-23T16:00:00+01:00", "2027-03-30T16:00:00+02:00"],
            id="to-summer-time-on-28-march-2027",
        ),
        pytest.param(
            D(2027, 10, 25), D(2027, 11, 7),
            ["2027-10-26T14:00:00+02:00", "2027-11-02T14:00:00+01:00"],
            ["2027-10-26T16:00:00+02:00", "2027-11-02T16:00:00+01:00"],
            id="to-winter-time-on-31-october-2027",
        ),
    ],
)  # fmt: skip
def test_clock_change_keeps_local_time(first_day, last_day, expected_starts, expected_ends):
    held, _ = occurrences(counselling(rule("tuesday")), (), first_day, last_day)
    assert [o.start.isoformat() for o in held] == expected_starts
    assert [o.end.isoformat() for o in held] == expected_ends


# --- closures ---------------------------------------------------------------------------

CHRISTMAS_BREAK = Closure(start=D(2026, 12, 21), end=D(2027, 1, 3), reason="Weihnachtspause")


@pytest.mark.parametrize("where", ["office", "statewide"])
def test_closure_spanning_new_year(where):
    hours = (rule("tuesday"), rule("friday", start=T(10), end=T(12)))
    if where == "office":
        office_hours, statewide = counselling(*hours, closures=(CHRISTMAS_BREAK,)), ()
    else:
        office_hours, statewide = counselling(*hours), (CHRISTMAS_BREAK,)
    held, cancelled = occurrences(office_hours, statewide, D(2026, 12, 14), D(2027, 1, 10))
    assert [(o.start.date(), o.rule_index) for o in held] == [
        (D(2026, 12, 15), 0),
        (D(2026, 12, 18), 1),
        (D(2027, 1, 5), 0),
        (D(2027, 1, 8), 1),
    ]
    # On a holiday inside the break, the holiday is named: it applies to everyone.
    assert cancelled_days(cancelled) == [
        (D(2026, 12, 22), "closure", "Weihnachtspause"),
        (D(2026, 12, 25), "holiday", "Feiertag (Erster Weihnachtstag)"),
        (D(2026, 12, 29), "closure", "Weihnachtspause"),
        (D(2027, 1, 1), "holiday", "Feiertag (Neujahr)"),
    ]


def test_closure_beats_on_holidays():
    office_hours = counselling(rule("friday", on_holidays=True), closures=(CHRISTMAS_BREAK,))
    held, cancelled = occurrences(office_hours, (), D(2026, 12, 18), D(2027, 1, 8))
    assert held_days(held) == [D(2026, 12, 18), D(2027, 1, 8)]
    assert cancelled_days(cancelled) == [
        (D(2026, 12, 25), "closure", "Weihnachtspause"),
        (D(2027, 1, 1), "closure", "Weihnachtspause"),
    ]


def test_single_date_replaces_a_closed_day():
    training = Closure(start=D(2026, 12, 8), end=D(2026, 12, 8), reason="Fortbildung")
    office_hours = counselling(rule("tuesday"), HourRule(start=T(10), end=T(12), date=D(2026, 12, 9)), closures=(training,))
    upcoming = next_dates(office_hours, (), today=D(2026, 12, 1), count=4)
    assert [(o.start.isoformat(), o.rule_index) for o in upcoming] == [
        ("2026-12-01T14:00:00+01:00", 0),
        ("2026-12-09T10:00:00+01:00", 1),
        ("2026-12-15T14:00:00+01:00", 0),
        ("2026-12-22T14:00:00+01:00", 0),
    ]
    _, cancelled = occurrences(office_hours, (), D(2026, 12, 1), D(2026, 12, 31))
    assert cancelled_days(cancelled) == [(D(2026, 12, 8), "closure", "Fortbildung")]


def test_single_date_on_a_closed_day_is_cancelled():
    closed = Closure(start=D(2026, 12, 9), end=D(2026, 12, 9), reason="Umzug")
    office_hours = counselling(HourRule(start=T(10), end=T(12), date=D(2026, 12, 9)), closures=(closed,))
    held, cancelled = occurrences(office_hours, (), D(2026, 12, 1), D(2026, 12, 31))
    assert held == []
    assert cancelled_days(cancelled) == [(D(2026, 12, 9), "closure", "Umzug")]


# --- next_dates -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("office_hours", "today", "count", "horizon_days", "expected"),
    [
        pytest.param(counselling(rule("tuesday")), D(2026, 12, 1), 3, 366,
                     [D(2026, 12, 1), D(2026, 12, 8), D(2026, 12, 15)], id="today-counts"),
        pytest.param(counselling(rule("tuesday")), D(2026, 12, 2), 2, 366,
                     [D(2026, 12, 8), D(2026, 12, 15)], id="from-a-wednesday"),
        pytest.param(counselling(HourRule(start=T(10), end=T(12), date=D(2027, 6, 1))), D(2026, 12, 1), 5, 30,
                     [], id="beyond-the-horizon"),
        pytest.param(counselling(appointment_only=True, how_to_book="Bitte rufen Sie an."), D(2026, 12, 1), 5,
                     366, [], id="appointment-only-without-hours"),
        pytest.param(counselling(rule("tuesday"), appointment_only=True, how_to_book="Bitte rufen Sie an."),
                     D(2026, 12, 1), 5, 366, [], id="appointment-only-ignores-hours"),
        pytest.param(counselling(), D(2026, 12, 1), 5, 366, [], id="no-hours"),
    ],
)  # fmt: skip
def test_next_dates(office_hours, today, count, horizon_days, expected):
    upcoming = next_dates(office_hours, (), today, count=count, horizon_days=horizon_days)
    assert held_days(upcoming) == expected


def test_two_rules_at_the_same_time_give_one_date():
    held, _ = occurrences(counselling(rule("tuesday"), rule("tuesday")), (), D(2026, 12, 1), D(2026, 12, 8))
    assert [(o.start.date(), o.rule_index) for o in held] == [(D(2026, 12, 1), 0), (D(2026, 12, 8), 0)]


def test_an_hour_held_hides_a_cancelled_one_at_the_same_time():
    # The second rule alone would be cancelled on 25 December; the first holds the hour, so a
    # calendar must not get the same UID once as held and once as cancelled.
    office_hours = counselling(rule("friday", on_holidays=True), rule("friday"))
    held, cancelled = occurrences(office_hours, (), D(2026, 12, 25), D(2026, 12, 25))
    assert [(o.start.date(), o.rule_index) for o in held] == [(D(2026, 12, 25), 0)]
    assert cancelled == []


def test_occurrence_carries_rule_details():
    office_hours = counselling(rule("tuesday", walk_in=False, note="mit Dolmetscherin für Russisch"))
    (first,) = next_dates(office_hours, (), D(2026, 12, 1), count=1)
    assert (first.walk_in, first.note, first.rule_index) == (False, "mit Dolmetscherin für Russisch", 0)


# --- wording ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("hour_rule", "expected"),
    [
        (rule("tuesday"), "jeden Dienstag, 14:00–16:00 Uhr, ohne Anmeldung"),
        (rule("thursday", "monday", start=T(9), end=T(12)),
         "jeden Montag und Donnerstag, 9:00–12:00 Uhr, ohne Anmeldung"),
        (rule("friday", "monday", "wednesday", start=T(9), end=T(12)),
         "jeden Montag, Mittwoch und Freitag, 9:00–12:00 Uhr, ohne Anmeldung"),
        (rule("tuesday", weeks_of_month=(3, 1)), "jeden 1. und 3. Dienstag im Monat, 14:00–16:00 Uhr, ohne Anmeldung"),
        (rule("thursday", weeks_of_month=("last",), start=T(16, 30), end=T(18), walk_in=False),
         "jeden letzten Donnerstag im Monat, 16:30–18:00 Uhr, nur mit Anmeldung"),
        (rule("wednesday", weeks_of_month=("last", 2)),
         "jeden 2. und letzten Mittwoch im Monat, 14:00–16:00 Uhr, ohne Anmeldung"),
        (rule("wednesday", every_weeks=2, reference_date=D(2026, 12, 2), start=T(10), end=T(12)),
         "jeden zweiten Mittwoch (alle 2 Wochen), 10:00–12:00 Uhr, ohne Anmeldung"),
        (rule("friday", every_weeks=3, reference_date=D(2026, 11, 6)),
         "alle 3 Wochen am Freitag, 14:00–16:00 Uhr, ohne Anmeldung"),
        (HourRule(start=T(9), end=T(12), date=D(2026, 12, 9)),
         "einmalig am Mittwoch, 9. Dezember 2026, 9:00–12:00 Uhr, ohne Anmeldung"),
        (rule("tuesday", valid_from=D(2027, 1, 1)), "jeden Dienstag, 14:00–16:00 Uhr, ohne Anmeldung, ab 1. Januar 2027"),
        (rule("tuesday", valid_until=D(2026, 12, 31)),
         "jeden Dienstag, 14:00–16:00 Uhr, ohne Anmeldung, bis 31. Dezember 2026"),
        (rule("tuesday", valid_from=D(2026, 3, 1), valid_until=D(2026, 12, 31)),
         "jeden Dienstag, 14:00–16:00 Uhr, ohne Anmeldung, vom 1. März 2026 bis 31. Dezember 2026"),
        (rule("saturday", on_holidays=True, walk_in=False),
         "jeden Samstag, 14:00–16:00 Uhr, nur mit Anmeldung, auch an Feiertagen"),
    ],
)  # fmt: skip
def test_describe_rule(hour_rule, expected):
    assert describe_rule(hour_rule) == expected


@pytest.mark.parametrize(
    ("day", "full", "without_weekday", "short"),
    [
        (D(2026, 12, 9), "Mittwoch, 9. Dezember 2026", "9. Dezember 2026", "Mi, 9. Dez."),
        (D(2027, 3, 1), "Montag, 1. März 2027", "1. März 2027", "Mo, 1. März"),
        (D(2026, 9, 15), "Dienstag, 15. September 2026", "15. September 2026", "Di, 15. Sept."),
        (D(2027, 5, 30), "Sonntag, 30. Mai 2027", "30. Mai 2027", "So, 30. Mai"),
    ],
)
def test_format_day(day, full, without_weekday, short):
    assert format_day(day) == full
    assert format_date(day) == without_weekday
    assert format_day_short(day) == short


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (T(14), T(16), "14:00–16:00 Uhr"),
        (T(9), T(12, 30), "9:00–12:30 Uhr"),
        (dt.datetime(2026, 12, 1, 8, 5, tzinfo=dates.TIMEZONE), dt.datetime(2026, 12, 1, 10, tzinfo=dates.TIMEZONE),
         "8:05–10:00 Uhr"),
    ],
)  # fmt: skip
def test_format_time_range(start, end, expected):
    assert format_time_range(start, end) == expected


# --- schedule_problems ------------------------------------------------------------------

SAME_TUESDAY = "überschneidet sich mit hours[0] (beide dienstags 14:00–16:00 Uhr)"


@pytest.mark.parametrize(
    ("office_hours", "expected"),
    [
        pytest.param(counselling(rule("tuesday", start=T(16), end=T(16))),
                     [("hours[0].end", '"16:00" liegt nicht nach dem Beginn "16:00"')], id="end-equals-start"),
        pytest.param(counselling(rule("tuesday", start=T(14), end=T(9, 30))),
                     [("hours[0].end", '"09:30" liegt nicht nach dem Beginn "14:00"')], id="end-before-start"),
        pytest.param(counselling(rule("tuesday", valid_from=D(2026, 3, 1), valid_until=D(2026, 1, 1))),
                     [("hours[0].valid_until",
                       '"2026-01-01" liegt vor dem Beginn der Gültigkeit ("2026-03-01")')], id="validity-reversed"),
        pytest.param(counselling(rule("wednesday", every_weeks=2, reference_date=D(2026, 12, 8))),
                     [("hours[0].reference_date",
                       '"2026-12-08" ist ein Dienstag, die Regel gilt aber für Mittwoch')], id="reference-weekday"),
        pytest.param(counselling(rule("thursday", "monday", every_weeks=2, reference_date=D(2026, 12, 9))),
                     [("hours[0].reference_date",
                       '"2026-12-09" ist ein Mittwoch, die Regel gilt aber für Montag und Donnerstag')],
                     id="reference-weekday-of-two"),
        pytest.param(counselling(closures=(Closure(D(2026, 12, 5), D(2026, 12, 1), "Urlaub"),)),
                     [("closures[0].until", '"2026-12-01" liegt vor dem Beginn der Schließzeit ("2026-12-05")')],
                     id="closure-reversed"),
        pytest.param(counselling(rule("tuesday"), rule("tuesday")), [("hours[1]", SAME_TUESDAY)],
                     id="weekly-twice"),
        pytest.param(counselling(rule("tuesday"), rule("tuesday", start=T(15), end=T(17), weeks_of_month=(1,))),
                     [("hours[1]",
                       "überschneidet sich mit hours[0] (dienstags 14:00–16:00 Uhr und 15:00–17:00 Uhr)")],
                     id="weekly-and-first-of-month"),
        pytest.param(counselling(rule("thursday", weeks_of_month=("last",)), rule("thursday", weeks_of_month=(4,))),
                     [("hours[1]", "überschneidet sich mit hours[0] (beide donnerstags 14:00–16:00 Uhr)")],
                     id="last-and-fourth"),
        pytest.param(counselling(rule("tuesday", every_weeks=2, reference_date=D(2026, 12, 1)),
                                 rule("tuesday", every_weeks=2, reference_date=D(2026, 12, 15))),
                     [("hours[1]", SAME_TUESDAY)], id="biweekly-same-weeks"),
        pytest.param(counselling(rule("tuesday"), HourRule(start=T(15), end=T(17), date=D(2026, 12, 8))),
                     [("hours[1]", "überschneidet sich mit hours[0] (am 8. Dezember 2026 14:00–16:00 Uhr und "
                                   "15:00–17:00 Uhr)")],
                     id="single-date-in-weekly"),
        pytest.param(counselling(HourRule(start=T(14), end=T(16), date=D(2026, 12, 8)), rule("tuesday")),
                     [("hours[1]", "überschneidet sich mit hours[0] (beide am 8. Dezember 2026 14:00–16:00 Uhr)")],
                     id="weekly-after-single-date"),
        pytest.param(counselling(rule("monday", "tuesday", "thursday"), rule("thursday", "tuesday")),
                     [("hours[1]",
                       "überschneidet sich mit hours[0] (beide dienstags und donnerstags 14:00–16:00 Uhr)")],
                     id="two-shared-weekdays"),
        pytest.param(counselling(rule("tuesday", start=T(16), end=T(16)), rule("tuesday"), rule("tuesday"),
                                 closures=(Closure(D(2026, 12, 5), D(2026, 12, 1), "Urlaub"),)),
                     [("hours[0].end", '"16:00" liegt nicht nach dem Beginn "16:00"'),
                      ("closures[0].until", '"2026-12-01" liegt vor dem Beginn der Schließzeit ("2026-12-05")'),
                      ("hours[2]", "überschneidet sich mit hours[1] (beide dienstags 14:00–16:00 Uhr)")],
                     id="all-problems-together"),
    ],
)  # fmt: skip
def test_schedule_problems(office_hours, expected):
    assert schedule_problems(office_hours) == expected


@pytest.mark.parametrize(
    "office_hours",
    [
        pytest.param(counselling(rule("tuesday"), rule("tuesday", start=T(16), end=T(18))), id="touching-times"),
        pytest.param(counselling(rule("tuesday"), rule("wednesday")), id="different-weekdays"),
        pytest.param(counselling(rule("tuesday", weeks_of_month=(1, 3)), rule("tuesday", weeks_of_month=(2, 4))),
                     id="odd-and-even-weeks-of-month"),
        pytest.param(counselling(rule("thursday", weeks_of_month=("last",)), rule("thursday", weeks_of_month=(3,))),
                     id="last-and-third"),
        pytest.param(counselling(rule("tuesday", every_weeks=2, reference_date=D(2026, 12, 1)),
                                 rule("tuesday", every_weeks=2, reference_date=D(2026, 12, 8))),
                     id="biweekly-alternating"),
        pytest.param(counselling(rule("tuesday", valid_until=D(2026, 12, 31)),
                                 rule("tuesday", valid_from=D(2027, 1, 1))), id="successive-validity"),
        pytest.param(counselling(rule("tuesday"), HourRule(start=T(14), end=T(16), date=D(2026, 12, 9))),
                     id="single-date-on-another-weekday"),
        pytest.param(counselling(rule("tuesday", every_weeks=2, reference_date=D(2026, 12, 1)),
                                 HourRule(start=T(14), end=T(16), date=D(2026, 12, 8))),
                     id="single-date-in-an-off-week"),
        pytest.param(counselling(rule("tuesday", valid_from=D(2027, 1, 1)),
                                 HourRule(start=T(14), end=T(16), date=D(2026, 12, 29))),
                     id="single-date-before-validity"),
        pytest.param(counselling(rule("tuesday", every_weeks=2, reference_date=D(2026, 12, 1)),
                                 closures=(Closure(D(2026, 12, 21), D(2026, 12, 21), "Urlaub"),)),
                     id="sound-rules-and-one-day-closure"),
    ],
)  # fmt: skip
def test_schedule_problems_none(office_hours):
    assert schedule_problems(office_hours) == []


def test_schedule_problems_of_a_record_mapping():
    """The relation checks hand over the schema-valid record, turned into the model."""
    record = {
        "topics": ["buergergeld"],
        "languages": ["de"],
        "hours": [
            {"weekdays": ["tuesday"], "start": "14:00", "end": "16:00"},
            {"weekdays": ["wednesday"], "every_weeks": 2, "reference_date": "2026-12-08", "start": "10:00", "end": "09:00"},
            {"date": "2026-12-08", "start": "15:00", "end": "17:00", "walk_in": False},
            {"weekdays": ["friday"], "start": "14:00", "end": "16:00", "valid_from": "2026-03-01", "valid_until": "2026-01-01"},
        ],
        "closures": [{"from": "2026-12-05", "until": "2026-12-01", "reason": "Urlaub"}],
    }
    assert schedule_problems(counselling_from_record(record)) == [
        ("hours[1].end", '"09:00" liegt nicht nach dem Beginn "10:00"'),
        ("hours[1].reference_date", '"2026-12-08" ist ein Dienstag, die Regel gilt aber für Mittwoch'),
        ("hours[3].valid_until", '"2026-01-01" liegt vor dem Beginn der Gültigkeit ("2026-03-01")'),
        ("closures[0].until", '"2026-12-01" liegt vor dem Beginn der Schließzeit ("2026-12-05")'),
        ("hours[2]", "überschneidet sich mit hours[0] (am 8. Dezember 2026 14:00–16:00 Uhr und 15:00–17:00 Uhr)"),
    ]



def test_fronleichnam_cancels_the_sample_hour_in_crostwitz():
    """Crostwitz (Sorbian, Catholic) counsels on the last Thursday: in 2027 that is Fronleichnam.
    holidays before 0.66 knew no Catholic Fronleichnam for Saxony and kept the hour."""
    dataset, problems, _ = load_dataset(ROOT / "data", TODAY)
    assert problems == []
    office = dataset.offices["bautzen-crostwitz"]
    assert office.address.town == "Crostwitz" and office.counselling.corpus_christi_holiday
    held, cancelled = occurrences(office.counselling, (), D(2027, 5, 1), D(2027, 6, 30))
    assert [(c.start.date(), c.reason) for c in cancelled] == [(D(2027, 5, 27), "Feiertag (Fronleichnam)")]
    assert [o.start.date() for o in held] == [D(2027, 6, 24)]
