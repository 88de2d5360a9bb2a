"""Proof by time travel: unchanged data stays valid on every coming day, and what time brings
(an agreement that ends, hours that end, data checked long ago) never becomes an error.

The data is read and checked once (pipeline.check_records); only the checks that depend on
the day (conditions.day_checks, via pipeline.on_day) run for each day: every day of the next
400 and the day after every end date in the data. An office whose guidance (RDG § 6) has ended
rests: it is offered nowhere. Which offices that are is counted here from the YAML files.
"""

from __future__ import annotations

import datetime as dt
import functools
import shutil
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from linkshilft.public.site import PublicSite
from linkshilft.records import pipeline

from tests.support import CASES, MKDOCS, ROOT, TODAY, run

DAYS = 400


@functools.cache
def _yaml(folder: Path, kind: str) -> list[dict]:
    return [yaml.safe_load(p.read_text("utf-8")) for p in sorted((folder / kind).rglob("*.yaml"))]


def _days(folder: Path, start: dt.date) -> list[dt.date]:
    """Every day of the next DAYS, and the day after every end date (agreements, hours, closures)."""
    ends = [dt.date.fromisoformat(lawyer["agreement"]["valid_until"]) for lawyer in _yaml(folder, "lawyers")]
    for office in _yaml(folder, "offices"):
        for rule in office["counselling"].get("hours", []):
            ends += [dt.date.fromisoformat(rule[key]) for key in ("valid_until", "date") if key in rule]
        ends += [dt.date.fromisoformat(c["until"]) for c in office["counselling"].get("closures", [])]
    days = {start + dt.timedelta(days=n) for n in range(DAYS)}
    return sorted(days | {end + dt.timedelta(days=1) for end in ends if end >= start})


def _ended_guidance(folder: Path, day: dt.date) -> set[str]:
    """Offices taking place whose lawyer's agreement ended before `day`, from the YAML files."""
    until = {lawyer["id"]: dt.date.fromisoformat(lawyer["agreement"]["valid_until"]) for lawyer in _yaml(folder, "lawyers")}
    return {
        office["id"]
        for office in _yaml(folder, "offices")
        if office["status"] in ("active", "interim") and until.get(office["counselling"].get("lawyer"), dt.date.max) < day
    }


def _walk(folder: Path, start: dt.date) -> set[str]:
    """Walks `folder` through the days; returns every office that rested on some day."""
    records, problems = pipeline.check_records(folder)
    assert problems == []
    rested = set()
    for day in _days(folder, start):
        dataset, errors, _ = pipeline.on_day(records, problems, day)
        assert errors == [], f"{day}: {errors}"
        ended = _ended_guidance(folder, day)
        assert dataset.resting == ended, day
        assert not ended & {o.id for o in dataset.public_offices()}, day
        rested |= ended
    return rested


def test_the_sample_data_stays_valid_and_offices_rest_when_their_guidance_ends():
    rested = _walk(ROOT / "data", dt.date.today())
    # Within 400 days of any day in 2026/27 at least one of the sample agreements ends.
    assert rested or dt.date.today() > dt.date(2028, 6, 30)


def test_the_sample_data_stays_valid_from_the_test_day_on():
    assert _walk(ROOT / "data", TODAY), "from 25 November 2026 on, the agreement of 31 December 2027 ends within the walk"


def test_the_test_case_data_stays_valid(tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(CASES / "base" / "data", folder)
    assert _walk(folder, TODAY) == {"leipzig-basis"}  # its agreement ends on 28 February 2027


def test_the_site_is_made_on_the_day_after_each_agreement_ends():
    records, problems = pipeline.check_records(ROOT / "data")
    ends = {dt.date.fromisoformat(lawyer["agreement"]["valid_until"]) for lawyer in _yaml(ROOT / "data", "lawyers")}
    for end in sorted(end for end in ends if end >= dt.date.today()):
        day = end + dt.timedelta(days=1)
        dataset, errors, _ = pipeline.on_day(records, problems, day)
        assert errors == []
        site = PublicSite(dataset, {"site_url": "https://example.org/"})
        pages = {page.src_uri: page for page in site.pages()}
        for office_id in dataset.resting:
            page = pages[f"stellen/{office_id}.md"]
            assert "ruht zurzeit" in site.render(page, f"stellen/{office_id}/")
            assert f"stellen/{office_id}/aushang.md" not in pages
            assert office_id not in site.calendar


AFTER_AGREEMENT = dt.date(2028, 1, 2)  # vogelsang-ricarda's agreement ended on 31 December 2027


@pytest.fixture(scope="module")
def later_site(tmp_path_factory) -> Path:
    """One real strict build of the unchanged sample data on a day after an agreement ended."""
    out = tmp_path_factory.mktemp("later") / "site"
    result = run(
        [*MKDOCS, "build", "--strict", "--site-dir", str(out)],
        env={"LINKSHILFT_DATA": str(ROOT / "data"), "LINKSHILFT_TODAY": AFTER_AGREEMENT.isoformat()},
    )
    assert result.returncode == 0, result.stderr
    return out


def test_a_real_build_after_an_agreement_ended_pauses_its_offices_and_offers_them_nowhere(later_site):
    resting = _ended_guidance(ROOT / "data", AFTER_AGREEMENT)
    assert len(resting) == 20
    offered_anywhere = [
        "index.html",
        "termine/index.html",
        "termine.ics",
        "finder/stellen.json",
        "daten/stellen.json",
        "daten/stellen.csv",
        "daten/termine.csv",
        "daten/hsds.json",
        "search/search_index.json",
        *(str(p.relative_to(later_site)) for p in (later_site / "kreise").rglob("index.html")),
        *(str(p.relative_to(later_site)) for p in (later_site / "themen").rglob("index.html")),
    ]
    texts = {name: (later_site / name).read_text("utf-8") for name in offered_anywhere}
    for office_id in resting:
        for name, text in texts.items():
            assert office_id not in text, f"{office_id} in {name}"
        page = BeautifulSoup((later_site / "stellen" / office_id / "index.html").read_text("utf-8"), "html.parser")
        assert page.select_one("article .lh-status").get_text(strip=True) == "Die Sozialsprechstunde ruht zurzeit."
        assert page.select("article .lh-nearby a"), "people who come by the QR code find counselling nearby"
        assert "BEGIN:VEVENT" not in (later_site / "stellen" / office_id / "termine.ics").read_text("utf-8")
        assert not (later_site / "stellen" / office_id / "aushang").exists()
