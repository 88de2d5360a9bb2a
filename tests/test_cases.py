"""Test cases as files: tests/cases/{valid,invalid}/<name>.yaml, each with <name>.expect beside it.

The .expect file's first line says where the case goes into a copy of the base data set
(tests/cases/base/data), replacing a file of that name if there is one:

    target: data/offices/leipzig/leipzig-kaputt.yaml

The following lines are the exact messages `linkshilft validate` must print (none for a
valid case). Tests grow by adding files, not code.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from linkshilft.pipeline import load_dataset

from tests.support import CASES, TODAY


def _cases(kind: str) -> list[Path]:
    return sorted((CASES / kind).glob("*.yaml")) + sorted((CASES / kind).glob("*.yml"))


def _expectation(case: Path) -> tuple[str, list[str]]:
    lines = case.with_suffix(".expect").read_text("utf-8").splitlines()
    assert lines and lines[0].startswith("target: "), f"{case.name}: .expect must start with 'target: data/...'"
    return lines[0].removeprefix("target: ").strip(), [line for line in lines[1:] if line.strip()]


def _validate_with(case: Path, base_data: Path) -> list[str]:
    target, _ = _expectation(case)
    destination = base_data.parent / target
    destination.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(case, destination)
    _, problems, _ = load_dataset(base_data, TODAY)
    return [str(problem) for problem in problems]


def test_base_data_is_valid(base_data):
    dataset, problems, _ = load_dataset(base_data, TODAY)
    assert problems == []
    assert list(dataset.offices) == ["leipzig-basis"]


@pytest.mark.parametrize("case", _cases("valid"), ids=lambda p: p.stem)
def test_valid_case(case, base_data):
    assert _validate_with(case, base_data) == []


@pytest.mark.parametrize("case", _cases("invalid"), ids=lambda p: p.stem)
def test_invalid_case(case, base_data):
    _, expected = _expectation(case)
    assert expected, f"{case.name}: an invalid case needs at least one expected message"
    assert _validate_with(case, base_data) == expected


def test_every_case_has_an_expectation():
    for kind in ("valid", "invalid"):
        for case in _cases(kind):
            assert case.with_suffix(".expect").exists(), f"{kind}/{case.name} has no .expect file"
