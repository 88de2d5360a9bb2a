"""The "Alle Termine" page: every consultation hour of the coming weeks, day by day.

Past site.FULL_LIST_MAX offices one page would be megabytes (4 MB of HTML at 5,000 offices),
so the page then names the districts and each district gets its own page of dates.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from linkshilft.public import views
from linkshilft.schedule import dates, wording


@dataclass(frozen=True)
class DateEntry:
    start: str
    end: str
    time: str
    office: views.OfficeView
    walk_in: bool


@dataclass(frozen=True)
class DatesDay:
    iso: str
    text: str
    relative: str | None  # "Heute", "Morgen"
    entries: tuple[DateEntry, ...]  # by start, then town and name of the office


def dates_by_day(
    calendar: Mapping[str, tuple[list[dates.Occurrence], list]],
    offices: Mapping[str, views.OfficeView],
    today: dt.date,
    days: int,
    office_ids: Iterable[str] | None = None,
) -> list[DatesDay]:
    """The held hours of `days` days from `today` on, by day, for the offices `office_ids` (default all).

    `offices` are the offices' views; `calendar` their (held, cancelled) hours.
    """
    last_day = today + dt.timedelta(days=days - 1)
    by_day: dict[dt.date, list[DateEntry]] = {}
    for office_id in calendar if office_ids is None else office_ids:
        office = offices[office_id]
        for occurrence in calendar[office_id][0]:
            day = occurrence.start.date()
            if day > last_day:
                break
            start, end = occurrence.start, occurrence.end
            time = wording.format_time_range(start, end)
            by_day.setdefault(day, []).append(DateEntry(start.isoformat(), end.isoformat(), time, office, occurrence.walk_in))
    return [
        DatesDay(
            day.isoformat(),
            wording.format_day(day),
            views.relative_day(day, today),
            tuple(sorted(entries, key=lambda e: (e.start, e.office.address.town, e.office.name))),
        )
        for day, entries in sorted(by_day.items())
    ]
