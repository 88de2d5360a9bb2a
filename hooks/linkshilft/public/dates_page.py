"""The "Alle Termine" page: every consultation hour of the coming weeks, day by day.

Past pages.FULL_LIST_MAX offices one page would be megabytes (4 MB of HTML at 5,000 offices),
so the page then names the districts and each district gets its own page of dates.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

from linkshilft.schedule import dates, wording


def dates_by_day(
    calendar: Mapping[str, tuple[list[dates.Occurrence], list]],
    offices: Mapping[str, dict],
    today: dt.date,
    days: int,
    office_ids: Iterable[str] | None = None,
) -> list[dict]:
    """The held hours of `days` days from `today` on, by day, for the offices `office_ids` (default all).

    `offices` are the office views of pages.PublicSite; `calendar` their (held, cancelled) hours.
    """
    last_day = today + dt.timedelta(days=days - 1)
    by_day: dict[dt.date, list[dict]] = {}
    for office_id in calendar if office_ids is None else office_ids:
        office = offices[office_id]
        for occurrence in calendar[office_id][0]:
            day = occurrence.start.date()
            if day > last_day:
                break
            by_day.setdefault(day, []).append(
                {
                    "start": occurrence.start.isoformat(),
                    "end": occurrence.end.isoformat(),
                    "time": wording.format_time_range(occurrence.start, occurrence.end),
                    "office": office,
                    "walk_in": occurrence.walk_in,
                }
            )
    return [
        {
            "iso": day.isoformat(),
            "text": wording.format_day(day),
            "relative": {0: "Heute", 1: "Morgen"}.get((day - today).days),
            "entries": sorted(entries, key=lambda e: (e["start"], e["office"]["address"]["town"], e["office"]["name"])),
        }
        for day, entries in sorted(by_day.items())
    ]
