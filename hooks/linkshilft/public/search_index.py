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

Every language has its own index, as a site per language would: a visitor on /uk/ searches the
Ukrainian pages, not a mix of seven languages. Material's plugin indexes the pages of all languages
into one file; `write_indexes` splits it by the pages' language prefix: German stays at the root
(the same file as before the site had languages), each other language goes to /<code>/search/,
where search-on-demand.js asks for it on that language's pages. Each gets the search settings
(`lang`, `separator`, `pipeline`) Material gives its language (partials/languages/<code>.html, the
values Material's plugin would write for a site in that language): lunr has no Ukrainian or Persian
and Material's Arabic is without stemmer, so these are searched as "en" without stemming or
trimming (the trimmer would cut away every non-Latin letter). Zensical's search.json stays German.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, TemplateNotFound

from linkshilft.languages import Domain
from linkshilft.public import urls, views
from linkshilft.sinks import search_html

_ = Domain("seiten").gettext
SEPARATOR = " · "
INDEX = "search/search_index.json"  # Material's, below the site root and below each language's prefix


def office_entry(office: views.OfficeView, prefix: str = "") -> dict:
    """The entry for an office's view (views.OfficeView): plain text made safe as HTML, no internal value.
    `prefix` is the language's ("uk/"): the view is made in the active language, the page is there.

    Material's search worker inserts `title` and `text` with innerHTML, so both are escaped here.
    """
    address = office.address
    parts = [
        f"{address.street}, {address.postcode} {address.town}",
        office.district_name,
        office.rhythm_summary,
        ", ".join(topic.name for topic in office.topics),  # not CLDR's list: Arabic glues "و" to the next word, lunr's token
    ]
    if not prefix:
        languages = [name for name in office.languages if name != "Deutsch"]
        if languages:
            parts.append("auch auf " + ", ".join(languages))
    else:  # the sentence of the office page (office.html), with German named too: it is not a given there
        parts.append(_("Beratung auf %(languages)s.") % {"languages": ", ".join(office.languages)})
    text = SEPARATOR.join(p for p in parts if p)
    location = prefix + urls.office(office.id)
    return {"location": location, "title": search_html(office.name), "text": search_html(text)}


def write_indexes(site_dir: Path, entries: Mapping[str, Iterable[dict]], theme_folders: Sequence[Path]) -> None:
    """Splits the index Material's plugin wrote into one per language and adds each its offices' entries.

    `entries` maps each language's prefix ("" for German, "uk/") to its entries (office_entry);
    `theme_folders` are the theme's template folders (the settings per language). Finishing a site
    twice changes nothing: the second run reads back what the first moved under the prefixes.
    """
    root = site_dir / INDEX
    if not root.exists():  # the search plugin is switched off: nothing to add to
        return
    index = json.loads(root.read_text("utf-8"))
    prefixes = [prefix for prefix in entries if prefix]
    docs = list(index["docs"])
    for prefix in prefixes:
        if (site_dir / prefix / INDEX).exists():
            docs += json.loads((site_dir / prefix / INDEX).read_text("utf-8"))["docs"]
    for prefix, new in entries.items():
        own = [doc for doc in docs if _prefix_of(doc["location"], prefixes) == prefix]
        own += _new(own, new)
        config = index["config"]
        if prefix:
            config = {**config, **language_settings(theme_folders, prefix.rstrip("/"))}
        path = site_dir / prefix / INDEX
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps({**index, "config": config, "docs": own}, ensure_ascii=False, separators=(",", ":")), "utf-8")


def language_settings(theme_folders: Sequence[Path], code: str) -> dict:
    """`lang`, `separator` and `pipeline` of the search in language `code`, as Material's plugin takes
    them from the theme's partials/languages/<code>.html, English where that has none."""
    env = Environment(loader=FileSystemLoader([str(folder) for folder in theme_folders]))
    texts = []
    for name in (f"partials/languages/{code}.html", "partials/languages/en.html"):
        try:
            texts.append(env.get_template(name).module)
        except TemplateNotFound:
            continue

    def setting(key: str) -> str:
        return next((value for value in (str(module.t(key)) for module in texts) if value), "")

    return {
        "lang": [setting("search.config.lang") or "en"],
        "separator": setting("search.config.separator") or r"[\s\-]+",
        "pipeline": [name for name in re.split(r"\s*,\s*", setting("search.config.pipeline").strip()) if name],
    }


def _prefix_of(location: str, prefixes: Sequence[str]) -> str:
    return next((prefix for prefix in prefixes if location.startswith(prefix)), "")


def add_items(index_file: Path, entries: Iterable[dict], prefixes: Sequence[str] = ()) -> None:
    """Appends `entries` to the search index Zensical wrote to `index_file` (if search is on).
    Zensical reads one index for the whole site: it keeps the German pages, not those under `prefixes`."""
    if not index_file.exists():
        return
    index = json.loads(index_file.read_text("utf-8"))
    index["items"] = [item for item in index["items"] if not _prefix_of(item.get("location", ""), prefixes)]
    index["items"].extend({**entry, "level": 1, "path": [], "tags": []} for entry in _new(index["items"], entries))
    index_file.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), "utf-8")


def _new(present: list[dict], entries: Iterable[dict]) -> list[dict]:
    """The entries whose page has none yet: finishing a site twice adds nothing the second time."""
    locations = {entry.get("location") for entry in present}
    return [entry for entry in entries if entry["location"] not in locations]
