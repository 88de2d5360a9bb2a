"""One strict build of the internal site per session (sample data, fixed day), and the records
it is made of, read straight from the YAML files so that tests can count for themselves."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.support import MKDOCS, ROOT, TODAY, run

INTERNAL = ROOT / "data" / "internal"


@pytest.fixture(scope="session")
def internal_site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("build-internal") / "site-internal"
    result = run(
        [*MKDOCS, "build", "--strict", "-f", "mkdocs.internal.yml", "--site-dir", str(out)],
        env={
            "LINKSHILFT_DATA": str(ROOT / "data"),
            "LINKSHILFT_INTERNAL_DATA": str(INTERNAL),
            "LINKSHILFT_TODAY": TODAY.isoformat(),
        },
    )
    assert result.returncode == 0, result.stderr
    return out


class Records:
    """The sample records as plain YAML (PyYAML's safe loader, not linkshilft's): an independent view."""

    def __init__(self, data: Path = ROOT / "data"):
        def load(path: Path):
            return yaml.safe_load(path.read_text("utf-8"))

        internal = data / "internal"
        self.offices = {d["id"]: d for d in map(load, sorted((data / "offices").rglob("*.yaml")))}
        self.lawyers = {d["id"]: d for d in map(load, sorted((data / "lawyers").glob("*.yaml")))}
        self.counsellors = {d["id"]: d for d in map(load, sorted((data / "counsellors").glob("*.yaml")))}
        self.mps = {d["id"]: d for d in load(data / "mps.yaml")["mps"]}
        self.districts = {d["id"]: d for d in load(data / "districts.yaml")["districts"]}
        self.survey = [load(p) for p in sorted((internal / "survey").glob("*.yaml"))]
        self.mp_offices = load(internal / "mp_offices.yaml")["mp_offices"]
        self.people = [p for f in sorted((internal / "recruitment").glob("*.yaml")) for p in load(f)["people"]]
        self.modules = {m["id"]: m for m in load(internal / "modules.yaml")["modules"]}
        self.trainings = [load(p) for p in sorted((internal / "trainings").glob("*.yaml"))]
        self.interim = [load(p) for p in sorted((internal / "interim").glob("*.yaml"))]
        self.guidance = {d["lawyer"]: d for d in map(load, sorted((internal / "guidance").glob("*.yaml")))}
        self.reports = [load(p) for p in sorted((internal / "reports").glob("*.yaml"))]


@pytest.fixture(scope="session")
def records() -> Records:
    return Records()
