"""Every address of the public site, in one place: pages, notices, calendars, finder and open data.

An office's address is printed on notices as a QR code and subscribed to in calendar programs,
so it must be the same wherever it is made: the office page, its notice, the calendar files,
stellen.json, the HSDS export and the search index all ask here.

Paths are relative to the site root and end in "/" for pages ("stellen/leipzig-plagwitz/"),
as MkDocs' directory URLs make them; `absolute` puts the configured site_url in front. The
`*_source` functions name the Markdown file MkDocs generates such a page from. The templates
link with `root` (the page's way up to the site root) and these same paths.
"""

from __future__ import annotations

from collections.abc import Mapping

OFFICES = "stellen"
DISTRICTS = "kreise"
TOPICS = "themen"
DATES = "termine"
OPEN_DATA = "daten"  # the open data downloads (exports/open_data.py)
FINDER = "finder"  # the finder's data files (public/finder.py)
NOTES = "hinweise/"  # the page of hints printed on every notice
POSTER = "aushang"  # an office's or district's printable notice, below its page
CALENDAR = "termine.ics"  # an office's calendar beside its page; at the root, all offices' coming weeks
ALL_DATES_CALENDAR = CALENDAR


def site_url(settings: Mapping) -> str:
    """The configured site address with one closing "/", or "/" while the site has none."""
    return base(f"{settings.get('site_url') or '/'}")


def base(site_url: str) -> str:
    """`site_url` with exactly one closing "/", so that paths follow it directly."""
    return site_url.rstrip("/") + "/"


def absolute(site_url: str, path: str) -> str:
    return base(site_url) + path


# --- pages -------------------------------------------------------------------------------


def office(office_id: str) -> str:
    return f"{OFFICES}/{office_id}/"


def office_poster(office_id: str) -> str:
    return f"{office(office_id)}{POSTER}/"


def office_calendar(office_id: str) -> str:
    return f"{office(office_id)}{CALENDAR}"


def single_date(office_id: str, file_name: str) -> str:
    """One date's calendar file beside the office's termine.ics (calendars.single_date_name)."""
    return f"{office(office_id)}{file_name}"


def district(district_id: str) -> str:
    return f"{DISTRICTS}/{district_id}/"


def district_poster(district_id: str) -> str:
    return f"{district(district_id)}{POSTER}/"


def topic(topic_id: str) -> str:
    return f"{TOPICS}/{topic_id}/"


def open_data(file_name: str) -> str:
    return f"{OPEN_DATA}/{file_name}"


def finder(file_name: str) -> str:
    return f"{FINDER}/{file_name}"


# --- the same addresses absolute, as printed and exported ------------------------------------


def office_url(site_url: str, office_id: str) -> str:
    """The office page an office's notice leads to (its QR code and printed address)."""
    return absolute(site_url, office(office_id))


def district_url(site_url: str, district_id: str) -> str:
    """The district page a district's notice leads to."""
    return absolute(site_url, district(district_id))


# --- the Markdown files MkDocs makes the generated pages from --------------------------------


def office_source(office_id: str) -> str:
    return f"{OFFICES}/{office_id}.md"


def office_poster_source(office_id: str) -> str:
    return f"{OFFICES}/{office_id}/{POSTER}.md"


def district_source(district_id: str) -> str:
    return f"{DISTRICTS}/{district_id}.md"


def district_poster_source(district_id: str) -> str:
    return f"{DISTRICTS}/{district_id}/{POSTER}.md"


def topic_source(topic_id: str) -> str:
    return f"{TOPICS}/{topic_id}.md"


def dates_source(district_id: str | None = None) -> str:
    """ "termine.md", or past FULL_LIST_MAX offices one page per district: "termine/leipzig.md"."""
    return f"{DATES}/{district_id}.md" if district_id else f"{DATES}.md"


DISTRICTS_SOURCE = f"{DISTRICTS}/index.md"
TOPICS_SOURCE = f"{TOPICS}/index.md"


def relative_root(page_url: str) -> str:
    """'stellen/x/' -> '../../'; '' -> ''. With directory URLs every page is a folder."""
    depth = page_url.strip("/").count("/") + 1 if page_url.strip("/") else 0
    if page_url and not page_url.endswith("/"):
        depth -= 1
    return "../" * depth
