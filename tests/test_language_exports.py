"""What the translated pages hand out (issue 19): calendar files in the page's language, the notice's
lines in the office's languages, the office page script's words, one time format for pages and finder,
and distances that read right to left. On the session build (conftest.site)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from icalendar import Calendar


def _page(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text("utf-8")


@pytest.mark.parametrize("code", ["ar", "fa"])
def test_distances_on_right_to_left_pages_are_isolated_not_forced_left_to_right(site, code):
    html = _page(site, f"{code}/stellen/leipzig-plagwitz/")
    distances = re.findall(r'<bdi( dir="[a-z]+")?>(\d+(?:\.\d)? [^<\d]+)</bdi>', html)
    assert distances, "no distance on the page"
    # The unit is Arabic script: a forced left-to-right run would put it before the number for the reader.
    assert all(direction == "" for direction, _ in distances), distances


@pytest.mark.parametrize("code", ["ar", "fa"])
def test_times_on_right_to_left_pages_are_isolated_in_their_own_direction(site, code):
    # "10:00 ص – 12:00 م", "10:00 تا 12:00": forced left to right, the Bidi algorithm moves the
    # second time before the Arabic word ("10:00 12:00 – ص"); isolated, digits alone still run left to right.
    html = _page(site, f"{code}/stellen/leipzig-gruenau/")
    times = re.findall(r'<bdi( dir="[a-z]+")?>(\d{1,2}:\d\d[^<]*)</bdi>', html)
    assert times and all(direction == "" for direction, _ in times), times
    assert any(re.search("[\u0600-\u06ff]", text) for _, text in times), times  # "ص"/"م", "تا"


# --- calendar files in the page's language --------------------------------------------------------


def _events(raw: bytes) -> list:
    return [event for event in Calendar.from_ical(raw).walk("VEVENT")]


def test_a_ukrainian_office_page_links_calendar_files_in_ukrainian(site):
    html = _page(site, "uk/stellen/leipzig-plagwitz/")
    links = re.findall(r'<a[^>]+href="([^":]+\.ics)"', html)
    assert "termine.ics" in links and len(links) > 1  # beside the page, in its language's folder
    for link in links:
        assert (site / "uk/stellen/leipzig-plagwitz" / link).is_file(), link
    assert 'href="webcal://sprechstunden.linke-beispiel.de/uk/stellen/leipzig-plagwitz/termine.ics"' in html


@pytest.mark.parametrize("name", ["stellen/leipzig-plagwitz/termine.ics", "termine.ics"])
def test_a_ukrainian_calendar_has_ukrainian_text_and_the_german_events(site, name):
    german, ukrainian = (site / name).read_bytes(), (site / "uk" / name).read_bytes()
    german_events, events = _events(german), _events(ukrainian)
    assert events and len(events) == len(german_events)
    for de, uk in zip(german_events, events, strict=True):
        for key in ("UID", "DTSTART", "DTEND", "STATUS", "LOCATION"):
            assert uk.decoded(key) == de.decoded(key), key
        assert "/uk/stellen/" in str(uk["URL"])
    summaries = {str(event["SUMMARY"]) for event in events}
    assert not any(summary.startswith(("Sozialsprechstunde:", "Fällt aus:")) for summary in summaries), summaries
    assert any(summary.startswith("Соціальна консультація") for summary in summaries), summaries
    descriptions = " ".join(str(event["DESCRIPTION"]) for event in events)
    assert "Безкоштовно та конфіденційно." in descriptions and "Alle Angaben" not in descriptions
    assert "Сьогодні" not in descriptions  # the dates are data: no word that goes out of date
    name_line = Calendar.from_ical(ukrainian)["X-WR-CALNAME"]
    assert str(name_line).startswith(("Соціальна консультація", "Соціальні консультації")), name_line


# --- the printed notice: German, with a line in each language of the counselling --------------------


def _lines(html: str) -> list[tuple[str, str | None, str]]:
    """(lang, dir, text) of the notice's lines in the languages of the counselling."""
    block = html.split('class="lh-sheet__languages"', 1)[1].split("</ul>", 1)[0]
    return re.findall(r'<li lang="([a-z]+)"(?: dir="(rtl)")?>([^<]+)</li>', block)


def test_an_office_notice_has_a_line_in_each_language_it_counsels_in(site):
    html = _page(site, "stellen/leipzig-gruenau/aushang/")
    assert '<html lang="de"' in html
    russian = ("ru", "", "Консультация на русском")
    assert _lines(html) == [("ar", "rtl", "استشارة باللغة العربية"), ("en", "", "Advice in English"), russian]
    assert _lines(_page(site, "stellen/leipzig-plagwitz/aushang/")) == [("uk", "", "Консультація українською"), russian]


def test_a_language_without_catalog_gets_its_own_name_in_its_own_script(site):
    # No sentence the site's translators have not written: the language's name, as CLDR writes it.
    assert _lines(_page(site, "stellen/goerlitz-zittau/aushang/")) == [("pl", "", "Polski"), ("cs", "", "Čeština")]


def test_a_notice_of_an_office_counselling_in_german_only_has_no_language_lines(site, dataset):
    german_only = next(o for o in dataset.public_offices() if list(o.counselling.languages) == ["de"])
    assert 'class="lh-sheet__languages"' not in _page(site, f"stellen/{german_only.id}/aushang/")


def test_the_district_notice_has_the_lines_of_each_office(site):
    html = _page(site, "kreise/leipzig/aushang/")
    office = html.split('data-office="leipzig-gruenau"', 1)[1].split("</li>\n</ul>", 1)[0]
    assert '<li lang="ar" dir="rtl">استشارة باللغة العربية</li>' in office
