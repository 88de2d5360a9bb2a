"""The sample data in data/ is valid, complete enough to show every feature, and fictional."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

from linkshilft.records.load import read_file
from linkshilft.records.pipeline import load_dataset

from tests.support import ROOT, TODAY

DATA = ROOT / "data"


def test_sample_data_validates_without_problems():
    dataset, problems, _ = load_dataset(DATA, TODAY)
    assert [str(p) for p in problems] == []
    assert dataset is not None


def test_sample_data_covers_every_district_status_and_rhythm():
    dataset, _, _ = load_dataset(DATA, TODAY)
    offices = list(dataset.offices.values())
    assert len(offices) >= 30
    assert len(dataset.districts) == 13
    assert {o.district for o in offices} == set(dataset.districts)
    assert set(Counter(o.status for o in offices)) == {"active", "planned", "interim", "paused", "closed"}
    rules = [rule for o in offices for rule in o.counselling.hours]
    assert any(r.every_weeks == 2 for r in rules)
    assert any("last" in r.weeks_of_month for r in rules)
    assert any(set(r.weeks_of_month) == {1, 3} for r in rules)
    assert any(r.date for r in rules)
    assert any(r.valid_from for r in rules)
    assert any(not r.walk_in for r in rules)
    assert any(o.counselling.appointment_only for o in offices)
    assert any(o.address.coordinates is None for o in offices)
    assert any(o.counselling.corpus_christi_holiday for o in offices)
    assert len(dataset.counsellors) >= 10
    assert any(not c.consent.publish_name for c in dataset.counsellors.values())
    assert len(dataset.lawyers) >= 2
    assert any(lawyer.valid_until < TODAY for lawyer in dataset.lawyers.values())  # the internal report flags it


def test_every_data_file_names_its_schema_for_editors():
    for path in sorted(DATA.rglob("*.yaml")):
        if "internal" in path.parts:
            continue
        first = path.read_text("utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema="), path
        schema = (path.parent / first.split("=", 1)[1]).resolve()
        assert schema.is_file(), f"{path}: {schema} does not exist"


def test_sample_contact_data_is_fictional():
    for path in sorted((DATA / "offices").rglob("*.yaml")):
        document, problems = read_file(path, path.name)
        assert not problems
        email = document.data["contact"].get("email")
        if email:
            assert email.endswith("@linke-beispiel.de"), path
        website = document.data["contact"].get("website")
        if website:
            assert website.startswith("https://www.linke-beispiel.de"), path


def test_office_template_is_valid_once_its_placeholders_are_filled(tmp_path):
    """An editor copies data/_templates/office.yaml, sets id and district: it must validate."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target, ignore=shutil.ignore_patterns("internal", "offices"))
    text = (DATA / "_templates" / "office.yaml").read_text("utf-8")
    assert "id: kennung-der-stelle" in text and "district: kennung-des-kreises" in text
    text = text.replace("kennung-der-stelle", "leipzig-vorlage").replace("kennung-des-kreises", "leipzig")
    (target / "offices" / "leipzig").mkdir(parents=True)
    (target / "offices" / "leipzig" / "leipzig-vorlage.yaml").write_text(text, "utf-8")
    dataset, problems, _ = load_dataset(target, TODAY)
    assert [str(p) for p in problems] == []
    assert list(dataset.offices) == ["leipzig-vorlage"]


def test_the_data_folder_holds_only_yaml(tmp_path):
    unexpected = [p for p in DATA.rglob("*") if p.is_file() and p.suffix != ".yaml" and "internal" not in p.parts]
    assert unexpected == [], [str(Path(p).relative_to(ROOT)) for p in unexpected]
