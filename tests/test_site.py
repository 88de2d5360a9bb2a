"""The built public site, parsed as HTML: structure, not substrings of everything.

All tests share one strict build of the sample data (conftest.site), built for a fixed day.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from linkshilft.labels import legal_note
from linkshilft.records.model import Consent, Lawyer, Source

from tests.support import TODAY, article, page

ROOT = Path(__file__).resolve().parents[1]


def test_every_public_office_has_a_page_and_no_other_does(site, dataset):
    built = {p.name for p in (site / "stellen").iterdir() if p.is_dir()}
    public = {o.id for o in dataset.offices.values() if o.status in ("active", "planned", "interim")}
    hidden = {o.id for o in dataset.offices.values() if o.status in ("paused", "closed")}
    assert hidden, "the sample data must contain paused or closed offices"
    assert built == public


def test_office_page_shows_address_hours_topics_and_contact(site, dataset):
    office = next(o for o in dataset.offices.values() if o.status == "active" and o.counselling.hours and o.contact.phone)
    body = article(site, f"stellen/{office.id}")
    assert body.h1.get_text(strip=True) == office.name
    address = body.find("address").get_text(" ", strip=True)
    assert office.address.street in address
    assert f"{office.address.postcode} {office.address.town}" in address
    topic_links = {a.get_text(strip=True): a["href"] for a in body.select("#themen + ul a")}
    assert topic_links == {dataset.topics[t].name: f"../../themen/{t}/" for t in office.counselling.topics}
    rhythms = body.select("#sprechzeiten + ul li")
    assert len(rhythms) == len(office.counselling.hours)
    dates = body.select("ol.lh-dates time[datetime]")
    assert 1 <= len(dates) <= 5
    assert all(t["datetime"] >= TODAY.isoformat() for t in dates)
    assert body.select_one('a[href^="tel:+49"]').get_text(strip=True) == office.contact.phone
    assert body.find("a", string="Angaben falsch? Bearbeiten")["href"].endswith(office.source.path.removeprefix("data/"))


def test_district_page_lists_exactly_its_public_offices(site, dataset):
    for district in dataset.districts.values():
        body = article(site, f"kreise/{district.id}")
        listed = {li["data-office"] for li in body.select("li.lh-card")}
        expected = {
            o.id for o in dataset.offices.values() if o.district == district.id and o.status in ("active", "planned", "interim")
        }
        assert listed == expected, district.id


def test_start_page_lists_every_public_office_by_district_without_javascript(site, dataset):
    body = page(site, ".")
    listed = [li["data-office"] for li in body.select("section.lh-list li.lh-card")]
    assert sorted(listed) == sorted(o.id for o in dataset.public_offices())
    groups = [h.get_text(strip=True) for h in body.select("section.lh-list h3.lh-group")]
    assert groups == sorted(groups)
    assert len(groups) == len({o.district for o in dataset.public_offices()})


def test_topic_page_lists_offices_with_that_topic(site, dataset):
    topic = next(iter(dataset.topics))
    body = article(site, f"themen/{topic}")
    listed = {li["data-office"] for li in body.select("li.lh-card")}
    assert listed == {o.id for o in dataset.public_offices() if topic in o.counselling.topics}


def test_generated_pages_stay_out_of_the_navigation(site, dataset):
    nav = page(site, ".").select_one("nav.md-nav--primary")
    links = [a["href"] for a in nav.select("a[href]")]
    assert not any("stellen/" in href for href in links)
    assert len(links) < 10


def _all_html(site: Path) -> str:
    return "\n".join(p.read_text("utf-8") for p in site.rglob("*") if p.suffix in {".html", ".json", ".xml", ".ics", ".csv"})


def test_counsellor_without_consent_is_nowhere_in_the_site(site, dataset):
    text = _all_html(site)
    hidden = [c for c in dataset.counsellors.values() if not c.consent.publish_name]
    shown = [
        c
        for c in dataset.counsellors.values()
        if c.consent.publish_name and any(c.id in o.counselling.counsellors for o in dataset.public_offices())
    ]
    assert hidden and shown
    for person in hidden:
        assert person.name not in text, person.id
        assert person.name.split()[-1] not in text, person.id  # not even the surname
    assert any(person.name in text for person in shown)  # the check above can fail


def test_lawyer_without_consent_is_not_named(site, dataset):
    text = _all_html(site)
    for lawyer in dataset.lawyers.values():
        assert (lawyer.name in text) == lawyer.consent.publish_name, lawyer.id


def test_markup_in_data_is_text_on_the_whole_page_head_included(site):
    """The theme prints page meta unescaped (<title>, description, header topic): data must arrive as text."""
    for url in ("stellen/leipzig-escape-test", "stellen/leipzig-escape-test/aushang"):
        soup = page(site, url)
        assert "<script>alert('name')</script>" in soup.title.get_text(), url
        topic = soup.select_one("[data-md-component=header-topic]")
        assert "<script>alert('name')</script>" in topic.get_text(), url
        assert not [s for s in soup.find_all("script") if "alert" in (s.string or "") and s.get("type") != "application/ld+json"]
        assert soup.find(["img", "iframe", "b"]) is None, url
        assert not [e for e in soup.find_all(True) if any(a.startswith("on") for a in e.attrs)], url
    index = json.loads((site / "search" / "search_index.json").read_text("utf-8"))["docs"]
    (entry,) = [d for d in index if d["location"] == "stellen/leipzig-escape-test/"]
    assert "<" not in entry["title"] + entry["text"]
    assert "<script>alert('name')</script>" in BeautifulSoup(entry["title"], "html.parser").get_text()


def test_markup_in_data_is_escaped_everywhere(site):
    html = (site / "stellen" / "leipzig-escape-test" / "index.html").read_text("utf-8")
    body = BeautifulSoup(html, "html.parser").select_one("article")
    # The only scripts are data blocks: the JSON-LD (checked in test_site_schedule.py) and linkshilft.js's words.
    assert [s.get("type") for s in body.find_all("script")] == ["application/ld+json", "application/json"]
    assert body.find("img") is None
    assert body.find("iframe") is None
    assert body.find("b") is None
    assert "<script>alert('name')</script>" in body.h1.get_text()
    for other in (site / "kreise" / "leipzig" / "index.html", site / "index.html"):
        soup = BeautifulSoup(other.read_text("utf-8"), "html.parser")
        card = soup.select_one('li[data-office="leipzig-escape-test"]')
        assert card.find("script") is None and "alert('name')" in card.get_text()


@pytest.mark.parametrize(
    ("qualification", "consent", "expected"),
    [
        ("rechtsanwaeltin", True, "Die Beratung erfolgt unter Anleitung von Rechtsanwältin Dr. Test"),
        ("rechtsanwalt", False, "Die Beratung erfolgt unter anwaltlicher Anleitung nach § 6"),
        ("volljuristin", False, "Die Beratung erfolgt unter Anleitung einer Volljuristin oder eines Volljuristen nach § 6"),
        ("volljurist", True, "Die Beratung erfolgt unter Anleitung von Volljurist Dr. Test"),
    ],
)
def test_legal_note_names_the_guidance_correctly(qualification, consent, expected):
    """RDG § 6 Abs. 2 asks for a person qualified for judicial office: not every one is an attorney."""
    lawyer = Lawyer(
        "x",
        "Dr. Test",
        qualification,
        dt.date(2025, 1, 1),
        dt.date(2027, 1, 1),
        Consent(consent, dt.date(2025, 1, 1)),
        Source("x"),
    )
    assert legal_note(lawyer).startswith(expected)
    assert "Dr. Test" not in legal_note(
        Lawyer("x", "Dr. Test", qualification, lawyer.signed_on, lawyer.valid_until, Consent(False), Source("x"))
    )


def test_office_pages_carry_the_legal_note_of_their_lawyer(site, dataset):
    for office in dataset.public_offices():
        lawyer = dataset.lawyers.get(office.counselling.lawyer) if office.counselling.lawyer else None
        note = article(site, f"stellen/{office.id}").select_one("p.lh-legal").get_text(" ", strip=True)
        assert note == legal_note(lawyer), office.id
    notes = {
        article(site, f"stellen/{o.id}").select_one("p.lh-legal").get_text(" ", strip=True) for o in dataset.public_offices()
    }
    assert any("Volljuristin oder eines Volljuristen" in n for n in notes)
    assert any("Rechtsanwältin" in n for n in notes)
