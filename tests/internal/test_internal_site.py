"""The built internal site, parsed as HTML: every measure shows the figures the sample records give.

The expected figures are counted here from the YAML files (conftest.Records), not with the
package's report code, so that a wrong count there cannot hide behind the same wrong count here.
"""

from __future__ import annotations

import calendar
import csv
import datetime as dt
import io
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from linkshilft.records.load import parse_text
from linkshilft.records.validate import schema_problems

from tests.support import ROOT, TODAY, data_env, page, run

PAGES = (
    "erhebung", "buergerbueros", "gewinnung", "qualifizierung", "uebergang", "anleitung", "abdeckung", "bericht", "datenpflege"
)  # fmt: skip


def figure(soup: BeautifulSoup, key: str) -> int:
    cell = soup.select(f'article [data-figure="{key}"] dd')
    assert len(cell) == 1, f"figure {key}: {len(cell)} found"
    return int(cell[0].get_text(strip=True))


def table(soup: BeautifulSoup, key: str) -> list[list[str]]:
    """Header and rows of a table as text, as a spreadsheet would see them."""
    element = soup.select_one(f'table[data-table="{key}"]')
    assert element is not None, f"table {key} missing"
    return [[cell.get_text(strip=True) for cell in row.find_all(("th", "td"))] for row in element.find_all("tr")]


def flagged_rows(soup: BeautifulSoup, key: str) -> set[str]:
    """First cells of the rows marked as needing attention."""
    return {row.find(("th", "td")).get_text(strip=True) for row in soup.select(f'table[data-table="{key}"] tr.lh-flag')}


def date(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def months_later(day: dt.date, months: int) -> dt.date:
    year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


# --- expected figures, counted from the records --------------------------------------------------


def expected_figures(r) -> dict[str, int]:
    offices = {i: o for i, o in r.offices.items() if o["status"] != "closed"}
    survey = [s for s in r.survey if s["office"] in offices]
    held = [t for t in r.trainings if date(t["date"]) <= TODAY]
    participants = [t.get("participants", {}) for t in held]
    latest: dict[tuple[str, str], dt.date] = {}
    for training in held:
        for person in training.get("participants", {}).get("counsellors", []):
            for module in training["modules"]:
                latest[(person, module)] = max(latest.get((person, module), dt.date.min), date(training["date"]))
    overdue_refreshers = sum(
        1
        for (_, module), day in latest.items()
        if r.modules[module].get("refresh_months") and months_later(day, r.modules[module]["refresh_months"]) < TODAY
    )
    interim_state = {}
    for record in r.interim:
        status = r.offices[record["office"]]["status"]
        interim_state[record["office"]] = (
            "completed" if status in ("active", "closed") else "overdue" if date(record["target_date"]) < TODAY else "open"
        )
    planned = {o: lawyer for lawyer, g in r.guidance.items() for o in g.get("planned_offices", [])}
    needing = [o for o in offices.values() if o["status"] in ("active", "interim", "planned")]

    def valid(office) -> bool:
        lawyer = r.lawyers.get(office["counselling"].get("lawyer") or planned.get(office["id"]))
        return bool(lawyer) and date(lawyer["agreement"]["signed_on"]) <= TODAY <= date(lawyer["agreement"]["valid_until"])

    year_ago = TODAY - dt.timedelta(days=365)
    uncovered = [o for o in offices.values() if o["status"] not in ("active", "interim") and o["id"] not in interim_state]
    return {
        "offices": len(offices),
        "offices_surveyed": len(survey),
        "offices_with_counselling": sum(s["counselling"] for s in survey),
        "mp_offices": len(r.mp_offices),
        "mp_offices_with_counselling": sum(e["state"] == "counselling" for e in r.mp_offices),
        "mp_offices_overdue": sum(e["state"] != "counselling" and "due" in e and date(e["due"]) < TODAY for e in r.mp_offices),
        "volunteers": len(r.people),
        "volunteers_in_training": sum(p["stage"] == "in_training" for p in r.people),
        "volunteers_active": sum(p["stage"] == "active" for p in r.people),
        "trainings_held": len(held),
        "training_attendances": sum(
            len(p.get("counsellors", [])) + len(p.get("recruits", [])) + sum(s["count"] for s in p.get("mp_staff", []))
            for p in participants
        ),
        "refreshers_overdue": overdue_refreshers,
        "interim_open": sum(s in ("open", "overdue") for s in interim_state.values()),
        "interim_overdue": sum(s == "overdue" for s in interim_state.values()),
        "interim_completed": sum(s == "completed" for s in interim_state.values()),
        "offices_with_valid_guidance": sum(valid(o) for o in needing),
        "offices_without_valid_guidance": sum(not valid(o) for o in needing),
        "case_conferences_12_months": sum(
            date(c["date"]) > year_ago for g in r.guidance.values() for c in g.get("case_conferences", [])
        ),
        "offices_working": sum(o["status"] == "active" for o in offices.values()),
        "offices_uncovered": len(uncovered),
    }


FIGURES_ON = {
    "erhebung": ("offices", "offices_surveyed", "offices_with_counselling"),
    "buergerbueros": ("mp_offices", "mp_offices_with_counselling", "mp_offices_overdue"),
    "gewinnung": ("volunteers", "volunteers_in_training", "volunteers_active"),
    "qualifizierung": ("trainings_held", "training_attendances", "refreshers_overdue"),
    "uebergang": ("interim_open", "interim_overdue", "interim_completed"),
    "anleitung": ("offices_with_valid_guidance", "offices_without_valid_guidance", "case_conferences_12_months"),
    "abdeckung": ("offices_working", "offices_uncovered"),
}


@pytest.mark.parametrize("slug", list(FIGURES_ON))
def test_every_measure_page_shows_the_figures_of_the_records(internal_site, records, slug):
    expected = expected_figures(records)
    soup = page(internal_site, f"intern/{slug}")
    shown = {key: figure(soup, key) for key in FIGURES_ON[slug]}
    assert shown == {key: expected[key] for key in FIGURES_ON[slug]}
    assert any(shown.values()), "sample data too thin: every figure is 0"


def test_the_report_shows_every_figure_and_compares_it_with_the_last_report(internal_site, records):
    expected = expected_figures(records)
    soup = page(internal_site, "intern/bericht")
    assert {key: figure(soup, key) for key in expected} == expected
    last = max((r for r in records.reports if date(r["date"]) < TODAY), key=lambda r: r["date"])
    rows = table(soup, "kennzahlen")
    assert rows[0][2] == f"Bericht {date(last['date']):%d.%m.%Y}"
    assert rows[0][3] == f"Stand {TODAY:%d.%m.%Y}"
    assert len(rows) - 1 == len(expected)
    for (_, _, before, now, change), key in zip(rows[1:], expected, strict=True):
        assert now == str(expected[key])
        assert before == str(last["figures"].get(key, ""))
        difference = expected[key] - last["figures"][key]
        assert change == ("±0" if difference == 0 else f"+{difference}" if difference > 0 else f"−{-difference}")
    assert last["occasion"] in soup.select_one(".lh-report-meta").get_text(" ", strip=True)


def test_overdue_interim_arrangements_are_flagged_and_up_for_decision(internal_site, records):
    overdue = {
        i["office"]
        for i in records.interim
        if date(i["target_date"]) < TODAY and records.offices[i["office"]]["status"] not in ("active", "closed")
    }
    assert overdue, "the sample data must contain an overdue interim arrangement"
    soup = page(internal_site, "intern/uebergang")
    assert flagged_rows(soup, "uebergang") == {records.offices[o]["name"] for o in overdue}
    report = page(internal_site, "intern/bericht")
    assert {li["data-subject"] for li in report.select('li[data-decision="interim-overdue"]')} == overdue


def test_expired_and_expiring_lawyer_agreements_are_flagged(internal_site, records):
    def until(lawyer) -> dt.date:
        return date(lawyer["agreement"]["valid_until"])

    expired = {i for i, lawyer in records.lawyers.items() if until(lawyer) < TODAY}
    expiring = {i for i, lawyer in records.lawyers.items() if TODAY <= until(lawyer) <= TODAY + dt.timedelta(days=90)}
    assert expired and expiring, "the sample data must contain an expired and an expiring agreement"
    soup = page(internal_site, "intern/anleitung")
    assert flagged_rows(soup, "anleitung-personen") == {records.lawyers[i]["name"] for i in expired | expiring}
    for row in table(soup, "anleitung-personen")[1:]:
        lawyer = next(x for x in records.lawyers.values() if x["name"] == row[0])
        assert ("abgelaufen" in row[4]) == (lawyer["id"] in expired)
    report = page(internal_site, "intern/bericht")
    assert {li["data-subject"] for li in report.select('li[data-decision="agreement-expired"]')} == expired
    assert {li["data-subject"] for li in report.select('li[data-decision="agreement-expiring"]')} == expiring


def test_offices_without_valid_guidance_and_late_mp_offices_are_up_for_decision(internal_site, records):
    planned = {o: lawyer for lawyer, g in records.guidance.items() for o in g.get("planned_offices", [])}

    def valid(office) -> bool:
        lawyer = records.lawyers.get(office["counselling"].get("lawyer") or planned.get(office["id"]))
        return bool(lawyer) and date(lawyer["agreement"]["signed_on"]) <= TODAY <= date(lawyer["agreement"]["valid_until"])

    without = {o["id"] for o in records.offices.values() if o["status"] in ("active", "interim", "planned") and not valid(o)}
    late = {
        e.get("office") or e["town"]
        for e in records.mp_offices
        if e["state"] != "counselling" and "due" in e and date(e["due"]) < TODAY
    }
    assert without and late
    report = page(internal_site, "intern/bericht")
    assert {li["data-subject"] for li in report.select('li[data-decision="guidance-missing"]')} == without
    assert {li["data-subject"] for li in report.select('li[data-decision="mp-office-overdue"]')} == late
    names = {records.offices[o]["name"] for o in without}
    assert flagged_rows(page(internal_site, "intern/anleitung"), "anleitung-stellen") == names


def test_volunteers_waiting_for_a_first_call_are_flagged(internal_site, records):
    waiting = {p["id"] for p in records.people if p["stage"] == "interested" and (TODAY - date(p["answered_on"])).days > 28}
    assert waiting
    assert flagged_rows(page(internal_site, "intern/gewinnung"), "gewinnung-personen") == waiting


def test_coverage_lists_white_spots_and_draws_every_located_office(internal_site, records):
    offices = [o for o in records.offices.values() if o["status"] != "closed"]
    bridged = {i["office"] for i in records.interim}
    spots = {o["name"] for o in offices if o["status"] not in ("active", "interim") and o["id"] not in bridged}
    soup = page(internal_site, "intern/abdeckung")
    assert {row[0] for row in table(soup, "weisse-flecken")[1:]} == spots
    per_district = {row[0]: row[1:5] for row in table(soup, "abdeckung-kreise")[1:]}
    assert set(per_district) == {d["name"] for d in records.districts.values()}
    for district in records.districts.values():
        mine = [o for o in offices if o["district"] == district["id"]]
        working = sum(o["status"] == "active" for o in mine)
        interim = sum(o["status"] != "active" and (o["status"] == "interim" or o["id"] in bridged) for o in mine)
        assert per_district[district["name"]] == [str(len(mine)), str(working), str(interim), str(len(mine) - working - interim)]
    svg = soup.select_one("svg#chart-karte")
    located = [o for o in offices if o["address"].get("coordinates")]
    assert len(svg.select("g > title")) == len(located)


def test_charts_are_inline_svg_with_a_text_alternative_and_nothing_to_run(internal_site):
    for url in ("intern/bericht", "intern/abdeckung", "intern/gewinnung"):
        soup = page(internal_site, url)
        charts = soup.select("article svg.lh-chart")
        assert charts, url
        for svg in charts:
            assert svg["role"] == "img"
            labels = svg["aria-labelledby"].split()
            assert all(svg.find(id=label).get_text(strip=True) for label in labels)
            assert not svg.find(["script", "style", "foreignobject", "image"])
            assert not any(name.startswith("on") or name == "style" for tag in svg.find_all(True) for name in tag.attrs)


def test_every_page_is_marked_internal_and_kept_out_of_search_engines(internal_site, site):
    pages = sorted(internal_site.rglob("*.html"))
    assert len(pages) > 50
    for path in pages:
        soup = BeautifulSoup(path.read_text("utf-8"), "html.parser")
        banner = soup.select_one(".md-banner .lh-intern-banner")
        assert banner is not None and "INTERN – nicht veröffentlichen" in banner.get_text(), path
        assert soup.find("meta", attrs={"name": "robots"})["content"] == "noindex, nofollow", path
    assert "Disallow: /" in (internal_site / "robots.txt").read_text("utf-8")
    for path in sorted(site.rglob("*.html")):
        text = path.read_text("utf-8")
        assert "lh-intern-banner" not in text and "noindex" not in text, path
        assert 'class="md-banner' not in text, path


def test_the_internal_site_is_german_only(internal_site, site):
    """Its readers are the coordination: the public pages in German, no translated versions, no switch.
    The data's translations are still checked against the public site's languages (it inherits them)."""
    assert (site / "uk" / "index.html").is_file()
    assert not [path for path in internal_site.iterdir() if path.name in {"en", "uk", "ru", "ar", "fa", "vi"}]
    for path in sorted(internal_site.rglob("*.html")):
        text = path.read_text("utf-8")
        assert '<html lang="de"' in text and "hreflang" not in text and "lh-language" not in text, path


def test_the_intern_section_is_in_the_navigation_after_all_public_entries(internal_site, site):
    def nav_links(root: Path) -> list[str]:
        soup = page(root, ".")
        return [a["href"] for a in soup.select("nav.md-nav--primary a.md-nav__link[href]")]

    internal, public = nav_links(internal_site), nav_links(site)
    assert internal[: len(public)] == public
    added = internal[len(public) :]
    assert [href.strip("/").split("/")[-1] for href in added] == ["intern", *PAGES]


def test_the_care_page_lists_what_linkshilft_validate_warns_about(internal_site):
    hints = run(
        [str(ROOT / ".venv" / "bin" / "linkshilft"), "validate"],
        env=data_env(ROOT / "data"),
    ).stderr.splitlines()
    # "Hinweis: path:line: field: message"
    found = [line.removeprefix("Hinweis: ").split(": ", 2) for line in hints if line.startswith("Hinweis: ")]
    expected = {(location, message) for location, _field, message in found}
    assert expected, "the sample data has offices checked long ago"
    rows = table(page(internal_site, "intern/datenpflege"), "datenpflege")
    assert rows[0] == ["Art", "Kennung", "Datei", "Hinweis"]
    assert {(row[2], row[3]) for row in rows[1:]} == expected


def test_every_table_has_a_csv_file_that_parses_back_to_the_same_rows(internal_site):
    files = {path.stem: path for path in (internal_site / "intern" / "csv").glob("*.csv")}
    seen = set()
    for slug in PAGES:
        soup = page(internal_site, f"intern/{slug}")
        for element in soup.select("table[data-table]"):
            key = element["data-table"]
            seen.add(key)
            assert key in files, f"{slug}: table {key} has no CSV file"
            raw = files[key].read_bytes()
            assert raw.startswith(b"\xef\xbb\xbf"), "spreadsheets need the byte order mark to read UTF-8"
            rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=";"))
            assert rows == table(soup, key), key
            link = soup.select_one(f'a[href$="csv/{key}.csv"]')
            assert link is not None and link.has_attr("download")
    decisions = list(csv.reader(io.StringIO(files.pop("entscheidungen").read_text("utf-8-sig"), newline=""), delimiter=";"))
    listed = page(internal_site, "intern/bericht").select("li[data-decision]")
    shown = [(li.strong.get_text(), li.get_text().split(": ", 1)[1]) for li in listed]
    assert [(row[2], row[3]) for row in decisions[1:]] == shown
    for key in set(files) - seen:  # empty tables: a CSV with only the header, and a sentence on the page
        rows = list(csv.reader(io.StringIO(files[key].read_text("utf-8-sig"), newline=""), delimiter=";"))
        assert len(rows) == 1, key
    assert len(seen) >= 20


def test_the_figures_of_this_report_can_be_kept_for_the_next_one(internal_site):
    soup = page(internal_site, "intern/bericht")
    link = soup.find("a", string="Kennzahlen dieses Berichts")
    path = internal_site / "intern" / link["href"].split("/")[-1]
    document, problems = parse_text(path.read_text("utf-8"), f"reports/{TODAY.isoformat()}.yaml")
    assert problems == []
    assert schema_problems(document, "internal-report") == []
    assert document.data["date"] == TODAY.isoformat()
    assert document.data["figures"] == {key: figure(soup, key) for key in document.data["figures"]}


def test_the_report_prints_without_the_site_around_it(internal_site):
    css = (internal_site / "assets" / "linkshilft-intern.css").read_text("utf-8")
    printing = css[css.index("@media print") :]
    assert ".md-banner { display: block !important" in printing
    assert "INTERN – nicht veröffentlichen" in printing  # on every printed page
    soup = page(internal_site, "intern/bericht")
    assert soup.find("link", href=lambda h: h and h.endswith("assets/linkshilft-intern.css"))
    assert [h.get_text(strip=True) for h in soup.select("article h2")][:2] == ["Was zu entscheiden ist", "Stand der Maßnahmen"]
