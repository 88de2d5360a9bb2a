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
from linkshilft.languages import Domain
from linkshilft.public import counts, views
from linkshilft.records import model as m

TEMPLATE = "office_resting.html"
_ = Domain("seiten").gettext


def office_views(
    dataset: m.Dataset, offered: Mapping[str, geo.Location | None], edit_url: Callable[[m.Office], str | None]
) -> dict[str, views.RestingOfficeView]:
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
        result[office.id] = views.resting_office_view(dataset, office, nearby=nearby, edit_url=edit_url(office))
    return result


def description(view: views.RestingOfficeView) -> str:
    return _("Die kostenlose Sozialsprechstunde in %(town)s ruht zurzeit.") % {"town": view.address.town}
