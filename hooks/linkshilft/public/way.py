"""The way to an office: a "Route planen" link to OpenStreetMap and the stop from `directions`.

The link is a plain link: nothing is requested from OpenStreetMap until someone follows it.
finder.js builds the same address for a result card (routeUrl there); both quote as
JavaScript's encodeURIComponent does.
"""

from __future__ import annotations

import re
from urllib.parse import quote

from linkshilft.records import model as m

OSM_DIRECTIONS = "https://www.openstreetmap.org/directions?to="
# After a word or a closing quote, not after "1." (as in "im 1. Obergeschoss").
_SENTENCE_END = re.compile(r"(?<=[a-zäöüß“”)][.!?])\s+(?=[A-ZÄÖÜ])")


def route_url(office: m.Office) -> str:
    """Directions to the office's coordinates, or to its address where they are not known yet."""
    c = office.address.coordinates
    target = f"{round(c.lat, 4)},{round(c.lon, 4)}" if c else address_line(office.address)
    return OSM_DIRECTIONS + quote(target, safe="!'()*")


def address_line(address: m.Address) -> str:
    return f"{address.street}, {address.postcode} {address.town}"


def first_sentence(directions: str | None) -> str:
    """The stop and line, as `directions` begin ("S-Bahn S1 bis „Leipzig Allee-Center“.")."""
    if not directions:
        return ""
    return _SENTENCE_END.split(directions.strip(), maxsplit=1)[0]
