"""One search entry per office, instead of lunr indexing every office page section by section.

Material's search plugin parses each page's HTML into one entry per heading, and the browser
loads the whole index before the first result shows. For thousands of offices that was most
of the index, and parsing the office pages was a large part of the build. The office pages
are therefore kept out of the plugin (`search: exclude`), and this module adds one compact
entry per office after the plugin has written its file: the name as title, and as text what
a citizen types or wants to see in the result: address, district, hours, topics, languages.

The file format is the one Material's search worker reads (`{"config": …, "docs": [...]}`
with `location`, `title`, `text`); nothing of the plugin's internals is used. Zensical writes
search.json at the site's root instead: `{"config": …, "items": [...]}`, each item with `level`
(1: a page), `path` (its breadcrumbs) and `tags` besides; `add_items` adds the same entries there.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from linkshilft.public import urls, views
from linkshilft.sinks import search_html

SEPARATOR = " · "


def office_entry(office: views.OfficeView) -> dict:
    """The entry for an office's view (views.OfficeView): plain text made safe as HTML, no internal value.

    Material's search worker inserts `title` and `text` with innerHTML, so both are escaped here.
    """
    address = office.address
    parts = [
        f"{address.street}, {address.postcode} {address.town}",
        office.district_name,
        office.rhythm_summary,
        ", ".join(topic.name for topic in office.topics),
    ]
    languages = [name for name in office.languages if name != "Deutsch"]
    if languages:
        parts.append("auch auf " + ", ".join(languages))
    text = SEPARATOR.join(p for p in parts if p)
    return {"location": urls.office(office.id), "title": search_html(office.name), "text": search_html(text)}


def add_entries(index_file: Path, entries: Iterable[dict]) -> None:
    """Appends `entries` to the search index Material wrote to `index_file` (if search is on)."""
    if not index_file.exists():  # the search plugin is switched off: nothing to add to
        return
    index = json.loads(index_file.read_text("utf-8"))
    index["docs"].extend(_new(index["docs"], entries))
    index_file.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), "utf-8")


def add_items(index_file: Path, entries: Iterable[dict]) -> None:
    """Appends `entries` to the search index Zensical wrote to `index_file` (if search is on)."""
    if not index_file.exists():
        return
    index = json.loads(index_file.read_text("utf-8"))
    index["items"].extend({**entry, "level": 1, "path": [], "tags": []} for entry in _new(index["items"], entries))
    index_file.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), "utf-8")


def _new(present: list[dict], entries: Iterable[dict]) -> list[dict]:
    """The entries whose page has none yet: finishing a site twice adds nothing the second time."""
    locations = {entry.get("location") for entry in present}
    return [entry for entry in entries if entry["location"] not in locations]
