"""Long lists stay loadable on a phone: past pages.FULL_LIST_MAX offices the start page's list
and the topic pages name the districts (with counts, linking to the district pages) instead of
every office. Small directories keep the complete list, which tests/test_site.py covers."""

from __future__ import annotations

import sys

import pytest
from bs4 import BeautifulSoup
from linkshilft import pages
from linkshilft.pages import PublicSite
from linkshilft.pipeline import load_dataset

from tests.support import ROOT, TODAY

sys.path.insert(0, str(ROOT / "bench"))
import synthetic

OFFICES = pages.FULL_LIST_MAX + 30


@pytest.fixture(scope="module")
def large_site(tmp_path_factory) -> PublicSite:
    data = synthetic.generate(tmp_path_factory.mktemp("large") / "data", OFFICES)
    dataset, problems, _ = load_dataset(data, TODAY)
    assert problems == []
    return PublicSite(dataset, {"site_url": "https://sprechstunden.example/"})


def district_links(html: str) -> dict[str, str]:
    soup = BeautifulSoup(html, "html.parser")
    return {a["href"]: a.parent.get_text(" ", strip=True) for a in soup.select("ul.lh-index a")}


def test_start_page_lists_districts_with_counts_instead_of_every_office(large_site):
    html = large_site.render_office_list("")
    assert "lh-cards" not in html  # no office card at all
    links = district_links(html)
    assert len(links) == 13
    counts = [int(text.rsplit("–", 1)[1].split()[0]) for text in links.values() if "Stellen" in text]
    assert sum(counts) == len(large_site.data.public_offices()) > pages.FULL_LIST_MAX
    assert all(href.startswith("kreise/") for href in links)


def test_topic_page_lists_the_districts_that_offer_it(large_site):
    page = next(p for p in large_site.pages() if p.src_uri == "themen/buergergeld.md")
    html = large_site.render(page, "themen/buergergeld/")
    offering = [o for o in large_site.data.public_offices() if "buergergeld" in o.counselling.topics]
    assert len(offering) > pages.FULL_LIST_MAX
    assert "lh-cards" not in html
    links = district_links(html)
    assert all(href.startswith("../../kreise/") for href in links)
    assert f"Zu diesem Thema beraten {len(offering)} Stellen" in html


def test_district_pages_still_list_every_office(large_site):
    district = "leipzig"
    page = next(p for p in large_site.pages() if p.src_uri == f"kreise/{district}.md")
    html = large_site.render(page, f"kreise/{district}/")
    cards = BeautifulSoup(html, "html.parser").select("ul.lh-cards > li")
    assert len(cards) == sum(o.district == district for o in large_site.data.public_offices()) > 0
