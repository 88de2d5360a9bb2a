"""The site search per language: one index for German at the root, one under each /<code>/.

Material's plugin writes one index of every page; search_index.write_indexes splits it by the
pages' language and adds the offices' entries in each language. The German index stays what it
was before the site had languages; the others get the search settings Material itself gives
their language (partials/languages/<code>.html).
"""

from __future__ import annotations

import json
from pathlib import Path

from linkshilft.public import finish, search_index

CONFIG = {"lang": ["de"], "separator": "[\\s\\-]+", "pipeline": ["stopWordFilter"], "fields": {"title": {"boost": 1000.0}}}
GERMAN = [
    {"location": "", "title": "Start", "text": "Sozialberatung"},
    {"location": "kreise/leipzig/", "title": "Leipzig", "text": ""},
]
UKRAINIAN = [
    {"location": "uk/", "title": "Консультація", "text": ""},
    {"location": "uk/kreise/leipzig/", "title": "Лейпциг", "text": ""},
]
ARABIC = [{"location": "ar/kreise/leipzig/", "title": "لايبزيغ", "text": ""}]
OFFICES = {
    "": [{"location": "stellen/a/", "title": "Büro A", "text": "Leipzig"}],
    "uk/": [{"location": "uk/stellen/a/", "title": "Büro A", "text": "Лейпциг"}],
    "ar/": [{"location": "ar/stellen/a/", "title": "Büro A", "text": "لايبزيغ"}],
    "ru/": [],
}


def plugin_index(site: Path, docs: list[dict]) -> Path:
    """The file Material's plugin writes (ASCII escapes, as json.dumps by default)."""
    path = site / "search" / "search_index.json"
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps({"config": CONFIG, "docs": docs}, separators=(",", ":")), "utf-8")
    return path


def read(path: Path) -> dict:
    return json.loads(path.read_text("utf-8"))


def test_the_german_index_is_the_one_of_a_german_only_site(tmp_path):
    # What the site wrote before it had languages: the plugin's German pages and the offices, as UTF-8.
    before = json.dumps({"config": CONFIG, "docs": [*GERMAN, *OFFICES[""]]}, ensure_ascii=False, separators=(",", ":"))
    site = tmp_path / "site"
    plugin_index(site, [GERMAN[0], *UKRAINIAN, GERMAN[1], *ARABIC])
    search_index.write_indexes(site, OFFICES, finish.theme_folders(None))
    ours = (site / "search" / "search_index.json").read_bytes()
    assert ours == before.encode("utf-8")


def test_each_language_gets_its_pages_its_offices_and_materials_settings_for_it(tmp_path):
    site = tmp_path / "site"
    plugin_index(site, [GERMAN[0], *UKRAINIAN, GERMAN[1], *ARABIC])
    search_index.write_indexes(site, OFFICES, finish.theme_folders(None))
    ukrainian, arabic, russian = (read(site / code / "search" / "search_index.json") for code in ("uk", "ar", "ru"))
    assert ukrainian["docs"] == [*UKRAINIAN, *OFFICES["uk/"]]
    assert arabic["docs"] == [*ARABIC, *OFFICES["ar/"]]
    assert russian["docs"] == []
    # lunr has no Ukrainian or Persian: Material searches them, and Arabic, as "en" (no stemmer, whose
    # stems a typed word would not match); the stop words only where Material keeps them.
    assert ukrainian["config"] == {**CONFIG, "lang": ["en"], "pipeline": ["stopWordFilter"]}
    assert arabic["config"] == {**CONFIG, "lang": ["en"], "pipeline": []}
    assert russian["config"] == {**CONFIG, "lang": ["ru"], "pipeline": ["stopWordFilter"]}


def test_finishing_twice_changes_nothing(tmp_path):
    site = tmp_path / "site"
    plugin_index(site, [GERMAN[0], *UKRAINIAN, GERMAN[1], *ARABIC])
    folders = finish.theme_folders(None)
    search_index.write_indexes(site, OFFICES, folders)
    first = {path: path.read_bytes() for path in site.rglob("*.json")}
    search_index.write_indexes(site, OFFICES, folders)
    assert {path: path.read_bytes() for path in site.rglob("*.json")} == first


def test_without_the_search_plugin_nothing_is_written(tmp_path):
    search_index.write_indexes(tmp_path, OFFICES, finish.theme_folders(None))
    assert not list(tmp_path.rglob("*"))


def test_the_built_site_has_one_index_per_language_with_its_offices(site, dataset):
    german = read(site / "search" / "search_index.json")
    codes = ("en", "uk", "ru", "ar", "fa", "vi")
    assert not [d for d in german["docs"] if d["location"].split("/")[0] in codes]
    offices = {d["location"] for d in german["docs"] if d["location"].startswith("stellen/")}
    assert len(offices) > 30 and "auch auf" in " ".join(d["text"] for d in german["docs"])
    for code in codes:
        index = read(site / code / "search" / "search_index.json")
        locations = [d["location"] for d in index["docs"]]
        assert all(location.startswith(f"{code}/") for location in locations), code
        # one entry per office, as in German: the office pages themselves stay out of the plugin
        assert {location for location in locations if location.startswith(f"{code}/stellen/")} == {
            f"{code}/{location}" for location in offices
        }
        assert f"{code}/kreise/leipzig/" in locations and f"{code}/themen/schulden/" in locations
        assert index["config"]["fields"] == german["config"]["fields"]
    ukrainian = read(site / "uk" / "search" / "search_index.json")["docs"]
    (plagwitz,) = [d for d in ukrainian if d["location"] == "uk/stellen/leipzig-plagwitz/"]
    assert "Лейпциг" in plagwitz["text"] and "Мови консультації" in plagwitz["text"] and "auch auf" not in plagwitz["text"]
    arabic = read(site / "ar" / "search" / "search_index.json")["docs"]
    (leipzig,) = [d for d in arabic if d["location"] == "ar/kreise/leipzig/"]
    assert "لايبزيغ" in leipzig["title"] + leipzig["text"]  # the heading in Arabic (district.html)
