"""Constants and helpers shared by the test modules (import as `from tests.support import ...`)."""

from __future__ import annotations

import datetime as dt
import gzip
import math
import os
import shutil
import subprocess
import sys
from pathlib import Path

from bs4 import BeautifulSoup
from linkshilft.records import model as m

ROOT = Path(__file__).resolve().parents[1]
CASES = Path(__file__).resolve().parent / "cases"
TODAY = dt.date(2026, 11, 25)
MKDOCS = [sys.executable, "-m", "mkdocs"]
# The command of the environment that runs the tests (.venv, or .venv-min for make check-minimum).
CLI = [str(Path(sys.executable).parent / "linkshilft")]

# An office whose text fields try to inject markup; the session build must show it as text.
ESCAPE_OFFICE = """\
id: leipzig-escape-test
name: "Büro <script>alert('name')</script> & Co"
kind: party_office
district: leipzig
status: active
address:
  street: "Testweg 1 <b>fett</b>"
  postcode: "04109"
  town: Leipzig
directions: "<img src=x onerror=alert(1)> Straßenbahn"
accessibility:
  step_free: false
  notes: "<script>alert('notes')</script>"
contact:
  phone: "0341 9999999"
counselling:
  topics: [buergergeld]
  languages: [de]
  lawyer: {lawyer}
  hours:
    - weekdays: [friday]
      start: "09:00"
      end: "11:00"
      note: "<script>alert('note')</script>"
  bring: ["<iframe src=https://evil.example>"]
checked_on: "2026-11-01"
"""


# Persons without consent to be named, with names found nowhere else. The session data set gets
# them (see conftest.sample_plus_escape), attached to a public office; no output file may show them.
SENTINEL_COUNSELLOR = "Quirinus Zwiebelhagen-Sentinell"
SENTINEL_LAWYER = "Ottilie Brombeerkamp-Sentinell"
# Their consent and agreement dates are records about persons: no download or page shows them.
SENTINEL_DATES = {"given_on": "2019-03-17", "signed_on": "2018-07-23", "valid_until": "2031-05-29"}
SENTINEL_FILES = {
    "counsellors/zz-sentinel-berater.yaml": f"""\
id: zz-sentinel-berater
name: {SENTINEL_COUNSELLOR}
consent:
  publish_name: false
  given_on: "{SENTINEL_DATES['given_on']}"
languages: [de]
role: volunteer
""",
    "lawyers/zz-sentinel-juristin.yaml": f"""\
id: zz-sentinel-juristin
name: {SENTINEL_LAWYER}
qualification: rechtsanwaeltin
agreement:
  signed_on: "{SENTINEL_DATES['signed_on']}"
  valid_until: "{SENTINEL_DATES['valid_until']}"
consent:
  publish_name: false
""",
    "offices/leipzig/leipzig-sentinel-test.yaml": """\
id: leipzig-sentinel-test
name: Sprechstunde Sentinel-Test
kind: party_office
district: leipzig
status: active
address:
  street: Testweg 2
  postcode: "04109"
  town: Leipzig
accessibility:
  step_free: true
contact:
  phone: "0341 9999998"
counselling:
  topics: [buergergeld]
  languages: [de]
  counsellors: [zz-sentinel-berater]
  lawyer: zz-sentinel-juristin
  hours:
    - weekdays: [thursday]
      start: "09:00"
      end: "11:00"
checked_on: "2026-11-01"
""",
}


# The test being set up or run (tests/conftest.py keeps it here), so that run() can tell whether
# a test that starts `mkdocs build` carries the `build` marker that keeps it out of `make test-fast`.
current_test: list = [None]


def builds_site(command: list[str]) -> bool:
    return command[: len(MKDOCS)] == MKDOCS and "build" in command[len(MKDOCS) :]


def run(command: list[str], env: dict | None = None, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    test = current_test[0]
    if builds_site(command) and test is not None and test.get_closest_marker("build") is None:
        raise AssertionError(
            f"{test.nodeid} baut die Seite mit mkdocs, hat aber den Marker build nicht: "
            "@pytest.mark.build an den Test oder die Fixture in tests/conftest.BUILD_FIXTURES"
        )
    return subprocess.run(
        command, cwd=cwd, env={**os.environ, **(env or {})}, capture_output=True, text=True, timeout=600, check=False
    )


# --- test cases as files (tests/cases/, tests/test_cases.py, tests/internal/test_internal_cases.py) ---


def case_files(folder: Path) -> list[Path]:
    """The case files in `folder`: *.yaml, then *.yml, each sorted."""
    return sorted(folder.glob("*.yaml")) + sorted(folder.glob("*.yml"))


def case_expectation(case: Path, target_prefix: str = "data/") -> tuple[str, list[str]]:
    """(target, messages) from the .expect file beside `case`: its first line says where the case
    goes ("target: data/..."), the other non-empty lines are the exact messages."""
    lines = case.with_suffix(".expect").read_text("utf-8").splitlines()
    assert lines and lines[0].startswith(f"target: {target_prefix}"), (
        f"{case.name}: .expect must start with 'target: {target_prefix}...'"
    )
    return lines[0].removeprefix("target: ").strip(), [line for line in lines[1:] if line.strip()]


def place_case(case: Path, project: Path, target_prefix: str = "data/") -> None:
    """Copies `case` to its target below `project` (the folder that holds data/), replacing a file there."""
    target, _ = case_expectation(case, target_prefix)
    destination = project / target
    destination.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(case, destination)


def git(repo: Path, *args: str) -> None:
    """git in a throwaway repository, with an identity and without signing (the machine's config may lack both)."""
    subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false", *args],
        cwd=repo,
        check=True,
        capture_output=True,
    )


def project_copy(project: Path) -> Path:
    """Pages, theme overrides, the hook file and mkdocs.yml in `project`, for a build with one file changed."""
    for folder in ("content", "site_overrides"):
        shutil.copytree(ROOT / folder, project / folder)
    (project / "hooks").mkdir()
    shutil.copy(ROOT / "hooks" / "main.py", project / "hooks" / "main.py")
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    return project


def data_env(data: Path, today: dt.date | str = TODAY) -> dict[str, str]:
    """The environment that points the command line or a build at `data`, on a fixed day."""
    return {"LINKSHILFT_DATA": str(data), "LINKSHILFT_TODAY": today if isinstance(today, str) else today.isoformat()}


# --- reading what a build wrote -------------------------------------------------------------


def parse_html(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def page(site: Path, url: str) -> BeautifulSoup:
    """The built page at `url` ("stellen/leipzig-plagwitz/"; "" for the start page)."""
    return parse_html((site / url / "index.html").read_text("utf-8"))


def article(site: Path, url: str):
    """The page's own content, without header, navigation and footer."""
    return page(site, url).select_one("article.md-content__inner")


def built_pages(site: Path) -> list[Path]:
    """Every HTML page of a build: each index.html and 404.html."""
    return [*sorted(site.rglob("index.html")), site / "404.html"]


def output_texts(site: Path) -> dict[Path, str]:
    """Every file a build wrote, as text, compressed files unpacked: for searching all output."""
    texts = {}
    for path in sorted(site.rglob("*")):
        if path.is_file():
            raw = path.read_bytes()
            texts[path] = (gzip.decompress(raw) if path.suffix == ".gz" else raw).decode("utf-8", errors="replace")
    return texts


def haversine(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle km on the mean earth radius, written independently of geo.py and finder.js."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.009 * math.asin(math.sqrt(h))


# --- records made in code -------------------------------------------------------------------


def make_office(
    office_id: str = "leipzig-plagwitz",
    name: str = "Bürgerbüro Plagwitz",
    coordinates: m.Coordinates | None = None,
    postcode: str = "04229",
    **counselling,
) -> m.Office:
    """An active office in Leipzig (Bürgergeld, German, one phone number); `counselling` fields as given."""
    fields = {"topics": ("buergergeld",), "languages": ("de",), **counselling}
    return m.Office(
        id=office_id,
        name=name,
        kind="mp_office",
        district="leipzig",
        status="active",
        address=m.Address(street="Karl-Heine-Straße 1", postcode=postcode, town="Leipzig", coordinates=coordinates),
        accessibility=m.Accessibility(step_free=True),
        contact=m.Contact(phone="0341 1234567"),
        counselling=m.Counselling(**fields),
        checked_on=dt.date(2026, 11, 1),
        source=m.Source(path=f"data/offices/leipzig/{office_id}.yaml"),
        mp="mdl-beispiel",
    )
