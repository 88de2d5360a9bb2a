"""The finder's JavaScript and the Python package agree: one file of examples, both sides check each.

tests/contract/finder_examples.json holds what both must answer alike: place names normalised
for the search, distances and their wording, the bits of an office's flags, the directions link
and the date wording of a result card. finder.js and finder-words.js run in Node
(tests/contract/finder_side.js loads them as the browser does); the Python answers come from
finder.py, geo.py, way.py and schedule/wording.py. A change on one side only fails here.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import gettext
import json
import shutil

import pytest
from babel.dates import format_skeleton
from babel.units import format_unit
from linkshilft import geo, languages
from linkshilft.public import finder, finder_texts, way
from linkshilft.records import model as m
from linkshilft.schedule import wording

from tests.support import ROOT, TODAY, make_office, run

CONTRACT = ROOT / "tests" / "contract"
EXAMPLES = json.loads((CONTRACT / "finder_examples.json").read_text("utf-8"))
RELATIVE_DAYS = ("Heute, ", "Morgen, ")  # finder.js only: the office pages show no relative days


@pytest.fixture(scope="module")
def js(tmp_path_factory) -> dict:
    """finder.js's answers to every example, with the words the start page of each language carries."""
    node = shutil.which("node")
    if node is None:
        pytest.fail("Node.js fehlt: die Vertragstests führen finder.js mit node aus (apt-get install nodejs)")
    codes = ["de", *(example["lang"] for example in EXAMPLES["languages"])]
    words = tmp_path_factory.mktemp("texts") / "texts.json"
    words.write_text(json.dumps({code: finder_texts.texts(code) for code in codes}, ensure_ascii=False), "utf-8")
    # dateText compares with the visitor's local day, as a browser in Saxony does.
    result = run([node, str(CONTRACT / "finder_side.js"), str(words)], env={"TZ": "Europe/Berlin"})
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_every_kind_of_example_has_examples():
    kinds = ("normalise", "distances", "km_text", "flags", "routes", "dates", "languages")
    assert all(len(EXAMPLES[kind]) >= 2 for kind in kinds)


# --- normalising what people type ---------------------------------------------------------------


def test_normalise_in_python():
    assert [finder.normalise(text) for text, _ in EXAMPLES["normalise"]] == [key for _, key in EXAMPLES["normalise"]]


def test_normalise_in_javascript(js):
    assert js["normalise"] == [key for _, key in EXAMPLES["normalise"]]


# --- distances and their wording ----------------------------------------------------------------


def test_distances_in_python():
    for example in EXAMPLES["distances"]:
        km = geo.distance_km(tuple(example["from"]), tuple(example["to"]))
        assert km == pytest.approx(example["km"], abs=5e-5), example
        assert geo.format_km(km) == example["text"], example
    assert [geo.format_km(km) for km, _ in EXAMPLES["km_text"]] == [text for _, text in EXAMPLES["km_text"]]


def test_distances_in_javascript(js):
    for example, answer in zip(EXAMPLES["distances"], js["distances"], strict=True):
        assert answer["km"] == pytest.approx(example["km"], abs=5e-5), example
        assert answer["text"] == example["text"], example
    assert js["km_text"] == [text for _, text in EXAMPLES["km_text"]]


# --- an office's flags ----------------------------------------------------------------------------


def flags_in_python(example: dict) -> int:
    hours = tuple(m.HourRule(start=dt.time(9), end=dt.time(11), weekdays=("monday",), walk_in=w) for w in example["walk_in"])
    office = make_office(hours=hours, appointment_only=example["appointment_only"])
    office = dataclasses.replace(office, accessibility=m.Accessibility(step_free=example["step_free"]))
    location = geo.Location((51.33, 12.34), "postcode" if example["at_postcode_centre"] else "address")
    index = finder.office_rows([office], {}, {office.id: location}, TODAY)
    return index["offices"][0][index["fields"].index("flags")]


def test_flags_in_python():
    assert {name: getattr(finder, name) for name in EXAMPLES["flag_bits"]} == EXAMPLES["flag_bits"]
    assert [flags_in_python(example) for example in EXAMPLES["flags"]] == [example["bits"] for example in EXAMPLES["flags"]]


def test_flags_in_javascript(js):
    assert js["flag_bits"] == EXAMPLES["flag_bits"]
    assert js["facts"] == [example["facts"] for example in EXAMPLES["flags"]]


# --- the way there --------------------------------------------------------------------------------


def test_route_links_in_python():
    for example in EXAMPLES["routes"]:
        # Located at the centre of its postcode area: the office has no coordinates of its own.
        own = None if example["at_postcode_centre"] else m.Coordinates(example["lat"], example["lon"])
        office = make_office(coordinates=own, postcode=example["postcode"])
        address = dataclasses.replace(office.address, street=example["street"], town=example["town"])
        office = dataclasses.replace(office, address=address)
        assert way.route_url(office) == example["url"], example


def test_route_links_in_javascript(js):
    assert js["routes"] == [example["url"] for example in EXAMPLES["routes"]]


# --- date wording -------------------------------------------------------------------------------


def test_date_wording_in_python():
    assert [day.lower() for day in wording.DAY_ABBREVIATIONS] == EXAMPLES["weekday_keys"]
    for example in EXAMPLES["dates"]:
        start = dt.datetime.fromisoformat(example["start"])
        end = dt.datetime.combine(start.date(), dt.time.fromisoformat(example["end"]))
        text = example["text"]
        for relative in RELATIVE_DAYS:
            text = text.removeprefix(relative)
        assert f"{wording.format_day_short(start.date())}, {wording.format_time_range(start, end)}" == text, example


def test_date_wording_in_javascript(js):
    assert js["weekday_keys"] == EXAMPLES["weekday_keys"]
    assert js["dates"] == [example["text"] for example in EXAMPLES["dates"]]



# --- the same in other languages: Babel (CLDR) and the catalog on the Python side -------------------
# Python writes these texts with Babel's own formatters; finder.js assembles them from the words of
# public/finder_texts.py. Equal answers show that the words and their order were taken over right.


def date_in_python(code: str, example: dict) -> str:
    start = dt.datetime.fromisoformat(example["start"])
    end = dt.datetime.combine(start.date(), dt.time.fromisoformat(example["end"]))
    locale = languages.language(code).locale
    with languages.active(code):  # the time as the office pages write it
        time = wording.format_time_range(start.time(), end.time())
    day = format_skeleton(finder_texts.DAY_SKELETON, start.date(), locale=locale)
    text = str(locale.datetime_formats["medium"]).format(time, day)
    offset = (start.date() - dt.datetime.fromisoformat(example["now"]).date()).days
    relative = locale._data["date_fields"]["day"]["relative"].get(offset) if offset in (0, 1) else None
    if relative is None:
        return text
    with languages.active(code):
        joined = languages.Domain("finder").gettext("%(relative)s, %(date)s")
    return joined % {"relative": relative[:1].upper() + relative[1:], "date": text}


def km_in_python(code: str, km: float) -> str:
    tenths = int(km * 10 + 0.5)
    number = tenths / 10 if tenths < 100 else int(km + 0.5)
    return format_unit(number, "length-kilometer", length="short", format="0.0" if tenths < 100 else "0", locale=code)


@pytest.mark.parametrize("example", EXAMPLES["languages"], ids=lambda example: example["lang"])
def test_other_languages_in_python(example):
    code = example["lang"]
    assert [date_in_python(code, date) for date in example["dates"]] == [date["text"] for date in example["dates"]]
    assert [km_in_python(code, km) for km, _ in example["km_text"]] == [text for _, text in example["km_text"]]
    catalog = languages.read_catalog(code, "finder")
    plural = gettext.c2py(catalog.plural_expr)
    assert [[n, plural(n)] for n, _ in example["plural_forms"]] == example["plural_forms"]
    bits, facts = example["facts"]
    with languages.active(code):
        _ = languages.Domain("finder").gettext
        assert f"{_('teils ohne Anmeldung')} · {_('stufenloser Zugang')}" == facts and bits == 19


def test_other_languages_in_javascript(js):
    for example, answer in zip(EXAMPLES["languages"], js["languages"], strict=True):
        assert answer["dates"] == [date["text"] for date in example["dates"]], example["lang"]
        assert answer["km_text"] == [text for _, text in example["km_text"]], example["lang"]
        assert answer["facts"] == example["facts"][1], example["lang"]
        assert answer["plural_forms"] == [form for _, form in example["plural_forms"]], example["lang"]
