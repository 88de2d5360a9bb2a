"""Printable A4 notices ("Aushang") for an office and for a district, with a QR code to the web page.

Offices hang the notice in their window; the QR code leads to the office page with the current
dates, because the dates printed on paper go out of date. The view models here are plain values
for the templates site_overrides/linkshilft/poster.html and district_poster.html.

The QR codes come from qr.py, which also says why their markup may be inserted unescaped.

A notice stays German (it hangs in a German street), with one line in each other language the
office counsels in, written in that language ("Консультація українською"), so a passer-by finds
her language at a glance. The line comes from the catalog "termine" where the site has the
language; otherwise the notice names the language as CLDR writes it in itself ("Polski"): no
sentence the site's translators have not written and no one could check.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from markupsafe import Markup

from linkshilft import languages
from linkshilft.public import counts, qr, urls, views
from linkshilft.records import model as m
from linkshilft.schedule import wording


def display_url(url: str) -> str:
    """An address as people type it from paper: without "https://"."""
    return re.sub(r"^https?://", "", url)


def _short_day(start: str) -> str:
    """ "2026-12-01T14:00:00+01:00" -> "Di, 1. Dez.": one line per date in the poster's narrow column."""
    return wording.format_day_short(dt.datetime.fromisoformat(start).date())


@dataclass(frozen=True)
class LanguageLine:
    text: str
    lang: str
    direction: str  # "ltr" or "rtl", for the line's dir


def language_lines(codes: Sequence[str]) -> tuple[LanguageLine, ...]:
    """One line in each language of `codes` but German, in that language (see the module's text)."""
    lines = []
    for code in codes:
        if code == languages.SOURCE:
            continue
        try:
            language = languages.language(code)
        except (ValueError, LookupError):  # a code CLDR does not know: no line rather than a wrong one
            continue
        if languages.has_catalogs(code):  # a counselling language may have no catalog: its own name then
            with languages.active(code):
                text = wording.counselling_line()
        else:
            name = languages.endonym(code)
            text = name[:1].upper() + name[1:]  # a line of its own begins with a capital
        lines.append(LanguageLine(text, code, language.direction))
    return tuple(lines)


@dataclass(frozen=True)
class PosterDate:
    start: str
    day: str  # "Di, 1. Dez.": one line per date in the notice's narrow column
    time: str
    walk_in: bool


@dataclass(frozen=True)
class OfficePoster:
    title: str
    name: str
    kind: str  # "Bürgerbüro von …, Mitglied des Sächsischen Landtags"
    status: str
    status_label: str
    rhythms: tuple[str, ...]
    appointment_only: bool
    how_to_book: str | None
    next_dates: tuple[PosterDate, ...]
    computed_on: views.Day
    address: views.Address
    accessibility: str
    accessibility_notes: str | None
    bring: tuple[str, ...]
    phone: str | None
    languages: tuple[str, ...]
    language_lines: tuple[LanguageLine, ...]
    legal: str | None
    notes_url: str
    page_url: str
    page_url_text: str
    qr: Markup


@dataclass(frozen=True)
class PosterOffice:
    """An office on its district's notice."""

    id: str
    name: str
    status: str
    status_label: str
    address: views.Address
    rhythms: tuple[str, ...]
    step_free: bool
    phone: str | None
    language_lines: tuple[LanguageLine, ...]


@dataclass(frozen=True)
class DistrictPoster:
    title: str
    where: str
    offices: tuple[PosterOffice, ...]
    computed_on: views.Day
    notes_url: str
    page_url: str
    page_url_text: str
    qr: Markup


def office_poster(
    office: views.OfficeView, site_url: str, computed_on: views.Day, draw: Callable[[str], Markup] = qr.qr_svg
) -> OfficePoster:
    """The notice for one office, from the office page's view model (views.OfficeView).

    `draw` makes the QR code; site.PublicSite passes qr.placeholder, filled in with codes drawn ahead in parallel.
    """
    page_url = urls.office_url(site_url, office.id)
    accessibility = ["Stufenloser Zugang" if office.step_free else "Kein stufenloser Zugang"]
    if office.accessible_toilet:
        accessibility.append("barrierefreie Toilette")
    return OfficePoster(
        title="Kostenlose Sozialsprechstunde",
        name=office.name,
        kind=office.kind + (f" von {office.mp}" if office.mp else ""),
        status=office.status,
        status_label=office.status_label,
        rhythms=office.rhythms,
        appointment_only=office.appointment_only,
        how_to_book=office.how_to_book,
        next_dates=tuple(
            PosterDate(d.start, _short_day(d.start), d.time, d.walk_in) for d in office.next_dates[: counts.POSTER_DATES]
        ),
        computed_on=computed_on,
        address=office.address,
        accessibility=", ".join(accessibility),
        accessibility_notes=office.accessibility_notes,
        bring=office.bring,
        phone=office.phone,
        languages=office.languages,
        language_lines=language_lines(office.language_codes),
        legal=office.legal_note,
        notes_url=display_url(urls.absolute(site_url, urls.NOTES)),
        page_url=page_url,
        page_url_text=display_url(page_url),
        qr=draw(page_url),
    )


def district_heading(district: m.District) -> str:
    """ "in Leipzig", "im Landkreis Bautzen", "im Erzgebirgskreis"."""
    return f"in {district.name}" if district.kind == "kreisfreie_stadt" else f"im {district.name}"


def district_poster(
    district: m.District,
    offices: Sequence[views.OfficeView],
    site_url: str,
    computed_on: views.Day,
    draw: Callable[[str], Markup] = qr.qr_svg,
) -> DistrictPoster:
    """The notice for a district: every public office with its rhythm; the QR code leads to the district page."""
    page_url = urls.district_url(site_url, district.id)
    return DistrictPoster(
        title="Kostenlose Sozialsprechstunden",
        where=district_heading(district),
        offices=tuple(
            PosterOffice(
                id=office.id,
                name=office.name,
                status=office.status,
                status_label=office.status_label,
                address=office.address,
                rhythms=office.rhythms or (office.rhythm_summary,),
                step_free=office.step_free,
                phone=office.phone,
                language_lines=language_lines(office.language_codes),
            )
            for office in offices
        ),
        computed_on=computed_on,
        notes_url=display_url(urls.absolute(site_url, urls.NOTES)),
        page_url=page_url,
        page_url_text=display_url(page_url),
        qr=draw(page_url),
    )
