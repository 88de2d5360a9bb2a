"""The finder's words per language (public/finder_texts.py): complete, the right plural forms, and
on the start page as a data block that the CSP lets be (no script that runs).

What finder.js makes of them is checked in Node (tests/test_contract.py) and in Chromium
(tests/browser/test_finder_languages.py).
"""

from __future__ import annotations

import gettext
import html
import json
import re

import pytest
from babel.messages.pofile import read_po
from linkshilft import languages
from linkshilft.public import csp, finder, finder_texts
from linkshilft.public.site import PublicSite, template_environment
from linkshilft.records import model as m

from tests.support import ROOT

CODES = ["en", "uk", "ru", "ar", "fa", "vi"]
BLOCK = re.compile(r'<script type="application/json" id="lh-finder-texte">(.*?)</script>', re.DOTALL)


def template_messages() -> list:
    with (languages.LOCALE_DIR / "finder.pot").open("rb") as file:
        return [message for message in read_po(file) if message.id]


def form(texts: dict, n: int) -> int:
    """The plural form finder.js takes for n (its pluralForm)."""
    table = texts["plural"]
    return int(table[n if n < len(table) else 100 + n % 100]) if table else 0


@pytest.mark.parametrize("code", CODES)
def test_every_finder_message_has_its_translation_in_the_page_data(code):
    texts = finder_texts.texts(code)
    nplurals = languages.read_catalog(code, "finder").num_plurals
    for message in template_messages():
        if isinstance(message.id, tuple):
            forms = texts["messages"].get(message.id[0])
            assert isinstance(forms, list) and len(forms) == nplurals and all(forms), (code, message.id)
        else:
            assert texts["messages"].get(message.id), (code, message.id)


def test_german_goes_the_same_way_without_translations():
    texts = finder_texts.texts("de")
    assert (texts["messages"], texts["plural"], texts["prefix"], texts["lang"]) == ({}, "", "", "de")
    assert texts["dates"]["days"][3] == "Mi" and texts["dates"]["span"] == "{H0}:{mm0}–{H1}:{mm1} Uhr"
    assert texts["km"] == {"decimal": ",", "unit": "{0} km"}


@pytest.mark.parametrize(
    ("code", "numbers", "forms"),
    [
        ("uk", [1, 2, 5, 11, 21, 22, 111, 1021], [0, 1, 2, 2, 0, 1, 2, 0]),
        ("ru", [1, 3, 12, 14, 25, 101], [0, 1, 2, 2, 2, 0]),
        ("ar", [0, 1, 2, 3, 11, 100, 102, 203, 1011], [0, 1, 2, 3, 4, 5, 5, 3, 4]),
        ("en", [0, 1, 2], [1, 0, 1]),
        ("fa", [0, 1, 2], [0, 0, 1]),
        ("vi", [1, 2], [0, 0]),
    ],
)
def test_the_plural_form_of_a_number(code, numbers, forms):
    texts = finder_texts.texts(code)
    assert [form(texts, n) for n in numbers] == forms
    # The catalog's formula and CLDR's categories (Babel) say the same for every number up to 1,000.
    rule = gettext.c2py(languages.read_catalog(code, "finder").plural_expr)
    categories: dict[str, set[int]] = {}
    for n in range(1000):
        assert form(texts, n) == rule(n), (code, n)
        categories.setdefault(languages.language(code).locale.plural_form(n), set()).add(rule(n))
    assert all(len(found) == 1 for found in categories.values()), categories


def test_a_plural_rule_that_does_not_repeat_is_refused(monkeypatch, tmp_path):
    po = tmp_path / "xx" / "LC_MESSAGES" / "finder.po"
    po.parent.mkdir(parents=True)
    po.write_text('msgid ""\nmsgstr ""\n"Plural-Forms: nplurals=2; plural=(n % 1000 == 500);\\n"\n', "utf-8")
    monkeypatch.setattr(languages, "LOCALE_DIR", tmp_path)
    with pytest.raises(ValueError, match="Zahl 500"):
        finder_texts.plural_table("xx")


def test_the_statuses_the_finder_shows_are_marked_in_finder_js():
    ids = {message.id for message in template_messages()}
    assert {m.STATUS_LABELS[s] for s in m.PUBLIC_STATUSES if s != "active"} <= ids


@pytest.fixture(scope="module")
def public(dataset) -> PublicSite:
    return PublicSite(dataset, {})


def block_of(page: str) -> dict:
    return json.loads(BLOCK.search(page).group(1))


def test_the_ukrainian_finder_carries_its_words_and_counts_the_offices_counselling_in_ukrainian(public, dataset):
    with languages.active("uk"):
        page = public.render_finder("uk/", True)
    texts = block_of(page)
    counselling = [o for o in dataset.public_offices() if "uk" in o.counselling.languages]
    assert counselling
    assert texts["own"] == {"code": "uk", "name": "українська", "count": len(counselling)}
    assert texts["messages"]["Route planen"] == "Прокласти маршрут" and texts["prefix"] == "uk/"
    assert texts["dates"]["days"][3] == "ср"
    assert finder.counselling_in(dataset, "uk") == len(counselling)


def test_the_count_of_offices_counselling_in_the_page_s_language_is_in_the_page_before_any_script(public, dataset):
    """Written by the template, above the form: finder.js used to add it, and the form then moved down
    while the page loaded (Lighthouse: layout shift 0.036 on /uk/). German pages have no such line."""
    counselling = sum("uk" in o.counselling.languages for o in dataset.public_offices())
    with languages.active("uk"):
        page = public.render_finder("uk/", True)
    line = re.search(r'<p class="lh-finder__own">(.*?)</p>', page, re.S).group(1)
    forms = ("консультаційний пункт консультує", "консультаційні пункти консультують", "консультаційних пунктів консультують")
    assert re.match(rf"{counselling} ({'|'.join(forms)}) мовою: українська\.", line), line
    assert '<button class="md-button" type="button" id="lh-eigene-sprache">Показати лише їх</button>' in line
    assert page.index("lh-finder__own") < page.index("<form")
    assert "lh-finder__own" not in public.render_finder("", True)


def test_the_language_filter_names_each_language_in_its_own_script(public, dataset):
    page = public.render_finder("", True)
    options = dict(re.findall(r'<option value="(\w+)" lang="\1">([^<]+)</option>', page))
    spoken = {code for o in dataset.public_offices() for code in o.counselling.languages}
    assert set(options) == spoken
    assert {options[code] for code in ("de", "uk", "ar") if code in options} <= {"Deutsch", "українська", "العربية"}
    assert html.unescape(options["uk"]) == languages.language("uk").name
    assert "own" not in block_of(page) and block_of(page)["messages"] == {}  # German: the source, no count


def test_the_data_block_is_no_script_for_the_csp():
    text = finder_texts.texts("ar", {"code": "ar", "name": "العربية", "count": 1})
    text["messages"]["x"] = "</script><script>alert(1)</script>"  # a translation can never end the block
    template = (ROOT / "site_overrides" / "linkshilft" / "finder.html").read_text("utf-8")
    block = template_environment().from_string(
        '<script type="application/json" id="lh-finder-texte">{{ texts | script_json }}</script>'
    ).render(texts=text)
    document = f'<html><head><meta charset="utf-8"></head><body>{block}</body></html>'
    secured, findings = csp.secure(document, frozenset())
    assert findings == [] and "sha256" not in secured
    assert block_of(block)["messages"]["x"] == "</script><script>alert(1)</script>"
    assert '<script type="application/json" id="lh-finder-texte">{{ texts | script_json }}</script>' in template
