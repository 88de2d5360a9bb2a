"""What does not depend on the language is done once per build, however many languages the site has
(issue 19): validation, dates, neighbours, finder data, postcodes, places, open data, calendars, the
offices' schema.org data and the notices' QR codes.

One build is driven as the hooks drive it (hooks/main.py: prepare, start_background, pages, render,
the QR codes filled in, the files beside the pages, the search entries, finish), once with German
alone and once with all seven languages; every language-neutral function must be called exactly as
often in both. The speed of the two builds is bench/language_builds.py's (`make bench`), not a test's.
"""

from __future__ import annotations

import importlib
import importlib.util
from collections import Counter

import pytest
from linkshilft.public import content, edge

from tests.support import ROOT, TODAY

_spec = importlib.util.spec_from_file_location("language_builds", ROOT / "bench" / "language_builds.py")
language_builds = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(language_builds)

ALL = ["de", "en", "uk", "ru", "ar", "fa", "vi"]
# (module, function): called by the build, never in a loop over its languages. One list with the
# bench's (bench/language_builds.py, its steps marked language-neutral), and three more that only a
# build in this process can count: at the bench's scale, calendars and QR codes are made in other processes.
NEUTRAL = (
    *((module, attribute) for _, module, attribute, neutral in language_builds.STEPS if neutral),
    ("linkshilft.exports.open_data", "office_record"),  # each office's open data record
    ("linkshilft.exports.calendars", "calendar_files"),  # the .ics files
    ("linkshilft.public.qr", "draw"),  # each notice's QR code
)
# Read from their files once: the cache misses count.
CACHED = tuple(getattr(importlib.import_module(module), name) for _, module, name in language_builds.CACHED)


def owner(module: str, attribute: str) -> tuple[object, str]:
    """The object that holds `attribute` ("PublicSite.__init__": the class) and the name in it."""
    holder = importlib.import_module(module)
    *path, name = attribute.split(".")
    for part in path:
        holder = getattr(holder, part)
    return holder, name


def one_build(codes: list[str], site_dir, monkeypatch) -> tuple[Counter, list[str]]:
    """How often each language-neutral function ran in one build with the languages `codes`, and its pages."""
    calls: Counter = Counter()

    def counting(name, function):
        def wrapper(*args, **kwargs):
            calls[name] += 1
            return function(*args, **kwargs)

        return wrapper

    with monkeypatch.context() as patch:
        for module, attribute in NEUTRAL:
            holder, name = owner(module, attribute)
            patch.setattr(holder, name, counting(f"{module}.{attribute}", getattr(holder, name)))
        for cached in CACHED:
            cached.cache_clear()
        # The data are checked against all languages (their translations are no error); the pages are made
        # in `codes` only, as the internal site makes German pages of the same data.
        settings = {"languages": ALL, "site_url": "https://sprechstunden.example/"}
        site, _ = edge.prepare(ROOT, settings, today=TODAY)
        site.languages = [language for language in site.languages if language.code in codes]
        site.start_background(site_dir)
        pages = site.pages()
        for page in pages:
            site.background.qr.fill(site.render(page, content.page_url(page.src_uri)))  # as on_post_page
        content.files(site)
        site.search_entries()
        site.background.finish()
    for cached in CACHED:
        calls[f"{cached.__module__}.{cached.__name__} (gelesen)"] = cached.cache_info().misses
    return calls, [page.src_uri for page in pages]


@pytest.fixture(scope="module")
def counted(tmp_path_factory):
    monkeypatch = pytest.MonkeyPatch()
    monkeypatch.delenv("LINKSHILFT_DATA", raising=False)  # the sample data in data/
    german = one_build(["de"], tmp_path_factory.mktemp("de"), monkeypatch)
    seven = one_build(ALL, tmp_path_factory.mktemp("all"), monkeypatch)
    monkeypatch.undo()
    return german, seven


def test_the_seven_language_build_has_the_pages_of_each_language(counted):
    (_, german_pages), (_, all_pages) = counted
    assert {uri.split("/")[0] for uri in german_pages} & set(ALL) == set()
    offices = [uri for uri in german_pages if uri.startswith("stellen/") and uri.count("/") == 1]
    for code in ALL[1:]:  # every office page again, under the language's prefix
        assert {f"{code}/{uri}" for uri in offices} <= set(all_pages), code


def test_language_neutral_work_is_done_once_whatever_the_number_of_languages(counted):
    (german, _), (seven, _) = counted
    assert all(german[f"{module}.{attribute}"] > 0 for module, attribute in NEUTRAL), german  # each is reached
    assert all(german[f"{c.__module__}.{c.__name__} (gelesen)"] == 1 for c in CACHED), german
    assert dict(seven) == dict(german)
