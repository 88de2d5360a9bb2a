"""Shared fixtures: a fixed build date, data folders in tmp, one strict site build per session."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from linkshilft.records import validate
from linkshilft.records.pipeline import load_dataset

from tests import support
from tests.payloads import write_payload_project
from tests.support import CASES, ESCAPE_OFFICE, MKDOCS, ROOT, SENTINEL_FILES, TODAY, data_env, run

# Fixtures that run `mkdocs build` (directly or through another of them): a test that uses one is
# marked `build`, each test under tests/browser/ `browser`. `make test-fast` leaves both out.
BUILD_FIXTURES = frozenset({"site", "payload_build", "internal_site", "later_site", "renamed_site"})
BROWSER_TESTS = Path(__file__).resolve().parent / "browser"


def pytest_collection_modifyitems(items):
    for item in items:
        if BROWSER_TESTS in Path(item.path).parents:
            item.add_marker(pytest.mark.browser)
        if BUILD_FIXTURES & set(item.fixturenames):
            item.add_marker(pytest.mark.build)


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    # Session fixtures are built while the first test that needs them is set up: keep that test
    # known from here on, so that support.run can refuse a build in an unmarked test.
    support.current_test[0] = item


def pytest_runtest_teardown(item):
    support.current_test[0] = None


@pytest.fixture(autouse=True)
def fast_and_full_validation_agree(monkeypatch):
    """Every record any test validates is judged by jsonschema-rs and by jsonschema, which must
    agree (validate.py trusts the fast "valid" without asking jsonschema)."""
    fast = validate._surely_valid

    def both(data, kind, schema_dir):
        verdict = fast(data, kind, schema_dir)
        full = validate.validator_for(kind, schema_dir).is_valid(data)
        assert verdict == full, f"jsonschema-rs: {verdict}, jsonschema: {full} für {kind}: {data!r:.1500}"
        return verdict

    monkeypatch.setattr(validate, "_surely_valid", both)


@pytest.fixture
def base_data(tmp_path) -> Path:
    """A copy of the small, stable test data set (tests/cases/base/data) to change freely."""
    target = tmp_path / "data"
    shutil.copytree(CASES / "base" / "data", target)
    return target


@pytest.fixture(scope="session")
def sample_plus_escape(tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("sample") / "data"
    shutil.copytree(ROOT / "data", target, ignore=shutil.ignore_patterns("internal"))
    lawyer = sorted((target / "lawyers").glob("*.yaml"))[0].stem
    (target / "offices" / "leipzig" / "leipzig-escape-test.yaml").write_text(ESCAPE_OFFICE.format(lawyer=lawyer), "utf-8")
    for path, text in SENTINEL_FILES.items():
        (target / path).write_text(text, "utf-8")
    return target


@pytest.fixture(scope="session")
def site(tmp_path_factory, sample_plus_escape) -> Path:
    """One strict build of the sample data (plus the escape test office) for all page tests."""
    out = tmp_path_factory.mktemp("build") / "site"
    result = run(
        [*MKDOCS, "build", "--strict", "--site-dir", str(out)],
        env=data_env(sample_plus_escape),
    )
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="session")
def payload_build(tmp_path_factory):
    """One strict build of a small project with an attack in every free-text field (tests/payloads.py):
    (site folder, data folder, the filler with every value it wrote)."""
    project = tmp_path_factory.mktemp("payloads") / "project"
    data, filler = write_payload_project(project)
    out = project.parent / "site"
    result = run(
        [*MKDOCS, "build", "--strict", "--site-dir", str(out)],
        env=data_env(data),
        cwd=project,
    )
    assert result.returncode == 0, result.stderr
    return out, data, filler


@pytest.fixture(scope="session")
def dataset(sample_plus_escape):
    """The model of the data the session build shows, for tests that compare pages with records."""
    data, problems, _ = load_dataset(sample_plus_escape, TODAY)
    assert problems == []
    return data
