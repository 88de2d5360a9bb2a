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
    return set(re.split(r"[\s\-]+", re.sub(r"<[^>]+>", " ", text).lower()))


def test_search_finds_an_office_by_name_town_postcode_and_topic(search_docs):
    entries = {d["location"]: d for d in search_docs if d["location"].startswith("stellen/leipzig-plagwitz/")}
    assert entries["stellen/leipzig-plagwitz/"]["title"] == "Bürgerbüro Plagwitz"
    address = _words(entries["stellen/leipzig-plagwitz/#adresse"]["text"])
    assert {"karl", "heine", "88", "04229", "leipzig", "plagwitz"} <= address  # words apart, not "88 04229" glued
    assert "miete" in _words(entries["stellen/leipzig-plagwitz/#themen"]["text"])
    assert any(d["location"] == "themen/miete/" and d["title"] for d in search_docs)


def test_search_index_leaves_out_what_repeats_on_every_generated_page(search_docs):
    locations = [d["location"] for d in search_docs]
    office_sections = {loc.split("#")[1] for loc in locations if loc.startswith("stellen/") and "#" in loc}
    assert office_sections == {"adresse", "themen"}
    assert not [loc for loc in locations if loc.startswith(("termine/#", "themen/rente/#", "kreise/leipzig/#"))]
    office_texts = [d["text"] for d in search_docs if d["location"].startswith("stellen/")]
    assert not any("Kostenlose Sozialberatung, vertraulich" in text for text in office_texts)
