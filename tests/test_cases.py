"""Test cases as files: tests/cases/{valid,invalid}/<name>.yaml, each with <name>.expect beside it.

The .expect file's first line says where the case goes into a copy of the base data set
(tests/cases/base/data), replacing a file of that name if there is one:

    target: data/offices/leipzig/leipzig-kaputt.yaml

The following lines are the exact messages `linkshilft validate --base` must print as errors,
or, for a valid case, the warnings it prints ("Hinweis: …", none for most): a case is an edit
of the base data set and is judged like a pull request (verdict.py), so a condition it brings
by itself, such as an office that rests because it names an ended agreement, is an error too.
Tests grow by adding files, not code.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from linkshilft.languages import translated
from linkshilft.public.settings import read
from linkshilft.records.pipeline import findings, load_dataset
from linkshilft.records.verdict import judge

from tests.support import CASES, ROOT, TODAY, case_expectation, case_files, place_case

LANGUAGES = translated(read(ROOT / "mkdocs.yml")[0])  # as `linkshilft validate` checks the data: the setting's


def _validate_with(case: Path, base_data: Path, *, hints: bool = False) -> list[str]:
    _, *base = findings(base_data, TODAY, LANGUAGES)
    place_case(case, base_data.parent)
    _, errors, conditions = findings(base_data, TODAY, LANGUAGES)
    verdict = judge(errors, conditions, tuple(base))
    found = [str(problem) for problem in verdict.blocking]
    return found + [f"Hinweis: {problem}" for problem in verdict.warnings] if hints else found


def test_base_data_is_valid(base_data):
    dataset, problems, _ = load_dataset(base_data, TODAY)
    assert problems == []
    assert list(dataset.offices) == ["leipzig-basis"]


@pytest.mark.parametrize("case", case_files(CASES / "valid"), ids=lambda p: p.stem)
def test_valid_case(case, base_data):
    _, expected = case_expectation(case)
    assert _validate_with(case, base_data, hints=True) == expected


@pytest.mark.parametrize("case", case_files(CASES / "invalid"), ids=lambda p: p.stem)
def test_invalid_case(case, base_data):
    _, expected = case_expectation(case)
    assert expected, f"{case.name}: an invalid case needs at least one expected message"
    assert _validate_with(case, base_data) == expected


def test_every_expectation_has_its_case():
    """Each case reads its .expect file; an .expect whose case was renamed or deleted would be
    read by nothing, and the messages it lists would look tested while no test checks them."""
    for kind in ("valid", "invalid"):
        cases = {case.with_suffix(".expect") for case in case_files(CASES / kind)}
        orphans = sorted(path.name for path in (CASES / kind).glob("*.expect") if path not in cases)
        assert orphans == [], f"{kind}: .expect ohne Fall daneben: {orphans}"
