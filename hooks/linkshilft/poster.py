"""Printable A4 notices ("Aushang") for an office and for a district, with a QR code to the web page.

Offices hang the notice in their window; the QR code leads to the office page with the current
dates, because the dates printed on paper go out of date. The view models here are plain values
for the templates site_overrides/linkshilft/poster.html and district_poster.html.

The QR code is the one piece of generated markup that a template inserts unescaped. It is safe
because of where it comes from and because it is checked before it is trusted:

- it is drawn by segno from the page URL, which is the configured site_url plus an office or
  district id (ids are checked against the schema pattern [a-z0-9-]); no data text, title or
  description goes into the SVG – segno encodes the URL as black modules, not as text;
- segno's output is matched in full against `_SVG`, which allows exactly one <svg> with a
  viewBox, a white background path and one path of drawing commands made of digits, dots,
  minus signs, spaces and the letters M, m, h, v, z: no other element, no attribute with text,
  no style attribute (the site's Content-Security-Policy forbids inline styles), no script, no
  link. segno's options make it so: no XML declaration or namespace (inline SVG), no size
  (it scales by its viewBox), our own class, no line class, black on a white quiet zone;
- the accessible name is a fixed German text added here, never data.
Anything else raises ValueError and stops the build, instead of inserting unexpected markup.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

import segno
from markupsafe import Markup

from . import model as m
from . import schedule

POSTER_DATES = 4  # a notice hangs for weeks: a few dates, and the QR code for the rest
QR_BORDER = 4  # the quiet zone the QR standard requires, in modules
QR_ERROR = "m"  # 15 % of the code may be dirty or torn; "boost" raises it when the size allows
QR_LABEL = "QR-Code: führt zur Internetseite mit allen Terminen"

_SVG = re.compile(
    r'<svg viewBox="0 0 (?P<size>[0-9]{2,3}) (?P=size)" class="lh-qr">'
    r'<path fill="#fff" d="M0 0h(?P=size)v(?P=size)h-(?P=size)z"/>'
    r'<path stroke="#000" d="[0-9 .Mmhvz-]+"/>'
    r"</svg>"
)
_OPEN_TAG = "<svg "


def display_url(url: str) -> str:
    """An address as people type it from paper: without "https://"."""
    return re.sub(r"^https?://", "", url)


def qr_code(url: str) -> segno.QRCode:
    """The QR code for `url`: always a full QR code (no Micro QR), error level M or better."""
    return segno.make(url, error=QR_ERROR, micro=False, boost_error=True)


def qr_svg(url: str) -> Markup:
    """The QR code for `url` as inline SVG, scalable (viewBox, no size), with a white quiet zone.

    Checked against `_SVG` before it is marked safe; see the module docstring for why this is
    the one place where markup is not escaped.
    """
    code = qr_code(url)
    svg = code.svg_inline(border=QR_BORDER, omitsize=True, svgclass="lh-qr", lineclass=None, dark="#000", light="#fff")
    match = _SVG.fullmatch(svg)
    if match is None or int(match.group("size")) != code.symbol_size(border=QR_BORDER)[0]:
        raise ValueError(f"Unerwartete SVG-Ausgabe von segno für {url!r}; der QR-Code wird nicht eingefügt.")
    labelled = svg.replace(_OPEN_TAG, f'{_OPEN_TAG}role="img" aria-label="{QR_LABEL}" ', 1)
    return Markup(labelled)  # checked above: only numbers and fixed text


def _short_day(start: str) -> str:
    """ "2026-12-01T14:00:00+01:00" -> "Di, 1. Dez.": one line per date in the poster's narrow column."""
    return schedule.format_day_short(dt.datetime.fromisoformat(start).date())


def _site_url(site_url: str) -> str:
    return site_url.rstrip("/") + "/"


def office_poster(office: dict, site_url: str, computed_on: dict) -> dict:
    """The notice for one office, from the office page's view model (pages.PublicSite)."""
    base = _site_url(site_url)
    page_url = f"{base}stellen/{office['id']}/"
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
            for d in office["next_dates"][:POSTER_DATES]
        ],
        "computed_on": computed_on,
        "address": office["address"],
        "accessibility": ", ".join(accessibility),
        "accessibility_notes": office["accessibility_notes"],
        "bring": office["bring"],
        "phone": office["phone"],
        "languages": office["languages"],
        "legal": legal,
        "notes_url": display_url(f"{base}hinweise/"),
        "page_url": page_url,
        "page_url_text": display_url(page_url),
        "qr": qr_svg(page_url),
    }


def district_heading(district: m.District) -> str:
    """ "in Leipzig", "im Landkreis Bautzen", "im Erzgebirgskreis"."""
    return f"in {district.name}" if district.kind == "kreisfreie_stadt" else f"im {district.name}"


def district_poster(district: m.District, offices: Sequence[dict], site_url: str, computed_on: dict) -> dict:
    """The notice for a district: every public office with its rhythm; the QR code leads to the district page."""
    base = _site_url(site_url)
    page_url = f"{base}kreise/{district.id}/"
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
        "notes_url": display_url(f"{base}hinweise/"),
        "page_url": page_url,
        "page_url_text": display_url(page_url),
        "qr": qr_svg(page_url),
    }
