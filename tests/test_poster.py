"""The printable notices (/stellen/<id>/aushang/, /kreise/<id>/aushang/) and their QR codes.

The QR code is checked module by module: the SVG must draw exactly the matrix segno makes for
the page's URL, inside a quiet zone of four light modules. (Whether the print scans is checked in
tests/browser/test_poster_print.py only as far as the PDF goes; a decoder is not a dependency.)
"""

from __future__ import annotations

import json
import re

import pytest
import segno
from bs4 import BeautifulSoup
from linkshilft.public import background, counts, poster, qr
from linkshilft.public.site import PublicSite
from linkshilft.records.model import District
from linkshilft.records.pipeline import load_dataset

from tests.support import CASES, ROOT, TODAY, page

SITE_URL = "https://sprechstunden.linke-beispiel.de/"  # site_url in mkdocs.yml
COMMAND = re.compile(r"([Mmhvz])([^Mmhvz]*)")


def svg_modules(svg) -> tuple[int, set[tuple[int, int]]]:
    """(size in modules, dark modules as (x, y)) of segno's SVG: horizontal strokes of 1 module, centred on y + .5."""
    size = int(svg["viewbox"].split()[2])
    paths = svg.find_all("path")
    assert [p.get("fill") for p in paths] == ["#fff", None], "a white background, then the modules"
    assert paths[0]["d"] == f"M0 0h{size}v{size}h-{size}z"
    x = y = 0.0
    dark: set[tuple[int, int]] = set()
    for command, numbers in COMMAND.findall(paths[1]["d"]):
        values = [float(n) for n in numbers.replace(",", " ").split()]
        if command == "M":
            x, y = values
        elif command == "m":
            x, y = x + values[0], y + values[1]
        elif command == "h":
            dark |= {(int(x) + i, int(y - 0.5)) for i in range(int(values[0]))}
            x += values[0]
        else:
            pytest.fail(f"unexpected path command {command}")
    return size, dark


def expected_modules(url: str) -> tuple[int, set[tuple[int, int]]]:
    code = segno.make(url, error="m", micro=False, boost_error=True)
    rows = list(code.matrix_iter(border=qr.QR_BORDER))
    return len(rows), {(x, y) for y, row in enumerate(rows) for x, bit in enumerate(row) if bit}


def assert_qr_leads_to(svg, url: str):
    size, dark = svg_modules(svg)
    code = segno.make(url, error="m", micro=False, boost_error=True)
    assert size == 17 + 4 * code.version + 2 * qr.QR_BORDER
    assert (size, dark) == expected_modules(url)
    border = qr.QR_BORDER
    assert all(border <= x < size - border and border <= y < size - border for x, y in dark), "quiet zone not empty"
    # The three finder patterns sit in the corners, just inside the quiet zone.
    for cx, cy in ((border, border), (size - border - 7, border), (border, size - border - 7)):
        assert {(cx + i, cy) for i in range(7)} <= dark


# --- the QR code ---------------------------------------------------------------------------------


def test_qr_svg_draws_the_code_of_the_url_with_a_quiet_zone():
    url = f"{SITE_URL}stellen/leipzig-plagwitz/"
    svg = BeautifulSoup(str(qr.qr_svg(url)), "html.parser").svg
    assert_qr_leads_to(svg, url)
    assert svg["role"] == "img" and svg["aria-label"] == qr.QR_LABEL


def test_qr_svg_carries_no_style_script_or_text():
    markup = str(qr.qr_svg(f"{SITE_URL}stellen/x/"))
    assert "style" not in markup and "script" not in markup and "href" not in markup
    soup = BeautifulSoup(markup, "html.parser")
    assert {tag.name for tag in soup.find_all(True)} == {"svg", "path"}
    assert soup.get_text() == ""


def test_unexpected_svg_from_segno_stops_the_build(monkeypatch):
    """The check before marking the SVG safe can fail: anything but the expected shape is refused."""
    original = segno.QRCode.svg_inline

    def with_script(self, **options):
        return original(self, **options).replace("</svg>", "<script>alert(1)</script></svg>")

    monkeypatch.setattr(segno.QRCode, "svg_inline", with_script)
    with pytest.raises(ValueError, match="Unerwartete SVG-Ausgabe"):
        qr.qr_svg(f"{SITE_URL}stellen/x/")


URLS = [f"{SITE_URL}stellen/stelle-{n}/" for n in range(7)]


def test_codes_drawn_in_other_processes_are_the_codes_drawn_here():
    pool = background.pool(background.PARALLEL_FROM, workers=2)
    try:
        codes = qr.QrCodes(URLS, pool)
        assert codes.parallel
        assert [codes.svg(url) for url in URLS] == [qr.qr_svg(url) for url in URLS]
        assert not codes.parallel  # all collected
    finally:
        pool.shutdown()


def test_small_directories_and_single_cores_get_no_processes():
    assert background.pool(background.PARALLEL_FROM - 1, workers=4) is None
    assert background.pool(5000, workers=0) is None


def test_placeholders_are_filled_and_an_unannounced_url_is_drawn_on_the_spot():
    codes = qr.QrCodes(URLS[:2])
    assert not codes.parallel  # no pool: drawn when asked
    html = f"<figure>{qr.placeholder(URLS[0])}</figure><p>{qr.placeholder(URLS[5])}</p>"
    filled = codes.fill(html)
    assert filled == f"<figure>{qr.qr_svg(URLS[0])}</figure><p>{qr.qr_svg(URLS[5])}</p>"
    assert codes.fill("<p>ohne QR-Code</p>") == "<p>ohne QR-Code</p>"


def test_a_placeholder_takes_only_an_address():
    with pytest.raises(ValueError, match="Keine Adresse"):
        qr.placeholder("https://x/ --><script>")


def test_markup_from_another_process_is_checked_before_it_is_used(monkeypatch):
    codes = qr.QrCodes(URLS[:1])
    monkeypatch.setattr(qr, "draw", lambda url: "<svg><script>alert(1)</script></svg>")
    with pytest.raises(ValueError, match="Unerwartete SVG-Ausgabe"):
        codes.svg(URLS[0])


def test_district_heading():
    assert poster.district_heading(District("leipzig", "Leipzig", "kreisfreie_stadt", ())) == "in Leipzig"
    assert poster.district_heading(District("bautzen", "Landkreis Bautzen", "landkreis", ())) == "im Landkreis Bautzen"


# --- the office notice -----------------------------------------------------------------------------


def test_every_public_office_has_a_notice(site, dataset):
    built = {p.parent.parent.name for p in (site / "stellen").glob("*/aushang/index.html")}
    assert built == {o.id for o in dataset.public_offices()}


def test_office_notice_shows_what_the_issue_asks_for(site, dataset):
    office = dataset.offices["leipzig-plagwitz"]
    body = page(site, "stellen/leipzig-plagwitz/aushang").select_one("article .lh-sheet")
    assert body.h1.get_text(strip=True) == "Kostenlose Sozialsprechstunde"
    assert body.select_one(".lh-sheet__name").get_text(strip=True) == office.name
    rhythms = [li.get_text(" ", strip=True) for li in body.select(".lh-sheet__rhythms li")]
    assert len(rhythms) == len(office.counselling.hours) and all("Uhr" in r for r in rhythms)
    dates = [t["datetime"] for t in body.select(".lh-sheet__dates time")]
    assert 1 <= len(dates) <= counts.POSTER_DATES and all(d >= TODAY.isoformat() for d in dates)
    assert dates == sorted(dates)
    address = body.find("address").get_text(" ", strip=True)
    assert office.address.street in address and f"{office.address.postcode} {office.address.town}" in address
    where = body.select_one(".lh-sheet__where").get_text(" ", strip=True)
    assert ("Stufenloser Zugang" if office.accessibility.step_free else "Kein stufenloser Zugang") in where
    assert [li.get_text(strip=True) for li in body.select("#mitbringen + ul li")] == list(office.counselling.bring)
    legal = body.select_one(".lh-sheet__legal").get_text(" ", strip=True)
    assert "§ 6" in legal and "Rechtsdienstleistungsgesetz" in legal
    # On paper a link is worth nothing: the addresses are printed as text.
    urls = [span.get_text(strip=True) for span in body.select(".lh-url")]
    assert "sprechstunden.linke-beispiel.de/hinweise/" in urls
    assert "sprechstunden.linke-beispiel.de/stellen/leipzig-plagwitz/" in urls
    assert_qr_leads_to(body.select_one(".lh-sheet__qr svg"), f"{SITE_URL}stellen/leipzig-plagwitz/")


def test_notices_use_the_print_stylesheet_and_no_inline_style(site):
    html = page(site, "stellen/leipzig-plagwitz/aushang")
    assert html.select_one('head link[rel="stylesheet"][href$="assets/linkshilft-poster.css"]') is not None
    assert (site / "assets" / "linkshilft-poster.css").is_file()
    assert html.select("[style]") == [] and html.find("style") is None
    # Material hides its sidebars on this page (page meta hide: navigation, toc).
    assert all(sidebar.has_attr("hidden") for sidebar in html.select(".md-sidebar"))


def test_notices_stay_out_of_search_and_navigation(site):
    index = json.loads((site / "search" / "search_index.json").read_text("utf-8"))
    assert not [doc["location"] for doc in index["docs"] if "aushang" in doc["location"]]
    assert any(doc["location"].startswith("stellen/leipzig-plagwitz/") for doc in index["docs"])  # the office page is there
    nav = page(site, ".").select_one("nav.md-nav--primary")
    assert not [a["href"] for a in nav.select("a[href]") if "aushang" in a["href"]]


def test_office_and_district_pages_link_their_notice(site):
    office = page(site, "stellen/leipzig-plagwitz").select_one("article")
    assert office.find("a", string="Aushang zum Ausdrucken")["href"] == "aushang/"
    district = page(site, "kreise/leipzig").select_one("article")
    assert district.find("a", string="Aushang zum Ausdrucken")["href"] == "aushang/"


def test_markup_in_data_stays_text_on_the_notice(site):
    body = page(site, "stellen/leipzig-escape-test/aushang").select_one("article")
    assert body.find("script") is None and body.find("img") is None and body.find("iframe") is None
    assert body.find("b") is None
    assert "<script>alert('name')</script>" in body.select_one(".lh-sheet__name").get_text()
    # The only SVG is the QR code.
    assert len(body.find_all("svg")) == 1


# --- the district notice ---------------------------------------------------------------------------


def test_district_notice_lists_exactly_its_public_offices(site, dataset):
    for district in dataset.districts.values():
        offices = [o for o in dataset.public_offices() if o.district == district.id]
        path = site / "kreise" / district.id / "aushang" / "index.html"
        if not offices:
            assert not path.exists(), district.id
            continue
        body = BeautifulSoup(path.read_text("utf-8"), "html.parser").select_one("article .lh-sheet")
        assert [li["data-office"] for li in body.select(".lh-sheet__offices > li")] == [o.id for o in offices]
        assert poster.district_heading(district) in body.get_text(" ", strip=True)
    body = page(site, "kreise/leipzig/aushang").select_one("article .lh-sheet")
    assert_qr_leads_to(body.select_one(".lh-sheet__qr svg"), f"{SITE_URL}kreise/leipzig/")


def test_no_district_notice_without_offices():
    """The small test data set has offices in one district only: the others get no notice."""
    data, problems, _ = load_dataset(CASES / "base" / "data", TODAY)
    assert problems == []
    pages = PublicSite(data, {"site_url": SITE_URL}).pages()
    notices = {p.key for p in pages if p.template == "district_poster.html"}
    assert notices == {o.district for o in data.public_offices()}
    assert len(data.districts) > len(notices)
    meta = dict(next(p for p in pages if p.template == "poster.html").front_matter)
    assert meta["search"] == {"exclude": True} and meta["template"] == "aushang.html"


def test_site_url_in_mkdocs_yml_is_the_one_these_tests_expect():
    assert f"site_url: {SITE_URL}" in (ROOT / "mkdocs.yml").read_text("utf-8")
