"""The site search in Chromium: an office is found by what a citizen types, as one result.

Office pages are indexed as one entry each (hooks/linkshilft/public/search_index.py), appended to
the index Material's plugin writes; this checks that Material's search worker reads them.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import open_search


def results(page) -> list[tuple[str, str]]:
    # Read in one step: the list is rebuilt as the worker answers, so element handles can vanish.
    links = page.evaluate(
        "[...document.querySelectorAll('.md-search-result__list > li a')]"
        ".map((a) => [a.getAttribute('href'), a.innerText])"
    )
    # Material appends the query (?h=…) to highlight it on the page; only the path matters here.
    return [(urlsplit(href).path, text) for href, text in links]


@pytest.mark.parametrize("query", ["Plagwitz", "04229", "Karl-Heine"])
def test_an_office_is_found_by_name_postcode_and_street(server, new_page, query):
    page = new_page(width=375)
    page.goto(server)
    open_search(page, query)
    found = results(page)
    hits = [text for href, text in found if href.rstrip("/").endswith("stellen/leipzig-plagwitz")]
    assert len(hits) == 1, found  # one result per office, not one per section
    assert "Bürgerbüro Plagwitz" in hits[0]
    assert "04229 Leipzig" in hits[0]


def test_a_topic_finds_its_page_and_offices(server, new_page):
    page = new_page(width=1280)
    page.goto(server + "hinweise/")
    open_search(page, "Schulden")
    hrefs = [href for href, _ in results(page)]
    assert any(href.rstrip("/").endswith("themen/schulden") for href in hrefs), hrefs
    assert any("/stellen/" in href for href in hrefs), hrefs


# A district's and a topic's name as the translated pages write them (data/districts.yaml, data/topics.yaml).
TRANSLATED_QUERIES = [
    ("uk", "Лейпциг", "kreise/leipzig"),
    ("uk", "Борги", "themen/schulden"),
    ("ar", "لايبزيغ", "kreise/leipzig"),
    ("ar", "الديون", "themen/schulden"),
]


@pytest.mark.parametrize(("code", "query", "target"), TRANSLATED_QUERIES)
def test_on_a_translated_page_the_search_finds_that_languages_pages(server, new_page, code, query, target):
    """A Ukrainian or Arabic word on /uk/ or /ar/ finds the page and the offices in that language,
    and nothing of the other six languages (each language has its own index)."""
    page = new_page(width=390)
    requests = []
    page.on("request", lambda request: requests.append(urlsplit(request.url).path))
    page.goto(server + f"{code}/")
    page.wait_for_load_state("networkidle")
    assert not [path for path in requests if path.endswith("search_index.json")]  # not before the search is opened
    open_search(page, query)
    hrefs = [href for href, _ in results(page)]
    assert any(href.rstrip("/").endswith(f"/{code}/{target}") for href in hrefs), hrefs
    assert any(href.startswith(f"/{code}/stellen/") for href in hrefs), hrefs  # the offices there, in the language
    assert all(href.startswith(f"/{code}/") for href in hrefs), hrefs  # no German page, no other language
    assert f"/{code}/search/search_index.json" in requests and "/search/search_index.json" not in requests


def test_german_pages_search_the_german_index_only(server, new_page):
    page = new_page(width=390)
    page.goto(server + "kreise/")
    open_search(page, "Leipzig")
    hrefs = [href for href, _ in results(page)]
    assert any(href.rstrip("/").endswith("/kreise/leipzig") for href in hrefs), hrefs
    codes = ("en", "uk", "ru", "ar", "fa", "vi")
    assert not [href for href in hrefs if href.split("/")[1] in codes], hrefs


def test_pasted_text_is_searched_without_a_further_key(server, new_page):
    """Pasting with the mouse or a finger sends no key: Material, which searches on key release, showed
    nothing until the next key. Playwright's fill() changes the field as a paste does."""
    page = new_page(width=390, height=844, is_mobile=True, has_touch=True)
    page.goto(server)
    open_search(page, "Chemnitz")  # typed: the index is loaded, and the list answers "Chemnitz"
    expect(page.locator(".md-search-result__list")).not_to_contain_text("Grünau")
    page.locator("input.md-search__input").fill("Grünau")
    expect(page.locator(".md-search-result__list")).to_contain_text("Grünau")
    expect(page.locator(".md-search-result__list")).not_to_contain_text("Chemnitz")
