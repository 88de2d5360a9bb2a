"""The site search in Chromium: an office is found by what a citizen types, as one result.

Office pages are indexed as one entry each (hooks/linkshilft/public/search_index.py), appended to
the index Material's plugin writes; this checks that Material's search worker reads them.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

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
