"""Long lists stay loadable on a phone: past site.FULL_LIST_MAX offices the start page's list
and the topic pages name the districts (with counts, linking to the district pages) instead of
every office. Small directories keep the complete list, which tests/test_site.py covers."""

from __future__ import annotations

import datetime as dt
import re
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from linkshilft.public import site
from linkshilft.public.site import PublicSite
from linkshilft.records.pipeline import load_dataset

from tests.support import MKDOCS, ROOT, TODAY, data_env, run

sys.path.insert(0, str(ROOT / "bench"))
import synthetic

OFFICES = site.FULL_LIST_MAX + 30


@pytest.fixture(scope="module")
def large_data(tmp_path_factory) -> Path:
    return synthetic.generate(tmp_path_factory.mktemp("large") / "data", OFFICES)


@pytest.fixture(scope="module")
def large_site(large_data) -> PublicSite:
    dataset, problems, _ = load_dataset(large_data, TODAY)
    assert problems == []
    return PublicSite(dataset, {"site_url": "https://sprechstunden.example/"})


def district_links(html: str) -> dict[str, str]:
    soup = BeautifulSoup(html, "html.parser")
    return {a["href"]: a.parent.get_text(" ", strip=True) for a in soup.select("ul.lh-index a")}


def office_cards(html: str) -> list:
    return BeautifulSoup(html, "html.parser").select("ul.lh-cards > li[data-office]")


def leipzig_page(large_site) -> str:
    """A district page of the same site: it lists every office as a card, so an empty office_cards
    elsewhere means "no cards", not "cards by another name"."""
    page = next(p for p in large_site.pages() if p.src_uri == "kreise/leipzig.md")
    return large_site.render(page, "kreise/leipzig/")


def test_start_page_lists_districts_with_counts_instead_of_every_office(large_site):
    html = large_site.render_office_list("")
    assert office_cards(html) == [] and office_cards(leipzig_page(large_site))
    links = district_links(html)
    assert len(links) == 13
    counts = [int(text.rsplit("–", 1)[1].split()[0]) for text in links.values() if "Stellen" in text]
    assert sum(counts) == len(large_site.data.public_offices()) > site.FULL_LIST_MAX
    assert all(href.startswith("kreise/") for href in links)


def test_topic_page_lists_the_districts_that_offer_it(large_site):
    page = next(p for p in large_site.pages() if p.src_uri == "themen/buergergeld.md")
    html = large_site.render(page, "themen/buergergeld/")
    offering = [o for o in large_site.data.public_offices() if "buergergeld" in o.counselling.topics]
    assert len(offering) > site.FULL_LIST_MAX
    assert office_cards(html) == [] and office_cards(leipzig_page(large_site))
    links = district_links(html)
    assert all(href.startswith("../../kreise/") for href in links)
    assert f"Zu diesem Thema beraten {len(offering)} Stellen" in html


def test_district_pages_still_list_every_office(large_site):
    district = "leipzig"
    cards = office_cards(leipzig_page(large_site))
    assert len(cards) == sum(o.district == district for o in large_site.data.public_offices()) > 0
    # The topic pages send people here: each card says what its office counsels on.
    for card in cards:
        office = large_site.data.offices[card["data-office"]]
        topics = card.select_one(".lh-card__topics").get_text()
        assert all(large_site.data.topics[t].name in topics for t in office.counselling.topics)


def test_the_dates_page_leads_to_one_page_of_dates_per_district(large_site):
    generated = {p.src_uri: p for p in large_site.pages()}
    index = large_site.render(generated["termine.md"], "termine/")
    assert "lh-day" not in index
    links = district_links(index)
    assert sorted(links) == sorted(f"../termine/{d}/" for d in large_site.data.districts)

    district = "leipzig"
    html = large_site.render(generated[f"termine/{district}.md"], f"termine/{district}/")
    assert "<h1>Termine in Leipzig in den nächsten vier Wochen</h1>" in html
    soup = BeautifulSoup(html, "html.parser")
    linked = {a["href"].split("/")[-2] for a in soup.select("section.lh-day li a")}
    offices = large_site.data.offices
    assert linked and all(offices[key].district == district for key in linked)
    last_day = TODAY + dt.timedelta(days=27)
    expected = {  # every held hour of the district's offices in the four weeks, each once
        (office.id, o.start.isoformat())
        for office in large_site.data.public_offices()
        if office.district == district
        for o in large_site.calendar[office.id][0]
        if o.start.date() <= last_day
    }
    shown = {(li.a["href"].split("/")[-2], li.time["datetime"]) for li in soup.select("section.lh-day li")}
    assert shown == expected


@pytest.mark.build
def test_a_large_directory_builds_strictly_with_calendars_and_qr_codes(large_data, large_site, tmp_path):
    """The whole build past FULL_LIST_MAX: the extra pages are out of the nav (a strict build would
    stop otherwise), and where a core is spare, calendars and QR codes come from other processes."""
    out = tmp_path / "site"
    result = run(
        [*MKDOCS, "build", "--strict", "--site-dir", str(out)],
        env=data_env(large_data),
    )
    assert result.returncode == 0, result.stderr
    offices = large_site.data.public_offices()
    assert all((out / "stellen" / o.id / "termine.ics").read_bytes().startswith(b"BEGIN:VCALENDAR") for o in offices)
    assert (out / "termine.ics").exists() and (out / "termine" / "leipzig" / "index.html").exists()
    for office in offices[:20]:
        notice = (out / "stellen" / office.id / "aushang" / "index.html").read_text("utf-8")
        assert "linkshilft:qr" not in notice  # every placeholder filled
        assert len(re.findall(r'<svg [^>]*class="lh-qr"', notice)) == 1
