"""Printable A4 notices ("Aushang") for an office and for a district, with a QR code to the web page.

Offices hang the notice in their window; the QR code leads to the office page with the current
dates, because the dates printed on paper go out of date. The view models here are plain values
for the templates site_overrides/linkshilft/poster.html and district_poster.html.

The QR codes come from qr.py, which also says why their markup may be inserted unescaped.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence

from markupsafe import Markup

from linkshilft.public import counts, qr, urls
from linkshilft.records import model as m
from linkshilft.schedule import wording


def display_url(url: str) -> str:
    """An address as people type it from paper: without "https://"."""
    return re.sub(r"^https?://", "", url)


def _short_day(start: str) -> str:
    """ "2026-12-01T14:00:00+01:00" -> "Di, 1. Dez.": one line per date in the poster's narrow column."""
    return wording.format_day_short(dt.datetime.fromisoformat(start).date())


def office_poster(office: dict, site_url: str, computed_on: dict, draw: Callable[[str], Markup] = qr.qr_svg) -> dict:
    """The notice for one office, from the office page's view model (pages.PublicSite).

    `draw` makes the QR code; pages.PublicSite passes qr.QrCodes.svg, drawn ahead in parallel.
    """
    page_url = urls.office_url(site_url, office["id"])
    accessibility = ["Stufenloser Zugang" if office["step_free"] else "Kein stufenloser Zugang"]
    if office["accessible_toilet"]:
        accessibility.append("barrierefreie Toilette")
    legal = office["legal_note"]
    return {
        "title": "Kostenlose Sozialsprechstunde",
        "name": office["name"],
        "kind": office["kind"] + (f" von {office['mp']}" if office["mp"] else ""),
        "status": office["status"],
        "status_label": office["status_label"],
        "rhythms": office["rhythms"],
        "appointment_only": office["appointment_only"],
        "how_to_book": office["how_to_book"],
        "next_dates": [
            {"start": d["start"], "day": _short_day(d["start"]), "time": d["time"], "walk_in": d["walk_in"]}
            for d in office["next_dates"][: counts.POSTER_DATES]
        ],
        "computed_on": computed_on,
        "address": office["address"],
        "accessibility": ", ".join(accessibility),
        "accessibility_notes": office["accessibility_notes"],
        "bring": office["bring"],
        "phone": office["phone"],
        "languages": office["languages"],
        "legal": legal,
        "notes_url": display_url(urls.absolute(site_url, urls.NOTES)),
        "page_url": page_url,
        "page_url_text": display_url(page_url),
        "qr": draw(page_url),
    }


def district_heading(district: m.District) -> str:
    """ "in Leipzig", "im Landkreis Bautzen", "im Erzgebirgskreis"."""
    return f"in {district.name}" if district.kind == "kreisfreie_stadt" else f"im {district.name}"


def district_poster(
    district: m.District, offices: Sequence[dict], site_url: str, computed_on: dict, draw: Callable[[str], Markup] = qr.qr_svg
) -> dict:
    """The notice for a district: every public office with its rhythm; the QR code leads to the district page."""
    page_url = urls.district_url(site_url, district.id)
    return {
        "title": "Kostenlose Sozialsprechstunden",
        "where": district_heading(district),
        "offices": [
            {
                "id": office["id"],
                "name": office["name"],
                "status": office["status"],
                "status_label": office["status_label"],
                "address": office["address"],
                "rhythms": office["rhythms"] or [office["rhythm_summary"]],
                "step_free": office["step_free"],
                "phone": office["phone"],
            }
            for office in offices
        ],
        "computed_on": computed_on,
        "notes_url": display_url(urls.absolute(site_url, urls.NOTES)),
        "page_url": page_url,
        "page_url_text": display_url(page_url),
        "qr": draw(page_url),
    }
