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
