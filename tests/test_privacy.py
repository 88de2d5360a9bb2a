"""Privacy of the public site: no names without consent in any output file, no persons' contact data.

test_site.py checks the sample persons without consent in the HTML, JSON, XML, iCalendar and CSV
files. These tests add sentinel persons (tests/support.SENTINEL_FILES: names that occur nowhere
else) to a public office, and search every byte the build writes, compressed files included.
"""

from __future__ import annotations

from bs4 import BeautifulSoup
from linkshilft.records.pipeline import load_dataset

from tests.support import SENTINEL_COUNSELLOR, SENTINEL_LAWYER, TODAY, output_texts


def test_sentinel_persons_without_consent_reach_the_build_but_no_output_file(site):
    page = BeautifulSoup((site / "stellen" / "leipzig-sentinel-test" / "index.html").read_text("utf-8"), "html.parser")
    article = page.select_one("article").get_text(" ", strip=True)
    # The sentinels are really attached: one counsellor, counted but not named; a lawyer, not named.
    assert "Es beraten geschulte ehrenamtliche Beraterinnen und Berater." in article
    assert page.select_one("p.lh-legal") is not None  # the lawyer note, without a name

    texts = output_texts(site)
    assert len(texts) > 100
    assert any(path.suffix == ".gz" for path in texts)
    sentinels = [SENTINEL_COUNSELLOR, SENTINEL_LAWYER]
    for name in sentinels:
        surname = name.split()[-1]
        for path, text in texts.items():
            assert surname not in text, (name, path)
            assert surname.lower() not in text.lower(), (name, path)  # not in search index, lower-cased
            assert surname.split("-")[0].lower() not in text.lower(), (name, path)


def test_sentinel_data_set_is_valid_with_both_sentinels_not_consenting(sample_plus_escape):
    dataset, problems, _ = load_dataset(sample_plus_escape, TODAY)
    assert problems == []
    assert dataset.counsellors["zz-sentinel-berater"].name == SENTINEL_COUNSELLOR
    assert dataset.lawyers["zz-sentinel-juristin"].name == SENTINEL_LAWYER
    assert not dataset.counsellors["zz-sentinel-berater"].consent.publish_name
    assert not dataset.lawyers["zz-sentinel-juristin"].consent.publish_name
    office = dataset.offices["leipzig-sentinel-test"]
    assert office.is_public
    # Both sentinels are attached to the public office, so the output test above has something to miss.
    assert office.counselling.counsellors == ("zz-sentinel-berater",)
    assert office.counselling.lawyer == "zz-sentinel-juristin"


def test_persons_records_cannot_hold_phone_or_email(base_data):
    """Only offices have contact data: the schema rejects phone and e-mail on counsellors and lawyers."""
    counsellor = base_data / "counsellors" / "mit-einwilligung.yaml"
    lawyer = base_data / "lawyers" / "gueltig.yaml"
    counsellor.write_text(counsellor.read_text("utf-8") + 'phone: "0171 1234567"\n', "utf-8")
    lawyer.write_text(lawyer.read_text("utf-8") + "email: privat@example.org\n", "utf-8")
    _, problems, _ = load_dataset(base_data, TODAY)
    assert {(p.path, p.field) for p in problems} == {
        ("data/counsellors/mit-einwilligung.yaml", "phone"),
        ("data/lawyers/gueltig.yaml", "email"),
    }
    assert all("unbekanntes Feld" in p.message for p in problems)


def test_office_website_must_be_https(base_data):
    office = next((base_data / "offices").rglob("*.yaml"))
    text = office.read_text("utf-8")
    for website in ("javascript:alert(1)", "http://example.org", "data:text/html,x"):
        office.write_text(text.replace("contact:\n", f'contact:\n  website: "{website}"\n', 1), "utf-8")
        _, problems, _ = load_dataset(base_data, TODAY)
        assert any("contact.website" in str(p) and "https://" in str(p) for p in problems), website


def test_no_page_loads_anything_from_another_host(site):
    """The static side of the browser test: every src and stylesheet is relative to the site."""
    for path in [*site.rglob("*.html")]:
        soup = BeautifulSoup(path.read_text("utf-8"), "html.parser")
        for element in soup.find_all(["script", "img", "iframe", "link", "source", "video", "audio", "embed", "object"]):
            for attribute in ("src", "data", "srcset") + (("href",) if element.name == "link" else ()):
                value = element.get(attribute)
                # canonical and the language versions (hreflang) name the site's own addresses; nothing loads them
                own = element.name == "link" and (element.get("rel") == ["canonical"] or element.get("hreflang"))
                if value and not own:
                    assert "//" not in value and not value.startswith(("http:", "https:")), (path, element)
