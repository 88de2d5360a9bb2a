"""The office notices printed by Chromium: one A4 page each, with the title, the office's name and street.

Every public office is printed, so that long names, many rhythms or a long list of what to bring
cannot push the QR code onto a second sheet unnoticed.
"""

from __future__ import annotations

import io

import pytest
from axe_playwright_python.sync_playwright import Axe
from linkshilft.records.pipeline import load_dataset
from pypdf import PdfReader

from tests.browser.conftest import WIDTHS
from tests.support import TODAY

AXE = Axe()
A4_POINTS = (595.3, 841.9)  # 210 × 297 mm; Chromium rounds the paper size to its own units


@pytest.fixture(scope="module")
def offices(sample_plus_escape):
    data, problems, _ = load_dataset(sample_plus_escape, TODAY)
    assert problems == []
    return data.public_offices()


def _printed(page, url: str) -> PdfReader:
    page.goto(url)
    page.emulate_media(media="print")
    return PdfReader(io.BytesIO(page.pdf(format="A4", print_background=True)))


def _text(reader: PdfReader) -> str:
    return " ".join(" ".join(p.extract_text() for p in reader.pages).split())


def test_every_office_notice_prints_on_one_a4_page(server, new_page, offices):
    page = new_page(1280)
    for office in offices:
        reader = _printed(page, f"{server}stellen/{office.id}/aushang/")
        assert len(reader.pages) == 1, office.id
        width, height = (float(v) for v in reader.pages[0].mediabox.upper_right)
        assert abs(width - A4_POINTS[0]) < 2 and abs(height - A4_POINTS[1]) < 2, (width, height)
        text = _text(reader)
        assert "Kostenlose Sozialsprechstunde" in text, office.id
        assert " ".join(office.name.split()) in text, office.id
        assert office.address.street in text, office.id


def test_printed_notice_hides_the_theme_and_keeps_the_qr_code(server, new_page, offices):
    page = new_page(1280)
    text = _text(_printed(page, f"{server}stellen/leipzig-plagwitz/aushang/"))
    assert "Suche" not in text and "Impressum" not in text  # header, search and footer are not printed
    assert "Zurück zur Seite" not in text  # the on-screen hint neither
    assert "sprechstunden.linke-beispiel.de/stellen/leipzig-plagwitz/" in text
    box = page.locator(".lh-sheet__qr svg").bounding_box()
    assert box is not None and box["width"] >= 140  # about 4 cm on paper (96 px per inch)


def test_district_notice_prints_with_every_office(server, new_page, offices):
    page = new_page(1280)
    reader = _printed(page, f"{server}kreise/leipzig/aushang/")
    assert len(reader.pages) <= 2
    text = _text(reader)
    assert "Kostenlose Sozialsprechstunden" in text
    for office in (o for o in offices if o.district == "leipzig"):
        assert " ".join(office.name.split()) in text, office.id


# Phone width in the light scheme, desktop in the dark one: both widths and both schemes, in half the time.
@pytest.mark.parametrize(("width", "scheme"), [(WIDTHS[0], "light"), (WIDTHS[-1], "dark")])
def test_notices_and_open_data_page_have_no_axe_violations(server, new_page, width, scheme):
    for url in ("stellen/leipzig-plagwitz/aushang/", "kreise/leipzig/aushang/", "daten/"):
        page = new_page(width=width, scheme=scheme)
        page.goto(server + url)
        results = AXE.run(page).response
        assert [f"{v['id']}: {[n['target'] for n in v['nodes'][:3]]}" for v in results["violations"]] == [], url


def test_printed_notice_carries_a_line_in_each_language_of_the_counselling(server, new_page):
    page = new_page(1280)
    reader = _printed(page, f"{server}stellen/leipzig-gruenau/aushang/")  # counsels in German, Arabic, English, Russian
    assert len(reader.pages) == 1
    text = _text(reader)
    assert "Консультация на русском" in text and "Advice in English" in text
    arabic = page.locator('.lh-sheet__languages li[lang="ar"]')
    assert arabic.evaluate("node => getComputedStyle(node).direction") == "rtl"
    assert arabic.is_visible()
