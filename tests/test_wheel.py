"""A plain wheel works outside the checkout: it carries schemas and templates and builds the site.

The wheel is built without build isolation (the setuptools of the test extras: no download) from
a copy of what pyproject.toml names, so the checkout gets no build/ folder. It goes into a fresh
venv made --without-pip, whose site-packages holds only the wheel; a .pth file after it lends the
project venv's site-packages for the dependencies. Python reads .pth files only in site folders,
not in folders a .pth adds, so the editable install's finder there never runs: `linkshilft`
can only come from the wheel. Validation and build run in a project folder outside the checkout
without schema/ and site_overrides/linkshilft/, so the package's own copies must do.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import tomllib
import zipfile
from pathlib import Path

import pytest

from tests.support import ROOT, TODAY

pytestmark = pytest.mark.build  # builds and installs the wheel, then builds a site with it (about a minute)

SETUPTOOLS = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"]
MAPPED = {package: folder for package, folder in SETUPTOOLS["package-dir"].items() if package}  # "linkshilft.schemas": "schema"


def _run(command: list, cwd: Path) -> subprocess.CompletedProcess:
    # Nothing of the checkout or of the test's own interpreter leaks in through the environment.
    env = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "VIRTUAL_ENV", "LINKSHILFT_DATA")}
    env |= {"LINKSHILFT_TODAY": TODAY.isoformat(), "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=600, check=False)


def _source_copy(target: Path) -> Path:
    """What the wheel is built from: pyproject.toml, the README and every folder package-dir names."""
    target.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, target / name)
    for folder in {SETUPTOOLS["package-dir"][""], *MAPPED.values()}:
        shutil.copytree(ROOT / folder, target / folder, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    return target


def _project_copy(target: Path) -> Path:
    """A project as a user of the wheel has it: pages, data, theme overrides, mkdocs.yml and the hook file,
    but no schema/ and no page templates (site_overrides/linkshilft/): those must come from the package."""
    shutil.copytree(ROOT / "content", target / "content")
    shutil.copytree(ROOT / "data", target / "data")
    shutil.copytree(ROOT / "site_overrides", target / "site_overrides", ignore=shutil.ignore_patterns("linkshilft"))
    (target / "hooks").mkdir()
    shutil.copy(ROOT / "hooks" / "main.py", target / "hooks" / "main.py")
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    return target


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> tuple[Path, Path]:
    """(the built wheel, the fresh venv's python) with the wheel installed."""
    base = tmp_path_factory.mktemp("wheel")
    source = _source_copy(base / "source")
    pip = [sys.executable, "-m", "pip"]
    built = _run([*pip, "wheel", "--no-deps", "--no-build-isolation", "--no-index", "-w", base / "dist", source], base)
    assert built.returncode == 0, built.stderr
    assert "deprecat" not in built.stderr.lower(), built.stderr  # the licence table and anything else setuptools warns about
    (wheel,) = (base / "dist").glob("linkshilft-*.whl")

    venv = base / "venv"
    assert _run([sys.executable, "-m", "venv", "--without-pip", venv], base).returncode == 0
    python = venv / "bin" / "python"
    site_packages = Path(_run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], base).stdout.strip())
    (site_packages / "project-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", "utf-8")
    install = _run([*pip, "--python", python, "install", "--no-deps", "--no-index", wheel], base)
    assert install.returncode == 0, install.stderr
    return wheel, python


def test_the_wheel_carries_every_schema_template_and_the_office_template(installed):
    wheel, _ = installed
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    for package, folder in MAPPED.items():
        checkout = {path.relative_to(ROOT / folder).as_posix() for path in (ROOT / folder).rglob("*") if path.is_file()}
        prefix = package.replace(".", "/") + "/"
        assert checkout, folder
        assert {name.removeprefix(prefix) for name in names if name.startswith(prefix)} == checkout, folder


def test_the_installed_package_uses_its_own_files(installed, tmp_path):
    _, python = installed
    shown = _run(
        [python, "-c", "import linkshilft; from linkshilft import package_files as p; "
         "print(linkshilft.__file__); [print(p.folder(name)) for name in p.CHECKOUT_FOLDERS]"],
        tmp_path,
    )  # fmt: skip
    assert shown.returncode == 0, shown.stderr
    paths = [Path(line) for line in shown.stdout.splitlines()]
    assert len(paths) == 4
    venv = python.parent.parent
    for path in paths:
        assert path.exists() and path.is_relative_to(venv) and not path.is_relative_to(ROOT), path


def test_the_installed_wheel_validates_and_builds_a_project_outside_the_checkout(installed, tmp_path):
    _, python = installed
    project = _project_copy(tmp_path / "project")
    assert not (project / "schema").exists() and not (project / "site_overrides" / "linkshilft").exists()

    validated = _run([python.parent / "linkshilft", "validate"], project)
    assert validated.returncode == 0, validated.stdout + validated.stderr

    built = _run([python, "-m", "mkdocs", "build", "--strict"], project)
    assert built.returncode == 0, built.stderr
    page = (project / "site" / "stellen" / "leipzig-plagwitz" / "index.html").read_text("utf-8")
    assert "Bürgerbüro Plagwitz" in page
    assert '<h2 id="sprechzeiten" data-search-exclude>Sprechzeiten</h2>' in page  # from the package's office.html
