"""Data last checked over six months ago: a warning in the build, a list for coordinators,
and on every office page the date it was checked and the link to edit its file."""

from __future__ import annotations

import yaml
from bs4 import BeautifulSoup
from linkshilft.records.pipeline import load_dataset
from linkshilft.schedule import wording

from tests.support import CLI, ROOT, TODAY, data_env, run

WARNING = (
    "data/offices/leipzig/leipzig-basis.yaml:27: checked_on: "
    "zuletzt am 01.03.2026 geprüft – bitte Angaben prüfen und Datum erneuern"
)


def _age(base_data, checked_on: str) -> None:
    office = base_data / "offices" / "leipzig" / "leipzig-basis.yaml"
    office.write_text(office.read_text("utf-8").replace('checked_on: "2026-10-01"', f'checked_on: "{checked_on}"'), "utf-8")


def test_outdated_data_is_a_warning_not_an_error(base_data):
    _age(base_data, "2026-03-01")
    text = run([*CLI, "validate"], env=data_env(base_data))
    github = run([*CLI, "validate", "--format", "github"], env=data_env(base_data))
    assert text.returncode == github.returncode == 0
    assert f"Hinweis: {WARNING}" in text.stderr.splitlines()
    assert (
        "::warning file=data/offices/leipzig/leipzig-basis.yaml,line=27,title=Hinweis::"
        "checked_on: zuletzt am 01.03.2026 geprüft – bitte Angaben prüfen und Datum erneuern"
    ) in github.stderr.splitlines()


def test_coordinators_get_the_list_as_text_and_markdown(base_data):
    _age(base_data, "2026-03-01")
    text = run([*CLI, "outdated"], env=data_env(base_data))
    markdown = run([*CLI, "outdated", "--format", "markdown"], env=data_env(base_data))
    assert text.returncode == markdown.returncode == 0
    assert text.stdout.splitlines() == [
        "1 Stelle wurde vor mehr als sechs Monaten geprüft:",
        "01.03.2026  Bürgerbüro Basis (Leipzig, 269 Tage)  data/offices/leipzig/leipzig-basis.yaml",
    ]
    rows = [line for line in markdown.stdout.splitlines() if line.startswith("| ")]
    assert rows[-1] == (
        "| 01.03.2026 (269 Tage) | Bürgerbüro Basis | Leipzig | Sprechstunde findet statt | "
        "`data/offices/leipzig/leipzig-basis.yaml` |"
    )


def test_six_months_is_the_limit(base_data):
    _age(base_data, "2026-05-26")  # 183 days before 25 November: not yet
    result = run([*CLI, "outdated"], env=data_env(base_data))
    assert result.stdout == "Alle Stellen wurden in den letzten sechs Monaten geprüft.\n"
    office = base_data / "offices" / "leipzig" / "leipzig-basis.yaml"
    office.write_text(office.read_text("utf-8").replace('"2026-05-26"', '"2026-05-25"'), "utf-8")  # 184 days
    assert run([*CLI, "outdated"], env=data_env(base_data)).stdout.startswith("1 Stelle wurde")


def test_office_page_shows_checked_date_and_links_to_its_file_in_the_web_editor(site, sample_plus_escape):
    edit_base = yaml.safe_load((ROOT / "mkdocs.yml").read_text("utf-8"))["extra"]["linkshilft"]["edit_base"]
    assert edit_base.startswith("https://github.com/") and "/edit/" in edit_base
    dataset, _, _ = load_dataset(sample_plus_escape, TODAY)
    for office in dataset.public_offices():
        html = BeautifulSoup((site / "stellen" / office.id / "index.html").read_text("utf-8"), "html.parser")
        checked = html.select_one("article .lh-checked")
        assert checked.time["datetime"] == office.checked_on.isoformat()
        assert checked.time.get_text() == wording.format_date(office.checked_on)
        assert checked.find("a", string="Angaben falsch? Bearbeiten")["href"] == f"{edit_base}/{office.source.path}"
