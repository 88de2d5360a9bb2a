"""Open data: the public directory as downloads under /daten/ (JSON, CSV and the HSDS export of hsds.py).

What goes in is what the office pages show, nothing more: the public offices (active, planned,
interim), their address, accessibility, the office's own contact, topics, languages, hours and
dates. Never in a download: counsellors' and lawyers' names without their recorded consent,
anything about persons beyond a consented name (roles, languages, consent or agreement dates,
private contact), ids of counsellor or lawyer records (they are made from names), and nothing of
the internal records (data/internal/), which the public site never reads.

Formats, chosen for the people who reuse the data:

- stellen.json: UTF-8, English keys like the YAML files, dates and times in ISO 8601 with the
  UTC offset of Europe/Berlin on that day ("2026-12-01T14:00:00+01:00").
- stellen.csv and termine.csv: for spreadsheets as used in Germany. Excel with German settings
  opens a CSV by double click correctly only if it is separated by semicolons and starts with a
  UTF-8 byte order mark (without it, umlauts turn into "Ã¼"); decimal numbers take a comma
  ("51,3290"), dates and times stay ISO-like ("2026-12-01", "14:00"), which Excel recognises in
  any language setting. Lines end with CRLF (RFC 4180). Written by the one CSV writer
  (tables.py): a text cell starting with = + - @, tab or CR gets a leading apostrophe, so that
  no spreadsheet runs it as a formula (CSV injection).
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from jinja2 import Environment

from linkshilft.exports import hsds, tables
from linkshilft.labels import LANGUAGE_NAMES, QUALIFICATION_LABELS
from linkshilft.public import counts, urls
from linkshilft.public.site import PublicSite
from linkshilft.public.urls import relative_root
from linkshilft.records import model as m
from linkshilft.schedule import dates, wording

FOLDER = urls.OPEN_DATA
MARKER = "<!-- linkshilft:open-data -->"
LICENSE = {
    "id": "CC-BY-4.0",
    "name": "Creative Commons Namensnennung 4.0 International (CC BY 4.0)",
    "url": "https://creativecommons.org/licenses/by/4.0/deed.de",
}
PUBLISHER = "DIE LINKE Sachsen"
TITLE = "Sozialsprechstunden von DIE LINKE Sachsen"


@dataclass(frozen=True)
class Download:
    path: str  # below the site root, e.g. "daten/stellen.csv"
    title: str  # German, for the open data page
    description: str
    content: bytes

    @property
    def name(self) -> str:
        return self.path.rsplit("/", 1)[-1]


def attribution(site_url: str) -> str:
    """The attribution text users of the data are asked to show (CC BY 4.0 requires one)."""
    return f"Quelle: {PUBLISHER}, Links.hilft Sprechstundenfinder, {urls.absolute(site_url, FOLDER)}/ – Lizenz: CC BY 4.0"


@functools.lru_cache(maxsize=2)
def downloads(site: PublicSite) -> tuple[Download, ...]:
    """Every download of the open data page, built once per site (files and page use the same bytes)."""
    site_url = _site_url(site)
    offices = site.data.public_offices()
    json_data = stellen_json(site)
    return (
        Download(
            urls.open_data("stellen.json"),
            "Alle Beratungsstellen (JSON)",
            "Alle öffentlichen Angaben jeder Stelle mit den nächsten Terminen, für Programme.",
            (json.dumps(json_data, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8"),  # compact: the C encoder
        ),
        Download(
            urls.open_data("stellen.csv"),
            "Alle Beratungsstellen (CSV)",
            "Eine Zeile je Stelle, für Tabellenprogramme wie Excel oder LibreOffice.",
            to_csv(OFFICE_COLUMNS, [_office_row(site, office) for office in offices]),
        ),
        Download(
            urls.open_data("termine.csv"),
            "Alle Termine der nächsten acht Wochen (CSV)",
            "Eine Zeile je Termin, auch ausfallende Termine mit Grund.",
            to_csv(DATE_COLUMNS, date_rows(site)),
        ),
        Download(
            urls.open_data(hsds.FILE_NAME),
            "Open-Referral-Format HSDS 3.0 (JSON)",
            "Dieselben Stellen im internationalen Austauschformat für Beratungs- und Hilfsangebote.",
            hsds.export_bytes(site.data, site_url),
        ),
    )


def files(site: PublicSite) -> list[tuple[str, bytes]]:
    return [(download.path, download.content) for download in downloads(site)]


# --- stellen.json -------------------------------------------------------------------------


def _site_url(site: PublicSite) -> str:
    return urls.site_url(site.settings)


def _lawyer(dataset: m.Dataset, office: m.Office) -> str | None:
    lawyer = dataset.lawyers.get(office.counselling.lawyer) if office.counselling.lawyer else None
    if lawyer is None or lawyer.public_name is None:
        return None
    return f"{QUALIFICATION_LABELS[lawyer.qualification]} {lawyer.public_name}"


def _hour(rule: m.HourRule) -> dict:
    def day(value: dt.date | None) -> str | None:
        return value.isoformat() if value else None

    return {
        "description": wording.describe_rule(rule),
        "weekdays": list(rule.weekdays),
        "weeks_of_month": list(rule.weeks_of_month),
        "every_weeks": rule.every_weeks,
        "reference_date": day(rule.reference_date),
        "date": day(rule.date),
        "start": rule.start.strftime("%H:%M"),
        "end": rule.end.strftime("%H:%M"),
        "valid_from": day(rule.valid_from),
        "valid_until": day(rule.valid_until),
        "walk_in": rule.walk_in,
        "on_holidays": rule.on_holidays,
        "note": rule.note,
    }


def office_record(site: PublicSite, office: m.Office) -> dict:
    """One office as in stellen.json: the public page's facts, no data about persons without consent."""
    data, counselling = site.data, office.counselling
    site_url = _site_url(site)
    held, cancelled = site.calendar[office.id]
    horizon = data.today + dt.timedelta(days=counts.OPEN_DATA_DAYS)
    mp = data.mps.get(office.mp) if office.mp else None
    coordinates = office.address.coordinates
    return {
        "id": office.id,
        "name": office.name,
        "kind": office.kind,
        "kind_label": m.KIND_LABELS[office.kind],
        "status": office.status,
        "status_label": m.STATUS_LABELS[office.status],
        "district": {"id": office.district, "name": data.districts[office.district].name},
        "mp": mp.name if mp else None,
        "url": urls.office_url(site_url, office.id),
        "calendar_url": urls.absolute(site_url, urls.office_calendar(office.id)),
        "poster_url": urls.absolute(site_url, urls.office_poster(office.id)),
        "address": {
            "street": office.address.street,
            "postcode": office.address.postcode,
            "town": office.address.town,
            "latitude": coordinates.lat if coordinates else None,
            "longitude": coordinates.lon if coordinates else None,
        },
        "directions": office.directions,
        "accessibility": {
            "step_free": office.accessibility.step_free,
            "accessible_toilet": office.accessibility.accessible_toilet,
            "notes": office.accessibility.notes,
        },
        "contact": {"phone": office.contact.phone, "email": office.contact.email, "website": office.contact.website},
        "topics": [{"id": t, "name": data.topics[t].name} for t in counselling.topics],
        "languages": [{"code": code, "name": LANGUAGE_NAMES.get(code, code)} for code in counselling.languages],
        "counsellors": [data.counsellors[c].public_name for c in counselling.counsellors if data.counsellors[c].public_name],
        "lawyer": _lawyer(data, office),
        "appointment_only": counselling.appointment_only,
        "how_to_book": counselling.how_to_book,
        "hours": [_hour(rule) for rule in counselling.hours],
        "next_dates": [
            {"start": o.start.isoformat(), "end": o.end.isoformat(), "walk_in": o.walk_in, "note": o.note}
            for o in held[: counts.OFFICE_PAGE_DATES]
        ],
        "cancelled_dates": [
            {"start": c.start.isoformat(), "end": c.end.isoformat(), "reason": c.reason}
            for c in cancelled
            if c.start.date() < horizon
        ],
        "bring": list(counselling.bring),
        "checked_on": office.checked_on.isoformat(),
    }


def stellen_json(site: PublicSite) -> dict:
    site_url = _site_url(site)
    return {
        "title": TITLE,
        "publisher": PUBLISHER,
        "generated_on": site.data.today.isoformat(),
        "source": urls.absolute(site_url, f"{FOLDER}/"),
        "license": LICENSE,
        "attribution": attribution(site_url),
        "timezone": dates.TIMEZONE.key,
        "offices": [office_record(site, office) for office in site.data.public_offices()],
    }


# --- CSV ----------------------------------------------------------------------------------


csv_cell = tables.cell  # one writer for every CSV (tables.py)


def to_csv(columns: Sequence[tuple[str, Callable]], rows: Iterable) -> bytes:
    """Columns as (header, value of a row); written by the one CSV writer (tables.py)."""
    return tables.csv_bytes([header for header, _ in columns], ([get(row) for _, get in columns] for row in rows))


def _local(moment: dt.datetime) -> str:
    return moment.astimezone(dates.TIMEZONE).strftime("%Y-%m-%d %H:%M")


def _office_row(site: PublicSite, office: m.Office) -> dict:
    record = office_record(site, office)
    return {**record, "next": record["next_dates"][0]["start"] if record["next_dates"] else None}


OFFICE_COLUMNS: tuple[tuple[str, Callable], ...] = (
    ("Kennung", lambda r: r["id"]),
    ("Name", lambda r: r["name"]),
    ("Art", lambda r: r["kind_label"]),
    ("Stand der Sprechstunde", lambda r: r["status_label"]),
    ("Kreis", lambda r: r["district"]["name"]),
    ("Abgeordnete/r", lambda r: r["mp"]),
    ("Straße", lambda r: r["address"]["street"]),
    ("PLZ", lambda r: r["address"]["postcode"]),
    ("Ort", lambda r: r["address"]["town"]),
    ("Breitengrad", lambda r: r["address"]["latitude"]),
    ("Längengrad", lambda r: r["address"]["longitude"]),
    ("Stufenloser Zugang", lambda r: r["accessibility"]["step_free"]),
    ("Barrierefreie Toilette", lambda r: r["accessibility"]["accessible_toilet"]),
    ("Hinweise zur Barrierefreiheit", lambda r: r["accessibility"]["notes"]),
    ("Anfahrt", lambda r: r["directions"]),
    ("Telefon", lambda r: r["contact"]["phone"]),
    ("E-Mail", lambda r: r["contact"]["email"]),
    ("Internet", lambda r: r["contact"]["website"]),
    ("Themen", lambda r: ", ".join(t["name"] for t in r["topics"])),
    ("Sprachen", lambda r: ", ".join(lang["name"] for lang in r["languages"])),
    ("Sprechzeiten", lambda r: "; ".join(h["description"] for h in r["hours"])),
    ("Nur nach Vereinbarung", lambda r: r["appointment_only"]),
    ("Terminvereinbarung", lambda r: r["how_to_book"]),
    ("Nächster Termin", lambda r: _local(dt.datetime.fromisoformat(r["next"])) if r["next"] else None),
    ("Bitte mitbringen", lambda r: "; ".join(r["bring"])),
    ("Stand geprüft am", lambda r: r["checked_on"]),
    ("Seite", lambda r: r["url"]),
)


def date_rows(site: PublicSite) -> list[dict]:
    """Every consultation hour of the coming counts.OPEN_DATA_DAYS days, held or cancelled, by start time."""
    data, site_url = site.data, _site_url(site)
    horizon = data.today + dt.timedelta(days=counts.OPEN_DATA_DAYS)
    rows = []
    for office in data.public_offices():
        held, cancelled = site.calendar[office.id]
        for item in [*held, *cancelled]:
            if item.start.date() >= horizon:
                continue
            rows.append(
                {
                    "office": office,
                    "district": data.districts[office.district].name,
                    "start": item.start,
                    "end": item.end,
                    "held": not isinstance(item, dates.Cancellation),
                    "reason": getattr(item, "reason", None),
                    "walk_in": item.walk_in,
                    "note": item.note,
                    "url": urls.office_url(site_url, office.id),
                }
            )
    return sorted(rows, key=lambda r: (r["start"], r["office"].address.town, r["office"].name))


DATE_COLUMNS: tuple[tuple[str, Callable], ...] = (
    ("Datum", lambda r: r["start"].date().isoformat()),
    ("Wochentag", lambda r: wording.DAY_NAMES[r["start"].weekday()]),
    ("Beginn", lambda r: r["start"].strftime("%H:%M")),
    ("Ende", lambda r: r["end"].strftime("%H:%M")),
    ("Findet statt", lambda r: r["held"]),
    ("Grund des Ausfalls", lambda r: r["reason"]),
    ("Ohne Anmeldung", lambda r: r["walk_in"]),
    ("Hinweis", lambda r: r["note"]),
    ("Kennung", lambda r: r["office"].id),
    ("Stelle", lambda r: r["office"].name),
    ("Straße", lambda r: r["office"].address.street),
    ("PLZ", lambda r: r["office"].address.postcode),
    ("Ort", lambda r: r["office"].address.town),
    ("Kreis", lambda r: r["district"]),
    ("Beginn (ISO 8601)", lambda r: r["start"].isoformat()),
    ("Ende (ISO 8601)", lambda r: r["end"].isoformat()),
    ("Seite", lambda r: r["url"]),
)


# --- the open data page ---------------------------------------------------------------------


def _size(count: int) -> str:
    """ "12 KB", "1,2 MB": sizes as the page shows them."""
    if count < 1000 * 1000:
        return f"{max(1, round(count / 1000))} KB"
    return f"{count / 1000 / 1000:.1f} MB".replace(".", ",")


def _href(path: str, page_url: str) -> str:
    """A download's address relative to the page: "stellen.csv" on /daten/, "../daten/stellen.csv" elsewhere."""
    folder = page_url if page_url.endswith("/") else page_url.rsplit("/", 1)[0] + "/"
    return path.removeprefix(folder) if folder != "/" and path.startswith(folder) else relative_root(page_url) + path


def fill_open_data(html: str, env: Environment, site: PublicSite, page_url: str) -> str:
    """Replace the open data page's marker with the list of downloads (name, size, counts, build day)."""
    if MARKER not in html:
        return html
    held_dates = [r for r in date_rows(site) if r["held"]]
    context = {
        "downloads": [
            {
                "href": _href(d.path, page_url),
                "name": d.name,
                "title": d.title,
                "description": d.description,
                "size": _size(len(d.content)),
            }
            for d in downloads(site)
        ],
        "office_count": len(site.data.public_offices()),
        "date_count": len(held_dates),
        "generated_on": {"iso": site.data.today.isoformat(), "text": wording.format_date(site.data.today)},
        "attribution": attribution(_site_url(site)),
        "license": LICENSE,
    }
    return html.replace(MARKER, env.get_template("open_data.html").render(context).strip())
