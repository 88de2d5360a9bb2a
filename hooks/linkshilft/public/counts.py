"""How many dates, and how many days ahead, each place of the site shows: one name per place.

Several counts happen to be equal; they keep their own names because they answer different
questions (a notice hangs for weeks, a list card has one line to spare), and changing one must
not change another by accident. Where two places must agree, they share a name: the office
page lists OFFICE_PAGE_DATES dates, and each of them has its own calendar file to download.
"""

from __future__ import annotations

OFFICE_PAGE_DATES = 5  # the office page's "Nächste Termine"; also stellen.json, one .ics each, `linkshilft diff`
OFFICE_CARD_DATES = 3  # an office in a list: the first that has not ended shows, the later ones wait hidden
POSTER_DATES = 4  # a notice hangs for weeks: a few dates, and the QR code for the rest
FINDER_DATES = 3  # a finder row carries at least these, even beyond FINDER_DAYS: hours may end between two builds
FINDER_DAYS = 56  # the finder's filters look at the dates of the coming eight weeks
DATES_PAGE_DAYS = 28  # the "Termine" page and the calendar of all offices: the coming four weeks
OPEN_DATA_DAYS = 56  # termine.csv and the cancellations in stellen.json: the coming eight weeks
CALENDAR_DAYS = 366  # each office's calendar file, and the hours the pages are computed from
NEARBY_OFFICES = 3  # other offices named on an office's page, resting or not
