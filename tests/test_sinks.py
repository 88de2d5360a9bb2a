"""One escaping function per output format (linkshilft/sinks.py), each fed hostile text."""

from __future__ import annotations

import csv
import io
import json
from html.parser import HTMLParser
from types import SimpleNamespace

import pytest
import yaml
from bs4 import BeautifulSoup
from linkshilft import sinks
from linkshilft.internal import charts
from linkshilft.public.search_index import office_entry
from linkshilft.public.site import GeneratedPage

HOSTILE = [
    "<script>alert(1)</script>",
    '"><svg onload=alert(1)>',
    "'><img src=x onerror=alert(1)>",
    "</script><script>alert(1)</script>",
    "javascript:alert(1)",
    "{{ 7*7 }} {% raw %}",
    "[x](javascript:alert(1)) <b>fett</b>",
    "]]> <!-- &amp; &lt;",
    "Büro \"Mitte\" & 'Co'",
]
CONTROLS = "\x00\x07\x0b\x0c\x1b\x7f\x85\u2028\u2029"


class Elements(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, list]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))


def elements(markup: str) -> list[tuple[str, list]]:
    parser = Elements()
    parser.feed(markup)
    parser.close()
    return parser.tags


@pytest.mark.parametrize("text", HOSTILE)
def test_theme_html_gives_text_in_element_and_attribute(text):
    value = sinks.theme_html(text)
    page = f'<title>{value}</title><meta name="description" content="{value}"><h1 title="{value}">{value}</h1>'
    assert [tag for tag, _ in elements(page)] == ["title", "meta", "h1"]
    soup = BeautifulSoup(page, "html.parser")
    assert soup.title.get_text() == text and soup.h1.get_text() == text
    assert soup.meta["content"] == text and soup.h1["title"] == text


def test_theme_html_is_one_line_without_control_characters():
    assert sinks.theme_html(f"A{CONTROLS}\nB\tC") == "A B C"


@pytest.mark.parametrize("text", HOSTILE)
def test_search_html_is_text_when_inserted_as_html(text):
    office = SimpleNamespace(  # the fields of views.OfficeView that the entry reads
        id="x",
        name=text,
        address=SimpleNamespace(street=text, postcode="04109", town=text),
        district_name=text,
        rhythm_summary=text,
        topics=(SimpleNamespace(name=text),),
        languages=("Deutsch", text),
    )
    entry = office_entry(office)
    for key in ("title", "text"):
        assert elements(f"<h1>{entry[key]}</h1>") == [("h1", [])]  # innerHTML makes no element
        assert text in BeautifulSoup(entry[key], "html.parser").get_text()


@pytest.mark.parametrize("text", HOSTILE)
def test_script_json_cannot_end_or_change_its_script_element(text):
    value = {"name": text, "list": [text, 1]}
    block = f'<script type="application/ld+json">{sinks.script_json(value)}</script><p>nach</p>'
    soup = BeautifulSoup(block, "html.parser")
    assert [e.name for e in soup.find_all(True)] == ["script", "p"]
    assert json.loads(soup.script.string) == value
    assert not {"<", ">", "&", "\u2028"} & set(str(sinks.script_json(value)))


@pytest.mark.parametrize("text", [*HOSTILE, "a;b,c\\d\r\ne\nf\rg", f"x{CONTROLS}y"])
def test_ical_text_escapes_per_rfc_5545_and_drops_control_characters(text):
    value = sinks.ical_text(text)
    assert not any(ord(c) < 32 or 0x7F <= ord(c) <= 0x9F or c in "\u2028\u2029" for c in value)
    # Unescaping (RFC 5545 3.3.11) gives the text back, without its control characters.
    unescaped, i = [], 0
    while i < len(value):
        if value[i] == "\\":
            unescaped.append("\n" if value[i + 1] in "nN" else value[i + 1])
            i += 2
        else:
            assert value[i] not in ";,", value  # unescaped separators would split the value
            unescaped.append(value[i])
            i += 1
    expected = sinks.plain(text).replace("\r\n", "\n").replace("\r", "\n")
    assert "".join(unescaped) == expected


@pytest.mark.parametrize("text", ["=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1", *HOSTILE])
def test_csv_text_never_starts_a_formula(text):
    value = sinks.csv_text(text)
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";").writerow([value])
    (read,) = csv.reader(io.StringIO(buffer.getvalue()), delimiter=";")
    assert read == [value]
    assert not value.startswith(("=", "+", "-", "@", "\t", "\r"))
    assert value == (f"'{text}" if text[0] in "=+-@\t\r" else text)


def test_csv_text_drops_control_characters_but_keeps_line_breaks():
    assert sinks.csv_text(f"a{CONTROLS}\nb") == "a\nb"


@pytest.mark.parametrize("text", HOSTILE)
def test_svg_text_is_text_in_svg(text):
    svg = f'<svg xmlns="http://www.w3.org/2000/svg"><text aria-label="{sinks.svg_text(text)}">{sinks.svg_text(text)}</text></svg>'
    soup = BeautifulSoup(svg, "html.parser")
    assert [e.name for e in soup.find_all(True)] == ["svg", "text"]
    assert soup.find("text").get_text() == text and soup.find("text")["aria-label"] == text


@pytest.mark.parametrize("text", HOSTILE)
def test_generated_page_meta_reaches_the_theme_as_escaped_html(text):
    """The theme prints page.meta.title and .description unescaped: the front matter holds HTML."""
    page = GeneratedPage("stellen/x.md", text, f"Beschreibung {text}", "office.html")
    meta = yaml.safe_load(page.markdown.strip().strip("-"))
    assert meta["title"] == sinks.theme_html(text)
    assert meta["description"] == sinks.theme_html(f"Beschreibung {text}")


@pytest.mark.parametrize("text", HOSTILE)
def test_internal_charts_show_hostile_labels_as_text(text):
    svg = str(charts.bar_chart("c1", text, [(text, 3), ("b", 1)]))
    svg += str(charts.stacked_bars("c2", text, [(text, [1, 2])], [charts.Series("working", text), charts.Series("none", "x")]))
    svg += str(charts.office_map("c3", text, [(51.3, 12.4, "working", text)], [charts.Series("working", text)]))
    soup = BeautifulSoup(f"<div>{svg}</div>", "html.parser")
    assert {e.name for e in soup.div.find_all(True)} <= {"svg", "title", "desc", "text", "rect", "g", "line", "circle", "path"}
    assert not [e for e in soup.find_all(True) if any(a.startswith("on") for a in e.attrs)]
    assert text in [t.get_text() for t in soup.find_all("text")]
