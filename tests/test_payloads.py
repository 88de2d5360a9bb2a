"""Attacks in every free-text field of every public record kind and in the Impressum settings are
inert in every output of one strict build (conftest.payload_build, data from tests/payloads.py).

Judged by an HTML parser here (no element or attribute made from data, only the theme's script
hashes in each policy) and by Chromium in tests/browser/test_payloads_browser.py.
"""

from __future__ import annotations

import csv
import io
import json
import re
from importlib.util import find_spec
from pathlib import Path

import icalendar
import pytest
from bs4 import BeautifulSoup
from linkshilft.public import csp

from tests.payloads import KINDS, free_text_fields, marker

# The theme's inline scripts: Material's and the site's own (site_overrides/, e.g. the class "js" in the head).
THEME_SCRIPTS = (
    Path(find_spec("material").origin).parent / "templates" / "partials" / "javascripts",
    Path(__file__).resolve().parents[1] / "site_overrides" / "partials" / "javascripts",
)
SCRIPT_ELEMENTS_OF_DATA = {"x-payload", "img", "iframe", "b"}  # elements only a payload would make


@pytest.fixture(scope="module")
def built(payload_build):
    return payload_build


@pytest.fixture(scope="module")
def pages(built) -> dict[str, BeautifulSoup]:
    site = built[0]
    files = sorted(site.rglob("*.html"))
    return {p.relative_to(site).as_posix(): BeautifulSoup(p.read_text("utf-8"), "html.parser") for p in files}


def test_every_free_text_field_of_every_public_kind_and_every_impressum_text_holds_a_payload(built):
    _, _, filler = built
    expected = {(kind, name) for kind in KINDS.values() for name in free_text_fields(kind)}
    assert expected <= filler.filled, expected - filler.filled
    settings = {name for kind, name in filler.filled if kind == "mkdocs.yml"}
    assert {"provider", "represented_by", "name", "street", "town", "address", "register", "vat_id"} <= settings


def test_no_page_has_an_element_or_attribute_made_from_data(pages):
    assert len(pages) > 15
    for name, soup in pages.items():
        for element in soup.find_all(True):
            assert element.name not in SCRIPT_ELEMENTS_OF_DATA, (name, str(element)[:200])
            assert "data-payload" not in element.attrs, (name, str(element)[:200])
            assert not [a for a in element.attrs if a.startswith("on")], (name, str(element)[:200])
            for attribute in ("href", "src", "action"):
                assert not str(element.get(attribute, "")).strip().lower().startswith("javascript:"), (name, element)
        for script in soup.find_all("script"):
            assert "alert(" not in (script.string or "") or script.get("type") == "application/ld+json", name
        for script in soup.find_all("script", type="application/ld+json"):
            json.loads(script.string)  # still one JSON value: nothing broke out of it


def test_every_value_reaches_the_pages_as_the_very_text_it_is(built, pages):
    """Escaped once, not twice, not evaluated: `{{ 7*7 }}` stays, `&amp;` stays `&amp;` as text."""
    _, _, filler = built
    shown = "\n".join(soup.get_text(" ") + " ".join(str(v) for e in soup.find_all(True) for v in e.attrs.values())
                      for soup in pages.values())
    raw = "\n".join(str(soup) for soup in pages.values())
    on_pages = [value for value in filler.values if f"{marker(value)} " in raw]
    assert len(on_pages) >= len(filler.values) - 3  # a few fields show only in open data (constituency)
    assert [value for value in on_pages if value not in shown] == []
    assert "49" not in re.findall(r"P\d\d (\S+)", shown)


def test_every_policy_lists_only_the_hashes_of_the_theme_scripts(built, pages):
    scope = "/"  # hooks/main.py sets extra.scope to the path of site_url
    templates = [
        p.read_text("utf-8").replace("{{ config.extra.scope | d(base_url) }}", scope)
        for folder in THEME_SCRIPTS
        for p in folder.glob("*.html")
    ]
    known = csp.known_hashes(re.sub(r"{%.*?%}", "", text) for text in templates)
    for name, soup in pages.items():
        meta = soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})
        script_src = dict(part.split(maxsplit=1) for part in meta["content"].split("; "))["script-src"].split()
        assert script_src[0] == "'self'" and set(script_src[1:]) <= known and script_src[1:], name
        assert csp.secure(str(soup), known)[1] == [], name


def test_search_entries_are_text_when_material_inserts_them(built):
    docs = json.loads((built[0] / "search" / "search_index.json").read_text("utf-8"))["docs"]
    kept = {"p", "code", "pre", "li", "ol", "ul", "sub", "sup"}  # what Material's own plugin keeps
    texts = ""
    for doc in docs:
        for key in ("title", "text"):
            soup = BeautifulSoup(f"<div>{doc[key]}</div>", "html.parser")
            assert {e.name for e in soup.div.find_all(True)} <= kept, doc
            texts += soup.get_text() + "\n"
    assert sum(value in texts for value in built[2].values) >= 10


def test_open_data_and_finder_data_hold_the_values_unchanged(built):
    site, _, filler = built
    raw = "\n".join(
        json.dumps(json.loads((site / path).read_text("utf-8")), ensure_ascii=False)
        for path in ("daten/stellen.json", "daten/hsds.json", "finder/stellen.json")
    )
    for value in filler.values:
        if value.split(" ", 1)[0] in raw:
            assert json.dumps(value, ensure_ascii=False)[1:-1] in raw, value
    finder = json.dumps(json.loads((site / "finder" / "stellen.json").read_text("utf-8")), ensure_ascii=False)
    assert any(json.dumps(value, ensure_ascii=False)[1:-1] in finder for value in filler.values)


@pytest.mark.parametrize("name", ["stellen.csv", "termine.csv"])
def test_csv_cells_never_start_a_formula(built, name):
    text = (built[0] / "daten" / name).read_bytes().decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    cells = [cell for row in rows[1:] for cell in row]
    assert any(cell.startswith("'=1+1") or "P" in cell for cell in cells)
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "@", "\t", "\r") or re.match(r"-\D", cell)]


def test_calendars_escape_per_rfc_5545_and_hold_the_values(built):
    site, _, filler = built
    files = sorted(Path(site).rglob("*.ics"))
    assert len(files) >= 2
    with_values = 0
    for path in files:
        data = path.read_bytes()
        assert not re.search(rb"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", data), path
        assert not re.search(rb"(?<!\r)\n", data), path  # every line ends in CRLF
        calendar = icalendar.Calendar.from_ical(data)
        texts = [str(event.get(key, "")) for event in calendar.walk("VEVENT") for key in ("SUMMARY", "DESCRIPTION", "LOCATION")]
        joined = "\n".join(texts)
        with_values += any(v in joined for v in filler.values)  # values come back whole after unescaping
    assert with_values >= 2
