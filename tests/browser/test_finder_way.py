"""The way there: "Route planen" to OpenStreetMap and the stop from `directions`, at 390×844 in Chromium.

The link is plain: OpenStreetMap hears nothing until it is tapped. Card (finder.js) and office page
(way.py) give the same address.
"""

from __future__ import annotations

from linkshilft.public import way
from playwright.sync_api import expect

from tests.browser.test_finder_phone import open_phone


def test_each_card_offers_the_route_and_names_the_stop(server, new_page, dataset):
    page = open_phone(new_page, server, "390x844", "?ort=04209")
    cards = page.locator("#lh-ergebnisse > li")
    expect(cards.first).to_be_visible()
    assert cards.count() >= 3
    for i in range(cards.count()):
        office = dataset.offices[cards.nth(i).get_attribute("data-office")]
        line = cards.nth(i).locator(".lh-result__way")
        expect(line.get_by_role("link", name="Route planen")).to_have_attribute("href", way.route_url(office))
        if office.directions:
            expect(line).to_contain_text(way.first_sentence(office.directions))
    gruenau = page.locator('#lh-ergebnisse > li[data-office="leipzig-gruenau"] .lh-result__way')
    expect(gruenau).to_have_text("Route planen · S-Bahn S1 bis „Leipzig Allee-Center“.")


def test_an_office_without_coordinates_is_routed_to_its_address(server, new_page, dataset):
    office = dataset.offices["leipzig-schoenefeld"]  # no coordinates in its file
    assert way.route_url(office) == (
        "https://www.openstreetmap.org/directions?to=Gorkistra%C3%9Fe%2084%2C%2004347%20Leipzig-Sch%C3%B6nefeld"
    )
    page = open_phone(new_page, server, "390x844", "?ort=04347")
    card = page.locator('#lh-ergebnisse > li[data-office="leipzig-schoenefeld"] .lh-result__way a')
    expect(card).to_have_attribute("href", way.route_url(office))


def test_the_office_page_asks_openstreetmap_only_when_the_route_is_tapped(server, new_page, dataset):
    office = dataset.offices["leipzig-gruenau"]
    page = open_phone(new_page, server, "390x844")
    asked = []

    def answer(route):
        asked.append(route.request.url)
        route.fulfill(body="OSM")

    page.context.route("https://www.openstreetmap.org/**", answer)
    page.goto(server + "stellen/leipzig-gruenau/")
    link = page.locator("article .lh-route a")
    expect(link).to_have_text("Route planen")
    expect(link).to_have_attribute("href", "https://www.openstreetmap.org/directions?to=51.3183%2C12.2862")
    page.wait_for_load_state("networkidle")
    assert asked == []
    link.tap()
    page.wait_for_url("https://www.openstreetmap.org/**")
    assert asked == [way.route_url(office)]


def test_first_sentence_is_the_stop():
    assert way.first_sentence("Bus bis „Zietenstraße“. Das Büro ist das Ladengeschäft.") == "Bus bis „Zietenstraße“."
    assert way.first_sentence("Vom Bahnhof Kamenz acht Minuten zu Fuß Richtung Markt. Parkplätze am Zwinger.") == (
        "Vom Bahnhof Kamenz acht Minuten zu Fuß Richtung Markt."
    )
    assert way.first_sentence("Beratungsraum im 1. Obergeschoss") == "Beratungsraum im 1. Obergeschoss"
    assert way.first_sentence(None) == ""
