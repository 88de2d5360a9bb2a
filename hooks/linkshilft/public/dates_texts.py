"""The words linkshilft.js writes on office pages, dates pages and office cards, in the page's language.

The script keeps a page built once a day right until the next build: it moves "Heute"/"Morgen" to
the visitor's day and marks a date that has begun ("läuft gerade, bis 12:00 Uhr"). Its words come,
as the finder's do (finder_texts.py), as a JSON data block the browser does not run (nothing for
the CSP to allow), made from the same catalog "termine" as the labels the build wrote: the script
finds the build's word and puts the visitor's in its place. The end time comes with each date
(`data-until`, wording.format_clock), in the page's clock.
"""

from __future__ import annotations

import datetime as dt

from linkshilft.schedule import wording

BLOCK_ID = "lh-termine-texte"  # read by site_overrides/assets/linkshilft.js
_DAY = dt.date(2026, 1, 1)  # any day: only the distance to it counts


def texts() -> dict[str, str]:
    """The script's words in the active language."""
    return {
        "today": wording.relative_day(_DAY, _DAY) or "",
        "tomorrow": wording.relative_day(_DAY + dt.timedelta(days=1), _DAY) or "",
        "running": wording.running_until(),
    }
