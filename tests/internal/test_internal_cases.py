"""Internal records as test cases: tests/cases/internal/{valid,invalid}/<name>.yaml, each with <name>.expect.

The same format as tests/test_cases.py: the .expect file's first line says where the case goes,

    target: data/internal/survey/leipzig-kaputt.yaml

into a copy of the public base data set (tests/cases/base/data) with the internal base data set
(tests/cases/internal/base/internal) at data/internal, replacing a file of that name if there
is one. The following lines are the exact messages, as the internal build and
`linkshilft validate --internal` print them (none for a valid case).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from linkshilft.internal.records import load_internal
from linkshilft.records.pipeline import load_dataset

from tests.support import CASES, TODAY, case_expectation, case_files, place_case

INTERNAL_CASES = CASES / "internal"
TARGET = "data/internal/"


@pytest.fixture
def project(base_data) -> Path:
    """tmp/data (public base data) with tmp/data/internal (internal base data); returns tmp."""
    shutil.copytree(INTERNAL_CASES / "base" / "internal", base_data / "internal")
    return base_data.parent


def _messages(project: Path) -> list[str]:
    dataset, problems, _ = load_dataset(project / "data", TODAY)
    assert problems == [], "the public base data must stay valid"
    _, problems = load_internal(project / "data" / "internal", dataset, project)
    return [str(problem) for problem in problems]


def _with_case(case: Path, project: Path) -> list[str]:
    place_case(case, project, TARGET)
    return _messages(project)


def test_internal_base_data_is_valid(project):
    assert _messages(project) == []


@pytest.mark.parametrize("case", case_files(INTERNAL_CASES / "valid"), ids=lambda p: p.stem)
def test_valid_internal_case(case, project):
    assert _with_case(case, project) == []


@pytest.mark.parametrize("case", case_files(INTERNAL_CASES / "invalid"), ids=lambda p: p.stem)
def test_invalid_internal_case(case, project):
    _, expected = case_expectation(case, TARGET)
    assert expected, f"{case.name}: an invalid case needs at least one expected message"
    assert _with_case(case, project) == expected


def test_every_internal_case_has_an_expectation():
    assert case_files(INTERNAL_CASES / "valid") and case_files(INTERNAL_CASES / "invalid")
    for kind in ("valid", "invalid"):
        for case in case_files(INTERNAL_CASES / kind):
            assert case.with_suffix(".expect").exists(), f"internal/{kind}/{case.name} has no .expect file"


def test_missing_internal_folder_is_one_clear_message(project):
    shutil.rmtree(project / "data" / "internal")
    assert _messages(project) == [
        "data/internal:1: Ordner der internen Daten nicht gefunden (Einstellung LINKSHILFT_INTERNAL_DATA)"
    ]
