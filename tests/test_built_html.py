"""The session build as a browser and lunr see it: well-formed pages, unique ids, links that resolve, a lean search index."""

from __future__ import annotations

import importlib.util
import json
import re

import pytest

from tests.support import ROOT

_spec = importlib.util.spec_from_file_location("check_html", ROOT / "bench" / "check_html.py")
check_html = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(check_html)


def test_every_page_is_well_formed_with_unique_ids_and_resolving_links(site):
    assert check_html.check(site) == []


def test_the_html_check_finds_broken_markup_duplicate_ids_and_dead_links(tmp_path):
    (tmp_path / "index.html").write_text(
        '<!doctype html><html lang="de"><head><title>x</title></head><body><p id="a">1</p><p id="a">2</p>'
        '<a href="nicht-da/">x</a><a href="#fehlt">y</a><div></span></body></html>',
        "utf-8",
    )
    problems = "\n".join(check_html.check(tmp_path))
    assert 'id "a" kommt 2-mal vor' in problems
    assert "nicht-da/ führt ins Leere" in problems
    assert "Anker #fehlt fehlt" in problems
    assert "HTML: Unexpected end tag (span)" in problems


@pytest.fixture(scope="module")
def search_docs(site):
    return json.loads((site / "search" / "search_index.json").read_text("utf-8"))["docs"]


def _words(text: str) -> set[str]:
    """The tokens lunr makes: split at the index's separator, punctuation trimmed off the ends."""
    tokens = re.split(r"[\s\-]+", re.sub(r"<[^>]+>", " ", text).lower())
    return {re.sub(r"^\W+|\W+$", "", token) for token in tokens}


def test_search_finds_an_office_by_name_town_postcode_district_and_topic(search_docs):
    (entry,) = [d for d in search_docs if d["location"].startswith("stellen/leipzig-plagwitz/")]
    assert entry["location"] == "stellen/leipzig-plagwitz/" and entry["title"] == "Bürgerbüro Plagwitz"
    words = _words(entry["text"])
    assert {"karl", "heine", "88", "04229", "leipzig", "plagwitz"} <= words  # words apart, not "88 04229" glued
    assert {"miete", "dienstag"} <= words  # a topic, and the hours a result should show
    assert "<" not in entry["text"]  # the result shows text, not markup
    assert any(d["location"] == "themen/miete/" and d["title"] for d in search_docs)


def test_search_holds_one_entry_per_office_and_nothing_that_repeats(search_docs, dataset):
    office_locations = [d["location"] for d in search_docs if d["location"].startswith("stellen/")]
    assert sorted(office_locations) == sorted(f"stellen/{o.id}/" for o in dataset.public_offices())
    locations = [d["location"] for d in search_docs]
    assert not [loc for loc in locations if loc.startswith(("termine/#", "themen/rente/#", "kreise/leipzig/#"))]
    office_texts = [d["text"] for d in search_docs if d["location"].startswith("stellen/")]
    assert not any("Kostenlose Sozialberatung, vertraulich" in text for text in office_texts)
