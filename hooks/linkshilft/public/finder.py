"""The finder's static data: small JSON files the start page's script loads piece by piece.

- `finder/stellen.json`: every public office in one compact row (what the result list shows
  and the filters need), with its dates of the coming eight weeks (finder_dates.py).
- `finder/plz/<first two digits>.json`: postcode centroids of all Germany, in 95 chunks, so a
  postcode search loads about 2 KB of them.
- `finder/orte.json`: places a citizen may type: Saxon towns and villages (GeoNames, 500
  inhabitants or more, from geonames_places.csv), places within BORDER_KM beyond the state border, the Landkreise, and
  the towns written in the office files ("Leipzig-Grünau") and the Sorbian names of the places in
  the Sorbian settlement area ("Budyšin / Bautzen", from sorbian_names.csv).

Rows are arrays, not objects, and repeated values (topics, languages, labels) are indices into
a list in the file's head: at 1,000 offices the first postcode search stays below 60 KB gzip.
The field order is written into each file ("fields") and read by name in finder.js.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import hashlib
import json
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from linkshilft import geo, labels
from linkshilft.public import finder_dates, sorbian, urls, way
from linkshilft.records import model as m
from linkshilft.schedule import dates

BORDER_KM = 30  # places outside Saxony this close to a Saxon place are offered too
SAXONY = ("DE", "13")  # GeoNames country and admin1 code of Saxony
NEIGHBOUR_REGIONS = {
    ("DE", "11"): "Brandenburg",
    ("DE", "14"): "Sachsen-Anhalt",
    ("DE", "15"): "Thüringen",
    ("DE", "02"): "Bayern",
    ("CZ", None): "Tschechien",
    ("PL", None): "Polen",
}
OFFICE_FIELDS = (
    "id", "name", "street", "postcode", "town", "lat", "lon",
    "status", "flags", "topics", "languages", "dates", "phone", "tel", "way",
)  # fmt: skip
DISTRICT_LABEL = "Kreis in Sachsen"  # a Landkreis as a place: searched from the middle of its postcode areas
# Bits of an office row's "flags": some hours without / some only with registration, appointments
# only, step-free access, located at the centre of its postcode area (no coordinates yet).
# finder.js reads them by the same names; tests/contract/finder_examples.json is checked by both.
STEP_FREE, WALK_IN, APPOINTMENT_ONLY, AT_POSTCODE_CENTRE, REGISTRATION = 1, 2, 4, 8, 16

_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "ł": "l"})
_NOT_WORD = re.compile(r"[^a-z0-9]+")


def normalise(text: str) -> str:
    """As finder.js's normalise: lower case, ä→ae, ß→ss, other accents dropped, words by single spaces."""
    text = text.lower().translate(_UMLAUTS)
    text = "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
    return _NOT_WORD.sub(" ", text).strip()


def compact_json(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _round(point: geo.Point, digits: int = 4) -> list[float]:
    return [round(point[0], digits), round(point[1], digits)]


# --- offices -----------------------------------------------------------------------------


def office_rows(
    offices: Sequence[m.Office],
    held: Mapping[str, Sequence[dates.Occurrence]],
    locations: Mapping[str, geo.Location | None],
    today: dt.date,
) -> dict:
    """The office index: head (lists the rows refer to) and one row per public office."""
    topics: list[str] = []
    languages: list[str] = []
    times: list[str] = []

    def indexes(values: Sequence[str], table: list[str]) -> list[int]:
        for value in values:
            if value not in table:
                table.append(value)
        return [table.index(value) for value in values]

    rows = []
    for office in offices:
        counselling = office.counselling
        location = locations.get(office.id)
        flags = (
            (STEP_FREE if office.accessibility.step_free else 0)
            | (WALK_IN if not counselling.appointment_only and any(r.walk_in for r in counselling.hours) else 0)
            | (APPOINTMENT_ONLY if counselling.appointment_only else 0)
            | (AT_POSTCODE_CENTRE if location and location.source == "postcode" else 0)
            | (REGISTRATION if not counselling.appointment_only and any(not r.walk_in for r in counselling.hours) else 0)
        )
        rows.append(
            [
                office.id,
                office.name,
                office.address.street,
                office.address.postcode,
                office.address.town,
                *(_round(location.point) if location else [None, None]),
                "" if office.status == "active" else office.status,
                flags,
                indexes(counselling.topics, topics),
                indexes(counselling.languages, languages),
                finder_dates.office_dates(office, held.get(office.id, ()), today, times),
                # Shown on a result whose next date needs registration: one tap to call.
                office.contact.phone or "",
                labels.phone_uri(office.contact.phone) if office.contact.phone else "",
                way.first_sentence(office.directions),  # the stop and line, beside "Route planen"
            ]
        )
    return {
        "built": today.isoformat(),
        "times": times,
        "zones": finder_dates.zones(today),
        "topics": topics,
        "languages": languages,
        "statuses": {s: m.STATUS_LABELS[s] for s in m.PUBLIC_STATUSES if s != "active"},
        "fields": list(OFFICE_FIELDS),
        "offices": rows,
    }


def languages_offered(dataset: m.Dataset, names: Mapping[str, str]) -> list[dict]:
    """The languages some public office counsels in, for the filter: German first, then by name."""
    codes = {code for office in dataset.public_offices() for code in office.counselling.languages}
    ordered = sorted(codes, key=lambda code: (code != "de", names.get(code, code)))
    return [{"code": code, "name": names.get(code, code)} for code in ordered]


def counselling_in(dataset: m.Dataset, code: str) -> int:
    """How many public offices counsel in language `code` (told on that language's start page)."""
    return sum(code in office.counselling.languages for office in dataset.public_offices())


# --- postcodes ---------------------------------------------------------------------------


def postcode_chunks(centroids: Mapping[str, geo.Point]) -> dict[str, dict[str, list[float]]]:
    """All German postcodes by their first two digits: {"04": {"04103": [lat, lon], ...}, ...}.

    Every prefix from 00 to 99 gets a file, empty where no postcode starts so: a mistyped
    postcode then gets an answer, not a 404 in the browser's console.
    """
    chunks: dict[str, dict[str, list[float]]] = {f"{n:02d}": {} for n in range(100)}
    for code in sorted(centroids):
        chunks.setdefault(code[:2], {})[code] = _round(centroids[code])
    return chunks


def saxon_prefixes(districts: Mapping[str, m.District]) -> list[str]:
    """Postcode beginnings that lie in Saxony: those of its districts (data/districts.yaml)."""
    return sorted({p for d in districts.values() for p in d.postcode_prefixes})


def postcode_districts(postcodes: Iterable[str], districts: Mapping[str, m.District]) -> dict[str, m.District]:
    """Saxon postcodes among `postcodes` → their district; a lookup per prefix length, not a scan."""
    owner: dict[str, m.District] = {}
    for district in districts.values():
        for prefix in district.postcode_prefixes:
            owner.setdefault(prefix, district)
    lengths = sorted({len(prefix) for prefix in owner}, reverse=True)
    found = {}
    for code in postcodes:
        district = next((owner[code[:n]] for n in lengths if code[:n] in owner), None)
        if district is not None:
            found[code] = district
    return found


# --- places --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Place:
    name: str
    point: geo.Point
    label: str  # the district in Saxony, else the neighbouring state or country
    rank: int  # larger first among equally good matches (population; 0 where unknown)


# Around Saxony, generously: the places within BORDER_KM of it lie inside this box.
AREA_LAT = (49.8, 52.0)
AREA_LON = (11.3, 15.6)
Row = tuple[str, float, float, str, str, int]  # name, lat, lon, country, admin1, population


PLACES_FILE = Path(__file__).with_name("geonames_places.csv")


@functools.lru_cache(maxsize=1)
def geonames_places(path: Path = PLACES_FILE) -> tuple[Row, ...]:
    """GeoNames places (500 inhabitants or more) around Saxony, from geonames_places.csv beside this module.

    The file is an extract made by scripts/extract_places.py (`make places`); its header names
    source, licence and version. Read here, not from a package of the world's places: the site
    shows the same places until someone renews the file.
    """
    lines = [line for line in path.read_text("utf-8").splitlines() if line and not line.startswith("#")]
    rows = [
        (r["name"], float(r["lat"]), float(r["lon"]), r["country"], r["admin1"], int(r["population"]))
        for r in csv.DictReader(lines)
    ]
    return tuple(sorted((row for row in rows if _in_area(row)), key=lambda r: (-r[5], r[0])))


def _in_area(row: Row) -> bool:
    return AREA_LAT[0] <= row[1] <= AREA_LAT[1] and AREA_LON[0] <= row[2] <= AREA_LON[1]


def _region(country: str, admin1: str) -> str | None:
    return NEIGHBOUR_REGIONS.get((country, admin1)) or NEIGHBOUR_REGIONS.get((country, None))


def places(
    districts: Mapping[str, m.District],
    centroids: Mapping[str, geo.Point],
    offices: Sequence[m.Office] = (),
    source: Sequence[Row] | None = None,
) -> list[Place]:
    """Everything a town search can find, without repeats; the biggest places first."""
    source = geonames_places() if source is None else source
    saxon_postcodes = postcode_districts(centroids, districts)
    postcode_index = geo.GridIndex({code: centroids[code] for code in saxon_postcodes})

    def district_label(point: geo.Point) -> str:
        # GeoNames has no district for a place: that of the nearest Saxon postcode centre.
        nearest = postcode_index.nearest(point, 1)
        return saxon_postcodes[nearest[0].key].name if nearest else "Sachsen"

    saxon = [row for row in source if (row[3], row[4]) == SAXONY]
    saxon_index = geo.GridIndex({i: (row[1], row[2]) for i, row in enumerate(saxon)})
    found = [Place(row[0], (row[1], row[2]), district_label((row[1], row[2])), row[5]) for row in saxon]
    area = {districts[d].name for d in sorbian.SETTLEMENT_DISTRICTS if d in districts}
    german = {place.name: place for place in found if place.label in area}
    for name, sorbian_name in sorbian.name_pairs():
        if (place := german.get(name)) is not None:
            found.append(Place(sorbian.display_name(name, sorbian_name), place.point, place.label, place.rank))
    for name, lat, lon, country, admin1, population in source:
        region = _region(country, admin1)
        if region is not None and (country, admin1) != SAXONY and saxon_index.within((lat, lon), BORDER_KM):
            found.append(Place(name, (lat, lon), region, population))
    for district in districts.values():
        members = [centroids[code] for code, owner in saxon_postcodes.items() if owner is district]
        if district.kind == "landkreis" and members:
            centre = (sum(p[0] for p in members) / len(members), sum(p[1] for p in members) / len(members))
            found.append(Place(district.name, centre, DISTRICT_LABEL, 0))
    for office in offices:
        centroid = centroids.get(office.address.postcode)
        if centroid and "-" in office.address.town:  # a quarter written with its town: "Leipzig-Grünau"
            found.append(Place(office.address.town, centroid, districts[office.district].name, 0))
    unique: dict[tuple[str, str], Place] = {}
    for place in sorted(found, key=lambda p: -p.rank):  # stable: GeoNames order within a rank
        unique.setdefault((normalise(place.name), place.label), place)
    return list(unique.values())


def place_rows(found: Sequence[Place]) -> dict:
    labels: list[str] = []
    rows = []
    for place in found:
        if place.label not in labels:
            labels.append(place.label)
        rows.append([place.name, *_round(place.point, 3), labels.index(place.label)])
    outside = [label for label in labels if label in NEIGHBOUR_REGIONS.values()]
    return {"labels": labels, "outside": outside, "fields": ["name", "lat", "lon", "label"], "places": rows}


# --- the files ----------------------------------------------------------------------------


@dataclass(frozen=True)
class FinderData:
    files: list[tuple[str, bytes]]
    # One version per kind of file, appended to its URLs: a browser never mixes two builds'
    # offices, and the postcodes, which change only with their package, stay cached.
    versions: dict[str, str]


def _version(files: Sequence[tuple[str, bytes]]) -> str:
    digest = hashlib.sha256()
    for path, content in files:
        digest.update(path.encode())
        digest.update(content)
    return digest.hexdigest()[:10]


def finder_files(
    dataset: m.Dataset,
    held: Mapping[str, Sequence[dates.Occurrence]],
    locations: Mapping[str, geo.Location | None],
    centroids: Mapping[str, geo.Point],
) -> FinderData:
    offices = dataset.public_offices()
    index = office_rows(offices, held, locations, dataset.today)
    index["saxony"] = saxon_prefixes(dataset.districts)
    groups = {
        "offices": [(urls.finder("stellen.json"), compact_json(index))],
        "postcodes": [
            (urls.finder(f"plz/{prefix}.json"), compact_json(chunk)) for prefix, chunk in postcode_chunks(centroids).items()
        ],
        "places": [(urls.finder("orte.json"), compact_json(place_rows(places(dataset.districts, centroids, offices))))],
    }
    return FinderData([f for group in groups.values() for f in group], {name: _version(g) for name, g in groups.items()})
