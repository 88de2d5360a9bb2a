"""The dates an office row of the finder carries, compactly, so that its filters choose dates.

The weekday, "next 7 days", "ohne Anmeldung" and language filters of finder.js ask of every
date whether it matches, and a result card shows the first date that does. So each office row
carries its dates of the coming eight weeks (at least its next counts.FINDER_DATES), as a flat list of
three numbers per date:

- the day, counted from the build day ("built" in stellen.json),
- the time, an index into the file's "times" ("15:00-18:00"),
- flags: bit 0 set when the date is without registration; bit 1 + i set when the date is
  counselled in the office's i-th language (its "languages" list).

The Berlin UTC offset of a day is in "zones" ([first day, minutes east of UTC], ...): the
browser may stand in another time zone and needs it to compare a date with now.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from zoneinfo import ZoneInfo

from linkshilft.public import counts
from linkshilft.records import model as m
from linkshilft.schedule import dates

WALK_IN = 1
LANGUAGE_SHIFT = 1  # the language bits follow the walk-in bit
ZONE_DAYS = 400  # the zones table covers every date a row may carry
BERLIN = ZoneInfo("Europe/Berlin")


def office_dates(
    office: m.Office, held: Sequence[dates.Occurrence], today: dt.date, times: list[str]
) -> list[int]:
    """The flat [day, time, flags, ...] list of one office; `times` grows with new time spans."""
    horizon = today + dt.timedelta(days=counts.FINDER_DAYS)
    counselling = office.counselling
    masks: dict[int, int] = {}
    flat: list[int] = []
    for number, occurrence in enumerate(held):
        if occurrence.start.date() > horizon and number >= counts.FINDER_DATES:
            break
        span = f"{occurrence.start:%H:%M}-{occurrence.end:%H:%M}"
        if span not in times:
            times.append(span)
        if occurrence.rule_index not in masks:
            spoken = counselling.languages_at(occurrence.rule_index)
            masks[occurrence.rule_index] = sum(
                1 << i for i, code in enumerate(counselling.languages) if code in spoken
            )
        flags = (WALK_IN if occurrence.walk_in else 0) | masks[occurrence.rule_index] << LANGUAGE_SHIFT
        flat += [(occurrence.start.date() - today).days, times.index(span), flags]
    return flat


def zones(today: dt.date, days: int = ZONE_DAYS) -> list[list[int]]:
    """[[first day, UTC offset in minutes], ...]: one entry at day 0 and one per change."""
    found: list[list[int]] = []
    for day in range(days):
        noon = dt.datetime.combine(today + dt.timedelta(days=day), dt.time(12), BERLIN)
        minutes = int(noon.utcoffset().total_seconds() // 60)
        if not found or found[-1][1] != minutes:
            found.append([day, minutes])
    return found


def decode(flat: Sequence[int], built: dt.date, times: Sequence[str], languages: Sequence[str]) -> list[dict]:
    """The dates of a row as finder.js reads them (for tests and for anyone reading the file)."""
    dates = []
    for i in range(0, len(flat), 3):
        day, time, flags = flat[i : i + 3]
        start, end = times[time].split("-")
        dates.append(
            {
                "day": built + dt.timedelta(days=day),
                "start": start,
                "end": end,
                "walk_in": bool(flags & WALK_IN),
                "languages": [code for n, code in enumerate(languages) if flags >> LANGUAGE_SHIFT & 1 << n],
            }
        )
    return dates
