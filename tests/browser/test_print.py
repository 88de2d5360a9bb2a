"""An office page prints on one A4 page, without header, navigation, search and footer."""

from __future__ import annotations

import io
from pathlib import Path

from bs4 import BeautifulSoup
from pypdf import PdfReader


def longest_office(site: Path) -> str:
    """The office page with the most text: if it fits on one page, the others do too."""
    pages = sorted((site / "stellen").glob("*/index.html"))
    assert pages
    text = {
        path.parent.name: len(
            BeautifulSoup(path.read_text("utf-8"), "html.parser").select_one("article").get_text(" ", strip=True)
        )
        for path in pages
    }
    return max(text, key=text.get)


def test_longest_office_page_prints_on_one_a4_page(site, server, new_page):
    office = longest_office(site)
    page = new_page(width=1280)
    page.goto(f"{server}stellen/{office}/")
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4", prefer_css_page_size=True)))
    assert len(pdf.pages) == 1, f"{office}: {len(pdf.pages)} Seiten"
    box = pdf.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4 in points
    text = pdf.pages[0].extract_text()
    name = BeautifulSoup((site / "stellen" / office / "index.html").read_text("utf-8"), "html.parser").select_one("article h1")
    assert name.get_text(strip=True).split()[0] in text
    assert "Nächste Termine" in text
    for screen_only in ("Impressum", "Datenschutz", "Suche", "Zum Inhalt", "Sprechstunde finden"):
        assert screen_only not in text, screen_only
