"""Translated pages say what they say in their language (issue 19): no German interface text outside
elements marked as German data, numbers and addresses left to right in Arabic, the summaries of the
advice notice and the privacy notice, and a way to report a translation error. On the session build."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urljoin

import html5lib
import pytest
from linkshilft.labels import LANGUAGE_NAMES, legal_note
from linkshilft.languages import DOMAINS, active, read_catalog

from tests.test_language_versions import OTHER

SITE_NAME = "Links.hilft – Sozialsprechstunden in Sachsen"  # site_name in mkdocs.yml; "Links.hilft" is the brand
SKIPPED_TAGS = {"script", "style", "svg", "template", "head"}
WORD = re.compile(r"[A-Za-zÄÖÜäöüß]{4,}")
# Texts another part of the site makes in the page's language: dates, times and the schedule in words
# (catalog "termine", its own tests), and topic and district names (translated in the data, with a
# German fallback marked by its own view field). Outside this test's catalog.
NOT_OURS = re.compile(r"(^|\s)(lh-relative|lh-card__rhythm|lh-rhythms)(\s|$)")


def _text(message) -> str:
    text = " ".join(message) if isinstance(message, tuple) else message
    return re.sub(r"<[^>]+>|%\(\w+\)[sd]", " ", text or "")


def german_interface_words() -> set[str]:
    """Words of the catalog "seiten"'s German texts that no translation keeps (as "Jobcenter" is kept)."""
    german, kept = set(), set()
    for code in OTHER:
        for domain in DOMAINS:
            for message in read_catalog(code, domain):
                if message.id:
                    kept |= set(WORD.findall(_text(message.string)))
                    if domain == "seiten":
                        german |= set(WORD.findall(_text(message.id)))
    return german - kept


GERMAN = german_interface_words()


def german_outside_german_data(html: str, data_words: frozenset[str] = frozenset()) -> list[str]:
    """Text nodes with German interface words that are not inside an element marked lang="de",
    not hidden, not code, and not the text another catalog makes (NOT_OURS); `data_words` are
    words of data that is translated elsewhere (topic names) and so not this catalog's."""
    found: list[str] = []
    interface = GERMAN - data_words

    def walk(element, skip: bool) -> None:
        tag = element.tag.rsplit("}", 1)[-1] if isinstance(element.tag, str) else ""
        skip = (
            skip
            or tag in SKIPPED_TAGS
            or tag == "time"
            or element.get("lang") == "de"
            or element.get("hidden") is not None
            or bool(NOT_OURS.search(element.get("class") or ""))
            or "themen/" in (element.get("href") or "")
            or (tag == "ul" and element.get("data-lh-rhythms") is not None)
        )
        for text in (element.text, *(child.tail for child in element)):
            if text and not skip and interface & set(WORD.findall(text)):
                found.append(text.strip())
        for child in element:
            walk(child, skip)

    document = html5lib.parse(html, namespaceHTMLElements=False)
    walk(document, False)
    return found


def _rhythm_lists(html: str) -> str:
    """The schedule in words under "Sprechzeiten" is the catalog termine's: marked for walk()."""
    return re.sub(r'(<h2 id="sprechzeiten"[^>]*>.*?</h2>\s*<ul)', r"\1 data-lh-rhythms", html, flags=re.S)


@pytest.fixture(scope="module")
def data_words(dataset) -> frozenset[str]:
    """Words of what the data names, translated there or named by CLDR (not this catalog's): topic
    and district names and descriptions, the German names of languages."""
    texts = [t.name + " " + t.description for t in dataset.topics.values()]
    texts += [d.name for d in dataset.districts.values()] + list(LANGUAGE_NAMES.values())
    return frozenset(WORD.findall(" ".join(texts)))


def _page(site: Path, url: str) -> str:
    return _rhythm_lists((site / url / "index.html").read_text("utf-8"))


def test_the_checker_finds_german_interface_text_and_accepts_german_data():
    assert {"Nächste", "Termine", "Sprechzeiten", "Barrierefreiheit"} <= GERMAN
    assert "Jobcenter" not in GERMAN  # kept in every translation
    html = (
        '<html lang="uk"><body><h2>Найближчі дати</h2><p lang="de">Nächste Termine am Markt</p>'
        "<p>Sprechzeiten</p><p hidden>Barrierefreiheit</p><script>Termine</script></body></html>"
    )
    assert german_outside_german_data(html) == ["Sprechzeiten"]


@pytest.mark.parametrize("url", ["uk/stellen/leipzig-plagwitz/", "uk/", "uk/kreise/leipzig/", "uk/hinweise/", "uk/datenschutz/"])
def test_a_ukrainian_page_has_no_german_interface_text_outside_german_data(site, url, data_words):
    html = _page(site, url)
    assert '<html lang="uk"' in html
    assert german_outside_german_data(html, data_words) == []


def test_a_ukrainian_office_page_speaks_ukrainian_and_marks_the_editors_german(site):
    html = _page(site, "uk/stellen/leipzig-plagwitz/")
    for text in ("Найближчі дати", "Адреса та як дістатися", "Доступність", "Хто консультує", "Контакти"):
        assert text in html
    assert re.search(r'<h1[^>]*lang="de"', html)  # the office's name, as editors wrote it
    assert "Консультації проводяться під керівництвом" in html  # the legal note in Ukrainian


@pytest.mark.parametrize("code", OTHER)
def test_every_language_has_the_legal_note_for_every_qualification(code):
    notes = []
    with active(code):
        notes.append(legal_note(None))
        for qualification in ("rechtsanwaeltin", "rechtsanwalt", "volljuristin", "volljurist"):
            for name in ("Erika Muster", None):  # named only with consent
                notes.append(legal_note(SimpleNamespace(qualification=qualification, public_name=name)))
    assert all("Die Beratung erfolgt" not in note for note in notes)
    assert sum("Erika Muster" in note for note in notes) == 4
    assert len(set(notes)) == 6  # named: a sentence per qualification; unnamed: attorney, or jurist


def test_arabic_pages_keep_numbers_times_and_addresses_left_to_right(site):
    html = _page(site, "ar/stellen/leipzig-plagwitz/")
    assert '<body dir="rtl"' in html
    assert re.search(r"<bdi>\d{1,2}:\d{2}", html)  # times: isolated, in their own direction (12 hours with "ص"/"م")
    assert re.search(r'<a href="tel:[^"]+"><bdi dir="ltr">[\d ]+</bdi></a>', html)  # the phone number
    assert re.search(r'<address dir="ltr">', html)
    assert re.search(r"<bdi>[\d,.]+\s?كم</bdi>", html)  # distances, with CLDR's Arabic unit: isolated, in its own direction
    german = _page(site, "stellen/leipzig-plagwitz/")
    assert "<bdi" not in german and "<address dir" not in german


INLINE = {"span", "a", "em", "strong", "b", "i", "small", "q", "cite", "abbr", "time"}


@pytest.mark.parametrize("url", ["ar/stellen/leipzig-plagwitz/", "fa/stellen/leipzig-plagwitz/", "ar/kreise/leipzig/"])
def test_german_data_inside_right_to_left_sentences_is_isolated(site, url):
    """Editors' German inside an Arabic or Persian sentence runs in its own direction (<bdi> or dir): without the
    isolation the bidi algorithm moves its brackets and full stop to the wrong end ("(Hinterhaus" …)."""
    document = html5lib.parse(_page(site, url), namespaceHTMLElements=False)
    parents = {child: parent for parent in document.iter() for child in parent}
    loose = []
    for element in document.iter():
        if element.get("lang") != "de" or element.tag not in INLINE or element.get("dir"):
            continue
        parent = parents[element]
        alone = len(parent) == 1 and not (parent.text or "").strip() and not (element.tail or "").strip()
        if not alone:
            loose.append(ET.tostring(element, encoding="unicode")[:80])
    assert loose == []


def test_an_arabic_office_page_lists_its_languages_as_arabic_lists_them(site):
    """"Deutsch وукраїнська وрусский", not a Latin comma between the names (CLDR's Arabic list pattern)."""
    text = re.sub(r"<[^>]+>", "", _page(site, "ar/stellen/leipzig-plagwitz/"))
    assert "Deutsch وукраїнська وрусский" in text
    assert "Deutsch, українська" in re.sub(r"<[^>]+>", "", _page(site, "stellen/leipzig-plagwitz/"))


def test_day_and_time_of_a_date_are_separated_by_the_language_s_comma(site):
    """Arabic writes "،" between the day and the time of a date, not a Latin comma (catalog seiten)."""
    assert re.search(r"</time>، <bdi>", _page(site, "ar/stellen/leipzig-plagwitz/"))
    assert re.search(r"</time>, \d", _page(site, "uk/stellen/leipzig-plagwitz/"))
    assert re.search(r"</time>, \d", _page(site, "stellen/leipzig-plagwitz/"))


@pytest.mark.parametrize("code", OTHER)
def test_the_summaries_say_the_german_version_is_binding_and_link_it_and_the_impressum(site, code):
    for page, german in (("hinweise", "../../hinweise/"), ("datenschutz", "../../datenschutz/")):
        html = _page(site, f"{code}/{page}/")
        assert f'<a href="{german}" hreflang="de">' in html
        assert '<a href="../../impressum/" hreflang="de">' in html
        assert f'<html lang="{code}"' in html


@pytest.mark.parametrize("url", ["uk/stellen/leipzig-plagwitz/", "ar/", "vi/hinweise/", "en/termine/"])
def test_every_translated_page_links_to_report_a_translation_error(site, url):
    code = url.split("/")[0]
    html = _page(site, url)
    report = re.search(r'<a href="([^"]+)" class="lh-report-translation">([^<]+)</a>', html)
    assert report.group(1).endswith(f"/edit/main/hooks/linkshilft/locale/{code}/LC_MESSAGES/seiten.po")
    assert report.group(2) != "Übersetzungsfehler melden"
    assert "lh-report-translation" not in _page(site, "stellen/leipzig-plagwitz/")


@pytest.mark.parametrize(
    ("url", "name", "home"),
    [
        ("uk/", "Links.hilft – Соціальні консультації в Саксонії", "/uk/"),
        ("ar/kreise/leipzig/", "Links.hilft – مواعيد الاستشارة الاجتماعية في ساكسونيا", "/ar/"),
        ("", SITE_NAME, "/"),
        ("kreise/leipzig/", SITE_NAME, "/"),
    ],
)
def test_header_and_browser_title_name_the_site_in_the_page_s_language(site, url, name, home):
    """The brand stays, the rest of the site's name is the page's language: in <title>, in the header and in
    the navigation drawer's title (which phones show)."""
    document = html5lib.parse((site / url / "index.html").read_text("utf-8"), namespaceHTMLElements=False)
    title = document.find(".//title").text
    assert title == name or title.endswith(f" - {name}"), title
    header = document.find(".//header//div[@class='md-header__topic']/span")
    assert header.text.strip() == name
    drawer = document.find(".//label[@class='md-nav__title']")
    assert "".join(drawer.itertext()).strip() == name
    assert document.find(".//header/nav/a").get("aria-label") == name
    # The logo in the header and in the drawer leads to the start page in the page's language.
    for logo in document.iterfind(".//a[@data-md-component='logo']"):
        assert urljoin(f"/{url}", logo.get("href")) == home
