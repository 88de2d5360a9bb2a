"""The language versions of the public site (issue 19): every generated page under /<code>/, in its
language and writing direction, with complete and reciprocal alternate links and a language switch
that leads to the same page. On the session build (conftest.site)."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin

import pytest
from linkshilft.languages import language, site_languages
from linkshilft.public import csp, translated
from linkshilft.public.settings import read

from tests.support import ROOT

SETTINGS, _ = read(ROOT / "mkdocs.yml")
LANGUAGES = site_languages(SETTINGS)
CODES = [lang.code for lang in LANGUAGES]
OTHER = CODES[1:]
SITE_URL = "https://sprechstunden.linke-beispiel.de/"
ALTERNATE = re.compile(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">')
SWITCH = re.compile(r'<a href="([^"]+)" hreflang="([^"]+)"[^>]*class="md-select__link lh-language"')


def _page(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text("utf-8")


def _generated(site: Path) -> list[str]:
    """Addresses of the German generated pages that exist in every language (not the notices)."""
    found = []
    for folder in ("stellen", "kreise", "themen", "termine"):
        for page in (site / folder).rglob("index.html"):
            url = page.parent.relative_to(site).as_posix() + "/"
            if "/aushang/" not in url:
                found.append(url)
    return sorted(found)


def test_a_page_s_language_is_read_from_its_address():
    assert translated.split("uk/stellen/a/", LANGUAGES) == (language("uk"), "stellen/a/")
    assert translated.split("uk/", LANGUAGES) == (language("uk"), "")
    assert translated.split("stellen/a/", LANGUAGES) == (language("de"), "stellen/a/")
    assert translated.split("ukraine/", LANGUAGES) == (language("de"), "ukraine/")  # a German page that starts so


def test_translated_pages_link_their_language_s_pages_and_the_german_files():
    expected = {"root": "../../", "site_root": "../../../", "here": "../../../stellen/a/"}
    assert translated.roots("uk/stellen/a/", LANGUAGES) == expected
    assert translated.roots("stellen/a/", LANGUAGES) == {"root": "../../", "site_root": "../../", "here": ""}


def test_versions_are_only_those_that_exist():
    pages = {"stellen/a/", "uk/stellen/a/", "impressum/"}
    versions = translated.versions("uk/stellen/a/", pages, LANGUAGES, SITE_URL)
    assert [(v.code, v.href, v.url, v.current) for v in versions] == [
        ("de", "../../../stellen/a/", SITE_URL + "stellen/a/", False),
        ("uk", "../../../uk/stellen/a/", SITE_URL + "uk/stellen/a/", True),
    ]
    assert translated.versions("impressum/", pages, LANGUAGES, SITE_URL) == []


def test_every_generated_page_exists_in_every_language_in_its_language_and_direction(site):
    german = _generated(site)
    assert len(german) > 50
    for code in OTHER:
        direction = language(code).direction
        for url in german:
            html = _page(site, code + "/" + url)
            assert f'<html lang="{code}"' in html, (code, url)
            assert f'<body dir="{direction}"' in html, (code, url)
        start = _page(site, code)
        assert f'<html lang="{code}"' in start and 'id="finder"' in start and 'class="lh-card"' in start
    assert '<body dir="rtl"' in _page(site, "ar/stellen/leipzig-plagwitz/")
    assert '<body dir="rtl"' in _page(site, "fa/")
    assert '<html lang="de"' in _page(site, "stellen/leipzig-plagwitz/")


@pytest.mark.parametrize("url", ["", "stellen/leipzig-plagwitz/", "kreise/", "themen/", "termine/", "kreise/leipzig/"])
def test_alternate_links_are_complete_and_reciprocal_with_german_as_default(site, url):
    expected = {code: SITE_URL + (f"{code}/" if code != "de" else "") + url for code in CODES}
    expected["x-default"] = SITE_URL + url
    for code in CODES:
        html = _page(site, (f"{code}/" if code != "de" else "") + url)
        assert dict(ALTERNATE.findall(html)) == expected, (code, url)


def test_a_page_without_translations_has_no_alternates_and_no_switch(site):
    html = _page(site, "impressum")
    assert not ALTERNATE.findall(html) and "lh-language" not in html


@pytest.mark.parametrize("url", ["stellen/leipzig-plagwitz/", "uk/stellen/leipzig-plagwitz/", "ar/", "kreise/leipzig/"])
def test_the_language_switch_leads_to_the_same_page_in_each_language(site, url):
    html = _page(site, url)
    links = SWITCH.findall(html)
    assert [code for _, code in links] == CODES
    neutral = translated.split(url, LANGUAGES)[1]
    for href, code in links:
        target = urljoin("https://x/" + url, href).removeprefix("https://x/")
        assert target == (f"{code}/" if code != "de" else "") + neutral
        assert (site / target / "index.html").is_file()
    names = re.findall(r'class="md-select__link lh-language"[^>]*>([^<]+)</a>', html)
    assert names == ["Deutsch", "English", "українська", "русский", "العربية", "فارسی", "Tiếng Việt"]  # endonyms


def test_every_page_in_every_language_has_a_policy_that_allows_exactly_its_inline_scripts(site):
    for code in OTHER:
        for page in (site / code).rglob("index.html"):
            html = page.read_text("utf-8")
            policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html).group(1)
            for expression in csp.inline_script_hashes(html):
                assert expression in policy, page
            assert csp.secure(html, frozenset(csp.inline_script_hashes(html)))[1] == [], page
