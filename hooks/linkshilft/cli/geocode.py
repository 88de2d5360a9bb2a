"""`linkshilft geocode`: the editors' command that writes an office's coordinates into its file.

The build never geocodes (no network while building); it reads what this command wrote, and
falls back to the centre of the postcode area where nothing is written yet.

Addresses go to OpenStreetMap's Nominatim through geopy, as its usage policy asks: a user
agent naming the project and a contact, at most one request a second (geopy's RateLimiter),
and only for the offices that need it. The file is changed by a ruamel.yaml round trip, so
comments, quotes, key order and line breaks stay as the editor wrote them; only the lines
of `address.coordinates` are added or changed.

The geocoder is a parameter: tests pass a fake object with a `geocode(query)` method.
"""

from __future__ import annotations

import copy
import io
import os
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml as pyyaml
from geopy.exc import GeopyError
from geopy.extra.rate_limiter import RateLimiter
from geopy.geocoders import Nominatim
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.error import YAMLError

from linkshilft.public import settings
from linkshilft.records.relations import SAXONY_LAT, SAXONY_LON

USER_AGENT = "linkshilft-sprechstundenfinder/0.1 (+{contact})"
CONTACT_ENV = "LINKSHILFT_CONTACT"
DIGITS = 4  # about 10 m: enough to find the door, and what the sample files use


@dataclass(frozen=True)
class Outcome:
    office_id: str
    path: str
    message: str  # German, for the editor
    changed: bool = False
    failed: bool = False

    def __str__(self) -> str:
        return f"{self.path}: {self.office_id}: {self.message}"


def contact_from_settings(project_dir: Path) -> str | None:
    """The contact for the user agent: $LINKSHILFT_CONTACT, else the Impressum's e-mail in mkdocs.yml."""
    if os.environ.get(CONTACT_ENV):
        return os.environ[CONTACT_ENV]
    config = project_dir / "mkdocs.yml"
    if not config.exists():
        return None
    block, problems = settings.read(config)  # as the settings check reads it: INHERIT and !ENV as MkDocs does
    impressum = block.get("impressum") if isinstance(block, Mapping) and not problems else None
    email = impressum.get("email") if isinstance(impressum, Mapping) else None
    return email.strip() if isinstance(email, str) and email.strip() else None


def nominatim(contact: str, min_delay_seconds: float = 1.0) -> Callable:
    """geopy's Nominatim with the project's user agent, limited to one request a second."""
    geocoder = Nominatim(user_agent=USER_AGENT.format(contact=contact), timeout=10)
    return RateLimiter(geocoder.geocode, min_delay_seconds=min_delay_seconds, max_retries=1, swallow_exceptions=False)


def rate_limited(geocoder, min_delay_seconds: float = 1.0) -> Callable:
    """Any object with `geocode(query, **options)`, behind the same rate limit."""
    return RateLimiter(geocoder.geocode, min_delay_seconds=min_delay_seconds, max_retries=1, swallow_exceptions=False)


def _round_trip() -> YAML:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.indent(mapping=2, sequence=4, offset=2)  # the layout of the office template
    yaml.width = 4096  # never re-wrap an editor's long line
    return yaml


def office_files(data_dir: Path) -> dict[str, Path]:
    """Office id (= file name) → file."""
    return {path.stem: path for path in sorted((data_dir / "offices").glob("*/*.yaml"))}


def query_for(address: dict) -> dict:
    """A structured Nominatim query: street and postcode find a house; the town may carry a quarter."""
    return {"street": str(address["street"]), "postalcode": str(address["postcode"]), "country": "Deutschland"}


def in_saxony(lat: float, lon: float) -> bool:
    return SAXONY_LAT[0] <= lat <= SAXONY_LAT[1] and SAXONY_LON[0] <= lon <= SAXONY_LON[1]


def geocode_file(path: Path, display: str, geocode: Callable, force: bool = False) -> Outcome:
    """Look up one office's address and write its coordinates into `path`, leaving all else as it was."""
    yaml = _round_trip()
    office_id = path.stem
    try:
        document = yaml.load(path.read_text("utf-8"))
        address = document["address"]
        query = query_for(address)
    except (YAMLError, OSError, KeyError, TypeError) as error:
        return Outcome(
            office_id,
            display,
            f"Datei kann nicht gelesen werden ({type(error).__name__}); bitte erst `linkshilft validate`",
            failed=True,
        )
    if "coordinates" in address and not force:
        return Outcome(office_id, display, "hat schon Koordinaten (mit --force neu bestimmen)")
    try:
        found = geocode(query, exactly_one=True, country_codes="de")
    except GeopyError as error:
        return Outcome(office_id, display, f"Geokodierung fehlgeschlagen: {error}", failed=True)
    where = f"{query['street']}, {query['postalcode']}"
    if found is None:
        return Outcome(office_id, display, f"Adresse nicht gefunden ({where}); bitte Straße und Postleitzahl prüfen", failed=True)
    lat, lon = round(float(found.latitude), DIGITS), round(float(found.longitude), DIGITS)
    if not in_saxony(lat, lon):
        return Outcome(
            office_id, display, f"Ergebnis {lat}, {lon} für {where} liegt nicht in Sachsen; nicht eingetragen", failed=True
        )
    coordinates = address.get("coordinates")
    if isinstance(coordinates, CommentedMap):
        coordinates["lat"], coordinates["lon"] = lat, lon
    else:
        keys = list(address)
        position = keys.index("town") + 1 if "town" in keys else len(keys)
        coordinates = CommentedMap([("lat", lat), ("lon", lon)])
        address.insert(position, "coordinates", coordinates)
        if position == len(keys):
            _move_trailing_lines(address, keys[-1], coordinates, "lon")
    out = io.StringIO()
    yaml.dump(document, out)
    path.write_text(out.getvalue(), "utf-8")
    return Outcome(office_id, display, f"Koordinaten {lat}, {lon} eingetragen", changed=True)


def _move_trailing_lines(mapping: CommentedMap, key: str, target: CommentedMap, target_key: str) -> None:
    """Keep the blank lines and comments after the old last key below the new last key.

    ruamel.yaml stores them with the key before them; without this, "coordinates" would land
    below the blank line that separates "address" from the next field.
    """
    entry = mapping.ca.items.get(key)
    token = entry[2] if entry and len(entry) > 2 else None
    if token is None or "\n" not in token.value:
        return
    own_line, rest = token.value.split("\n", 1)
    if not rest:
        return
    moved = copy.copy(token)
    moved.value = "\n" + rest
    token.value = own_line + "\n"
    target.ca.items[target_key] = [None, None, moved, None]


def geocode_offices(
    data_dir: Path, office_ids: Sequence[str], geocode: Callable, force: bool = False
) -> tuple[list[Outcome], list[str]]:
    """Geocode the named offices (all without coordinates if none is named). Returns outcomes and unknown ids."""
    files = office_files(data_dir)
    unknown = [office_id for office_id in office_ids if office_id not in files]
    chosen: Iterable[str] = office_ids or files
    outcomes = []
    for office_id in chosen:
        if office_id in unknown:
            continue
        path = files[office_id]
        display = path.relative_to(data_dir.parent).as_posix()
        if not office_ids and not force and _has_coordinates(path):
            continue  # the usual run: only offices still without coordinates, silently
        outcomes.append(geocode_file(path, display, geocode, force))
    return outcomes, unknown


def _has_coordinates(path: Path) -> bool:
    try:
        address = (pyyaml.safe_load(path.read_text("utf-8")) or {}).get("address") or {}
    except (pyyaml.YAMLError, OSError, AttributeError):
        return False  # let geocode_file report the problem
    return isinstance(address, dict) and "coordinates" in address


def run(data_dir: Path, office_ids: Sequence[str], force: bool = False, contact: str | None = None, geocoder=None) -> int:
    """The command: 0 all done, 1 an address could not be geocoded, 2 wrong use (unknown office, no contact)."""
    if geocoder is None:
        contact = contact or contact_from_settings(data_dir.resolve().parent)
        if not contact:
            print(
                "Nominatim verlangt eine Kontaktadresse im User-Agent: bitte --contact E-MAIL angeben "
                f"oder ${CONTACT_ENV} setzen (sonst gilt extra.linkshilft.impressum.email aus mkdocs.yml).",
                file=sys.stderr,
            )
            return 2
        geocode = nominatim(contact)
    else:
        geocode = rate_limited(geocoder, min_delay_seconds=0)
    outcomes, unknown = geocode_offices(data_dir, office_ids, geocode, force)
    for office_id in unknown:
        print(f'Stelle "{office_id}" gibt es nicht (erwartet: data/offices/<kreis>/{office_id}.yaml).', file=sys.stderr)
    for outcome in outcomes:
        print(outcome, file=sys.stderr if outcome.failed else sys.stdout)
    if not outcomes and not unknown:
        print("Alle Stellen haben schon Koordinaten.")
    changed = sum(o.changed for o in outcomes)
    if changed:
        files = "1 Datei" if changed == 1 else f"{changed} Dateien"
        print(f"{files} geändert. Bitte `linkshilft validate` ausführen und die Änderung prüfen.")
    if unknown:
        return 2
    return 1 if any(o.failed for o in outcomes) else 0
