"""Synthetic but valid data for the benchmark: N offices spread over real Saxon postcodes.

The lists (districts, topics, MPs, closures, lawyers, counsellors) are the sample data's own.
Each office is a variant of one of the sample offices (taken in turn, so every schedule kind
occurs: weekly, every n weeks, weeks of the month, single dates, appointments only, paused),
moved to a real postcode of its district, named after the nearest GeoNames place, with start
times shifted. Synthetic offices list no counsellors: one person at hundreds of offices would
be a double booking, not a benchmark.
"""

from __future__ import annotations

import random
import shutil
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))

from linkshilft import geo  # noqa: E402
from linkshilft.public import finder  # noqa: E402
from linkshilft.public.finder import normalise  # noqa: E402

HEADER = "# synthetic benchmark office (bench/synthetic.py)\n"


def _templates(source: Path) -> list[dict]:
    return [yaml.safe_load(path.read_text("utf-8")) for path in sorted((source / "offices").rglob("*.yaml"))]


def _district_postcodes(districts: list[dict]) -> dict[str, list[str]]:
    centroids = geo.postcode_centroids()
    by_district: dict[str, list[str]] = {d["id"]: [] for d in districts}
    for code in sorted(centroids):
        for district in districts:  # the first listed district wins, as in finder.postcode_districts
            if any(code.startswith(p) for p in district["postcode_prefixes"]):
                by_district[district["id"]].append(code)
                break
    return by_district


def _shift(time: str, hours: int) -> str:
    hour, minute = time.split(":")
    return f"{min(int(hour) + hours, 23):02d}:{minute}"


def generate(target: Path, count: int, source: Path = ROOT / "data", seed: int = 9) -> Path:
    """Writes a complete data folder with `count` offices to `target` (replaced) and returns it."""
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("internal", "offices", "_templates"))
    districts = yaml.safe_load((source / "districts.yaml").read_text("utf-8"))["districts"]
    postcodes = _district_postcodes(districts)
    centroids = geo.postcode_centroids()
    saxon = [row for row in finder.geonames_places() if (row[3], row[4]) == finder.SAXONY]
    place_index = geo.GridIndex({i: (row[1], row[2]) for i, row in enumerate(saxon)})
    templates = _templates(source)
    rng = random.Random(seed)
    for number in range(count):
        office = yaml.safe_load(yaml.safe_dump(templates[number % len(templates)]))  # deep copy
        district = office["district"]
        code = rng.choice(postcodes[district])
        lat, lon = centroids[code]
        nearest = place_index.nearest((lat, lon), 1)
        town = saxon[nearest[0].key][0] if nearest else office["address"]["town"]
        office_id = f"{normalise(town).replace(' ', '-')}-{number:05d}"
        office["id"] = office_id
        office["name"] = f"{office['name']} {town} {number}"
        office["address"]["postcode"] = code
        office["address"]["town"] = town
        office["address"]["street"] = f"{office['address']['street'].rsplit(' ', 1)[0]} {1 + number % 97}"
        if number % 4 == 3:  # some without coordinates: they stand at their postcode's centre
            office["address"].pop("coordinates", None)
        else:
            office["address"]["coordinates"] = {
                "lat": round(lat + rng.uniform(-0.01, 0.01), 4),
                "lon": round(lon + rng.uniform(-0.01, 0.01), 4),
            }
        counselling = office["counselling"]
        office["checked_on"] = "2026-11-01"  # recent: no "please check" notes in the timings
        counselling["counsellors"] = []
        shift = number % 3
        for rule in counselling.get("hours", []):
            rule["start"], rule["end"] = _shift(rule["start"], shift), _shift(rule["end"], shift)
        folder = target / "offices" / district
        folder.mkdir(parents=True, exist_ok=True)
        text = yaml.safe_dump(office, allow_unicode=True, sort_keys=False, width=120)
        (folder / f"{office_id}.yaml").write_text(HEADER + text, "utf-8")
    return target


if __name__ == "__main__":
    print(generate(Path(sys.argv[1]), int(sys.argv[2])))
