"""Accessibility of the built pages as HTML structure: language, landmarks, skip link, times, links.

The browser tests (tests/browser/) run axe-core and the keyboard; these check what the HTML must hold.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from linkshilft.public.a11y import ensure_skip_link

from tests.support import ROOT, built_pages, parse_html

PAGE = """<html lang="de"><body>
    <div data-md-component="skip">
      {skip}
    </div>
    <header class="md-header"></header>
    <main><article class="md-content__inner md-typeset"><h1{attributes}>Titel</h1><h2>Teil</h2></article></main>
</body></html>"""


def test_skip_link_is_added_to_the_main_heading():
    soup = parse_html(ensure_skip_link(PAGE.format(skip="", attributes="")))
    link = soup.select_one('[data-md-component="skip"] a.md-skip')
    assert link.get_text(strip=True) == "Zum Inhalt"
    assert soup.h1["id"] == link["href"].removeprefix("#") == "inhalt"


def test_skip_link_uses_an_existing_heading_id():
    soup = parse_html(ensure_skip_link(PAGE.format(skip="", attributes=' id="kreis-leipzig" class="x"')))
    assert soup.select_one("a.md-skip")["href"] == "#kreis-leipzig"
    assert soup.h1.attrs == {"id": "kreis-leipzig", "class": ["x"]}


@pytest.mark.parametrize(
    "html",
    [
        PAGE.format(skip='<a href="#titel" class="md-skip">Zum Inhalt</a>', attributes=' id="titel"'),  # Material made one
        PAGE.replace("<h1{attributes}>Titel</h1>", "").format(skip=""),  # nothing to skip to
        "<?xml version='1.0'?><urlset/>",
    ],
)
def test_pages_with_a_skip_link_or_without_heading_stay_unchanged(html):
    assert ensure_skip_link(html) == html


# --- the session build ------------------------------------------------------------------------


def test_every_page_says_its_language_and_has_landmarks_and_a_working_skip_link(site):
    translated = {"en", "uk", "ru", "ar", "fa", "vi"}  # under /<code>/; German at the root
    for path in built_pages(site):
        soup = parse_html(path.read_text("utf-8"))
        first = path.relative_to(site).parts[0]
        assert soup.html["lang"] == (first if first in translated else "de"), path
        assert len(soup.find_all("main")) == 1, path
        assert soup.select_one("header.md-header") and soup.select_one("footer.md-footer"), path
        assert soup.select_one("nav.lh-footer-nav[aria-label]"), path
        skip = soup.select("a.md-skip")
        assert len(skip) == 1, path
        target = soup.find(id=skip[0]["href"].removeprefix("#"))
        assert target is not None and target.name == "h1", path
        assert target.find_parent("main") is not None, path
        assert len(soup.select("main h1")) == 1, path


def test_search_dialog_has_a_name(site):
    dialog = parse_html((site / "index.html").read_text("utf-8")).select_one('.md-search[role="dialog"]')
    assert dialog["aria-label"] == "Suche"


def test_every_time_element_has_a_machine_readable_datetime(site):
    checked = 0
    for path in built_pages(site):
        for time in parse_html(path.read_text("utf-8")).find_all("time"):
            value = time.get("datetime")
            assert value, (path, time)
            (dt.datetime if "T" in value else dt.date).fromisoformat(value)
            checked += 1
    assert checked > 100


def test_links_from_data_are_relative_or_https_tel_mailto(site):
    """Office data may only yield https:, tel: and mailto: links (the schema allows no other web address).
    The one webcal: link is the site's own calendar subscription, built from site_url, never from data."""
    site_url = re.search(r"^site_url: *(\S+)", (ROOT / "mkdocs.yml").read_text("utf-8"), re.MULTILINE)[1]
    # an office's calendar, beside its page in the page's language ("uk/stellen/…/termine.ics")
    own_calendars = re.compile(re.escape("webcal://" + site_url.split("://", 1)[1]) + r"([a-z]{2,3}/)?stellen/[^/]+/termine\.ics")
    schemes = set()
    for path in built_pages(site):
        for link in parse_html(path.read_text("utf-8")).select("article a[href]"):
            href = link["href"]
            if ":" in href.split("/")[0]:
                scheme = href.split(":", 1)[0]
                schemes.add(scheme)
                if scheme == "webcal":
                    assert own_calendars.fullmatch(href), (path, href)
                else:
                    assert scheme in ("https", "tel", "mailto"), (path, href)
    assert {"https", "tel", "mailto", "webcal"} <= schemes
