"""The open data downloads (daten/stellen.json, stellen.csv, termine.csv) and the page /daten/.

Site tests read the session build (conftest.site); the leak test builds the downloads from a small
data set seeded with sentinel values that must not appear in any download.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from linkshilft.exports import open_data
from linkshilft.public import counts
from linkshilft.public.site import PublicSite
from linkshilft.records.pipeline import load_dataset
from linkshilft.schedule import dates, wording

from tests.support import CASES, ROOT, SENTINEL_COUNSELLOR, SENTINEL_DATES, SENTINEL_FILES, SENTINEL_LAWYER, TODAY

ISO_WITH_OFFSET = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0[12]:00$")


@pytest.fixture(scope="module")
def stellen(site) -> dict:
    return json.loads((site / "daten" / "stellen.json").read_text("utf-8"))


def read_csv(path: Path) -> tuple[bytes, list[dict]]:
    raw = path.read_bytes()
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=";"))
    return raw, rows


# --- stellen.json -------------------------------------------------------------------------------


def test_stellen_json_lists_every_public_office_with_licence(stellen, dataset):
    assert [o["id"] for o in stellen["offices"]] == [o.id for o in dataset.public_offices()]
    assert stellen["license"]["id"] == "CC-BY-4.0"
    assert stellen["generated_on"] == TODAY.isoformat()
    assert "CC BY 4.0" in stellen["attribution"]


def test_stellen_json_dates_are_iso_8601_with_the_berlin_offset(stellen):
    starts = [d["start"] for o in stellen["offices"] for d in o["next_dates"]]
    assert starts
    for text in starts:
        assert ISO_WITH_OFFSET.match(text), text
        moment = dt.datetime.fromisoformat(text)
        assert moment.utcoffset() == moment.astimezone(dates.TIMEZONE).utcoffset()
        assert moment.date() >= TODAY


def test_stellen_json_next_dates_match_the_office_page(site, stellen):
    for office in stellen["offices"][:10]:
        html = BeautifulSoup((site / "stellen" / office["id"] / "index.html").read_text("utf-8"), "html.parser")
        page_dates = [t["datetime"] for t in html.select("ol.lh-dates time[datetime]")]
        assert [d["start"] for d in office["next_dates"]] == page_dates, office["id"]


def test_stellen_json_record_carries_address_hours_and_links(stellen, dataset):
    record = next(o for o in stellen["offices"] if o["id"] == "leipzig-plagwitz")
    office = dataset.offices["leipzig-plagwitz"]
    assert record["address"]["street"] == office.address.street
    assert record["address"]["latitude"] == office.address.coordinates.lat
    assert [h["description"] for h in record["hours"]] == [wording.describe_rule(r) for r in office.counselling.hours]
    assert record["url"].endswith("/stellen/leipzig-plagwitz/")
    assert record["poster_url"].endswith("/stellen/leipzig-plagwitz/aushang/")


# --- CSV ----------------------------------------------------------------------------------------


def test_stellen_csv_is_for_german_excel(site, dataset):
    raw, rows = read_csv(site / "daten" / "stellen.csv")
    assert raw.startswith(b"\xef\xbb\xbf"), "UTF-8 with byte order mark"
    header = raw.decode("utf-8-sig").split("\r\n", 1)[0]
    assert header.split(";") == [name for name, _ in open_data.OFFICE_COLUMNS]
    assert b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b"")
    assert [r["Kennung"] for r in rows] == [o.id for o in dataset.public_offices()]
    plagwitz = next(r for r in rows if r["Kennung"] == "leipzig-plagwitz")
    coordinates = dataset.offices["leipzig-plagwitz"].address.coordinates
    assert plagwitz["Breitengrad"] == str(coordinates.lat).replace(".", ",")
    assert plagwitz["Stufenloser Zugang"] in {"ja", "nein"}
    assert plagwitz["Straße"] == dataset.offices["leipzig-plagwitz"].address.street


def test_termine_csv_holds_every_date_of_the_coming_eight_weeks(site, dataset):
    raw, rows = read_csv(site / "daten" / "termine.csv")
    assert raw.startswith(b"\xef\xbb\xbf")
    last_day = TODAY + dt.timedelta(days=counts.OPEN_DATA_DAYS - 1)
    expected_held, expected_cancelled = set(), set()
    for office in dataset.public_offices():
        held, cancelled = dates.occurrences(office.counselling, dataset.closures, TODAY, last_day)
        expected_held |= {(office.id, o.start.isoformat()) for o in held}
        expected_cancelled |= {(office.id, c.start.isoformat()) for c in cancelled}
    assert {(r["Kennung"], r["Beginn (ISO 8601)"]) for r in rows if r["Findet statt"] == "ja"} == expected_held
    assert {(r["Kennung"], r["Beginn (ISO 8601)"]) for r in rows if r["Findet statt"] == "nein"} == expected_cancelled
    assert expected_cancelled, "the sample data must cancel some dates (holidays)"
    assert all(r["Grund des Ausfalls"] for r in rows if r["Findet statt"] == "nein")
    starts = [dt.datetime.fromisoformat(r["Beginn (ISO 8601)"]) for r in rows]
    assert starts == sorted(starts)
    assert all(TODAY <= s.date() <= last_day for s in starts)
    first = rows[0]
    assert first["Datum"] == starts[0].date().isoformat() and re.fullmatch(r"\d{2}:\d{2}", first["Beginn"])


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ("=HYPERLINK(1)", "'=HYPERLINK(1)"),
        ("+49 341 1234567", "'+49 341 1234567"),
        ("-1", "-1"),  # a signed number is no formula (tables.py)
        ("-1+1", "'-1+1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("Bürgerbüro", "Bürgerbüro"),
        (True, "ja"),
        (False, "nein"),
        (None, ""),
        (51.329, "51,329"),
    ],
)
def test_csv_cells_are_plain_text_for_spreadsheets(value, cell):
    assert open_data.csv_cell(value) == cell


# --- the page /daten/ -------------------------------------------------------------------------


def test_open_data_page_links_every_download_with_licence(site, dataset):
    body = BeautifulSoup((site / "daten" / "index.html").read_text("utf-8"), "html.parser").select_one("article")
    assert open_data.MARKER not in str(body)
    links = {a.get_text(strip=True): a["href"] for a in body.select("ul.lh-downloads a[download]")}
    assert links == {name: name for name in ("stellen.json", "stellen.csv", "termine.csv", "hsds.json")}
    for href in links.values():
        assert (site / "daten" / href).is_file()
    stand = body.select_one(".lh-open-data__stand").get_text(" ", strip=True)
    assert f"{len(dataset.public_offices())} Beratungsstellen" in stand
    assert body.select_one('a[href="https://creativecommons.org/licenses/by/4.0/deed.de"]') is not None
    assert "CC BY 4.0" in body.select_one(".lh-attribution").get_text()


def test_every_download_field_is_documented_on_the_page():
    """Like datasette's documentation test: a new field or column fails until daten.md explains it."""
    text = " ".join((ROOT / "content" / "daten.md").read_text("utf-8").split())
    dataset, _, _ = load_dataset(CASES / "base" / "data", TODAY)
    site = PublicSite(dataset, {"site_url": "https://example.org/"})
    record = open_data.office_record(site, dataset.public_offices()[0])
    keys = set(record) | set(open_data.stellen_json(site)) - {"offices"}
    keys |= {f"{k}" for k in record["address"]} | set(record["accessibility"]) | set(record["contact"])
    keys |= {k for hour in record["hours"] for k in hour}
    keys |= {k for date in record["next_dates"] + record["cancelled_dates"] for k in date}
    assert record["hours"] and record["next_dates"], "the base office must have hours and dates"
    missing = sorted(key for key in keys if f"`{key}`" not in text)
    assert missing == [], f"in content/daten.md nicht erklärt: {missing}"
    columns = [name for name, _ in (*open_data.OFFICE_COLUMNS, *open_data.DATE_COLUMNS)]
    assert sorted(name for name in columns if name not in text) == []


# --- leaks ---------------------------------------------------------------------------------------

INTERNAL_SENTINEL = "SENTINEL-INTERN-7f3a"  # a value in the internal records


@pytest.fixture
def sentinel_data(tmp_path) -> Path:
    """The base data with the sentinel persons of tests/support.py counselling at its office."""
    data = tmp_path / "data"
    shutil.copytree(CASES / "base" / "data", data)
    for path, text in SENTINEL_FILES.items():
        if not path.startswith("offices/"):
            (data / path).write_text(text, "utf-8")
    office = (data / "offices" / "leipzig" / "leipzig-basis.yaml").read_text("utf-8")
    office = office.replace(
        "counsellors: [mit-einwilligung, ohne-einwilligung]", "counsellors: [mit-einwilligung, zz-sentinel-berater]"
    )
    office = office.replace("lawyer: gueltig", "lawyer: zz-sentinel-juristin")
    (data / "offices" / "leipzig" / "leipzig-basis.yaml").write_text(office, "utf-8")
    (data / "internal").mkdir()
    (data / "internal" / "survey.yaml").write_text(f"note: {INTERNAL_SENTINEL}\n", "utf-8")
    return data


def test_no_download_carries_a_name_without_consent_or_an_internal_value(sentinel_data):
    dataset, problems, _ = load_dataset(sentinel_data, TODAY)
    assert problems == []
    assert "zz-sentinel-berater" in dataset.offices["leipzig-basis"].counselling.counsellors  # the trap is set
    site = PublicSite(dataset, {"site_url": "https://example.org/"})
    downloads = open_data.downloads(site)
    assert {d.name for d in downloads} == {"stellen.json", "stellen.csv", "termine.csv", "hsds.json"}
    forbidden = [SENTINEL_COUNSELLOR, SENTINEL_LAWYER, *SENTINEL_DATES.values(), INTERNAL_SENTINEL]
    forbidden += ["zz-sentinel-berater", "zz-sentinel-juristin", "Waltraud Verschwiegen", "Verschwiegen"]
    forbidden += ["mp_staff", "volunteer"]  # counsellors' roles
    for download in downloads:
        text = download.content.decode("utf-8-sig")
        for value in forbidden:
            assert value not in text, (download.name, value)
    everything = "\n".join(d.content.decode("utf-8-sig") for d in downloads)
    # The check can fail: what is public is there, the consenting counsellor included.
    assert "Bürgerbüro Basis" in everything and "Karl-Heine-Straße 1" in everything
    assert "Konstanze Einverstanden" in everything


def test_session_downloads_hide_the_sentinel_persons(site):
    """The session build's sentinel office (tests/support.py) is in the downloads, its persons are not."""
    for name in ("stellen.json", "stellen.csv", "termine.csv", "hsds.json"):
        text = (site / "daten" / name).read_text("utf-8-sig")
        assert "leipzig-sentinel-test" in text or "Sentinel-Test" in text, name
        assert SENTINEL_COUNSELLOR not in text and SENTINEL_LAWYER not in text, name
        assert SENTINEL_COUNSELLOR.split()[-1] not in text and SENTINEL_LAWYER.split()[-1] not in text, name


def test_the_site_wide_consent_test_covers_the_downloads(site):
    """tests/test_site.py reads every .json and .csv file of the build: the downloads are among them."""
    files = {p.name.removesuffix(".gz") for p in (site / "daten").iterdir() if p.is_file() and p.name != "index.html"}
    assert files == {"stellen.json", "stellen.csv", "termine.csv", "hsds.json"}
    assert {name.rsplit(".", 1)[1] for name in files} <= {"json", "csv"}
