"""Pages of offices that rest because their guidance under RDG § 6 has ended (conditions.py).

Such an office is offered nowhere: no dates, not in the lists, the finder, the calendar of all
offices or the open data (model.Dataset.public_offices leaves it out). Its own page stays, so
that notices and QR codes on shop windows still lead somewhere: it says in plain words that the
counselling is paused, how to reach the office, and which offices nearby do counsel. Its
calendar file stays too, empty, so that subscribed calendars drop its hours.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from linkshilft import geo
from linkshilft.labels import phone_uri
from linkshilft.public import counts
from linkshilft.records import model as m

TEMPLATE = "office_resting.html"


def views(dataset: m.Dataset, offered: Mapping[str, geo.Location | None], edit_url: Callable[[m.Office], str | None]) -> dict:
    """A view for each resting office; `offered` are the locations of the offices the site offers."""
    resting = dataset.resting_offices()
    if not resting:
        return {}
    points = {key: location.point for key, location in offered.items() if location}
    index = geo.GridIndex(points, cell=geo.cell_for(len(points))) if points else None
    result = {}
    for office in resting:
        location = geo.office_location(office, geo.postcode_centroids())
        nearby = index.nearest(location.point, counts.NEARBY_OFFICES) if index and location else []
        result[office.id] = {
            "id": office.id,
            "name": office.name,
            "kind": m.KIND_LABELS[office.kind],
            "district_id": office.district,
            "district_name": dataset.districts[office.district].name,
            "address": {"street": office.address.street, "postcode": office.address.postcode, "town": office.address.town},
            "phone": office.contact.phone,
            "phone_uri": phone_uri(office.contact.phone) if office.contact.phone else None,
            "email": office.contact.email,
            "website": office.contact.website,
            "nearby": [
                {
                    "id": n.key,
                    "name": dataset.offices[n.key].name,
                    "town": dataset.offices[n.key].address.town,
                    "km": geo.format_km(n.km),
                }
                for n in nearby
            ],
            "edit_url": edit_url(office),
        }
    return result


def description(view: dict) -> str:
    return f"Die kostenlose Sozialsprechstunde in {view['address']['town']} ruht zurzeit."
