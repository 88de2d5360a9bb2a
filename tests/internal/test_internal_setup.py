"""What keeps the two sites apart and the internal documentation current."""

from __future__ import annotations

import ast
import importlib.util
import itertools
import json
import re
import shutil
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml
from linkshilft.cli import reference
from linkshilft.internal.measures import METRICS
from mkdocs.exceptions import Abort

from tests.support import MKDOCS, ROOT, TODAY, run

INTERNAL = ROOT / "data" / "internal"


def test_intern_md_has_the_current_field_reference():
    text = (ROOT / "INTERN.md").read_text("utf-8")
    assert reference.update(text, kinds=reference.INTERNAL_KINDS) == text, "Feldreferenz veraltet: make reference"


def test_every_internal_schema_is_documented_field_by_field():
    documented_kinds = {kind for kind, _ in reference.INTERNAL_KINDS}
    schemas = {p.name.removesuffix(".schema.json") for p in (ROOT / "schema").glob("internal-*.schema.json")}
    assert schemas - {"internal-common"} == documented_kinds
    text = (ROOT / "INTERN.md").read_text("utf-8")
    documented = set(re.findall(r"^\| `([^`]+)` \|", text, re.MULTILINE))
    for kind in documented_kinds:
        for path, _, _ in reference.fields(kind):
            assert path in documented, f"{kind}: {path} fehlt in INTERN.md"


def test_the_report_schema_knows_exactly_the_figures_the_report_computes():
    schema = json.loads((ROOT / "schema" / "internal-report.schema.json").read_text("utf-8"))
    properties = schema["properties"]["figures"]["properties"]
    assert list(properties) == list(METRICS)
    assert {key: p["title"] for key, p in properties.items()} == {key: label for key, (_, label) in METRICS.items()}


def test_every_internal_data_file_names_its_schema_and_says_it_is_internal():
    files = sorted(INTERNAL.rglob("*.yaml"))
    assert len(files) > 50
    for path in files:
        lines = path.read_text("utf-8").splitlines()
        assert lines[0].startswith("# yaml-language-server: $schema="), path
        schema = (path.parent / lines[0].split("=", 1)[1]).resolve()
        assert schema.is_file() and schema.name.startswith("internal-"), path
        assert any("INTERN" in line for line in itertools.takewhile(lambda line: line.startswith("#"), lines)), path


def test_people_appear_only_by_pseudonym_in_the_sample_data():
    for path in sorted((INTERNAL / "recruitment").glob("*.yaml")):
        for person in yaml.safe_load(path.read_text("utf-8"))["people"]:
            assert re.fullmatch(r"[a-z]{1,3}-[0-9]{3,6}", person["id"]), path


def internal_modules_loaded_by(hook: Path) -> list[str]:
    """The modules of the package linkshilft.internal that loading `hook` imports, by prefix: a
    new internal module is covered without being named here."""
    script = (
        "import importlib.util, sys\n"
        f"spec = importlib.util.spec_from_file_location('public_hook', {str(hook)!r})\n"
        "spec.loader.exec_module(importlib.util.module_from_spec(spec))\n"
        "print(sorted(m for m in sys.modules if m == 'linkshilft.internal' or m.startswith('linkshilft.internal.')))\n"
    )
    result = run([sys.executable, "-c", script])
    assert result.returncode == 0, result.stderr
    return ast.literal_eval(result.stdout.strip())


def test_the_public_hook_never_loads_the_internal_modules():
    assert internal_modules_loaded_by(ROOT / "hooks" / "main.py") == []
    public = (ROOT / "mkdocs.yml").read_text("utf-8")
    assert "internal" not in yaml.safe_load(public).get("hooks", [""])[0]
    assert "hooks/internal.py" not in public


def test_the_check_sees_an_internal_module_that_a_public_module_imports(tmp_path):
    """The check above can fail: here a hook that, besides the public site, loads an internal module."""
    hook = tmp_path / "hook.py"
    hook.write_text("import linkshilft.public.site\nimport linkshilft.internal.charts\n", "utf-8")
    assert internal_modules_loaded_by(hook) == ["linkshilft.internal", "linkshilft.internal.charts"]


def test_the_internal_config_inherits_the_public_one_and_keeps_its_hooks():
    public = yaml.safe_load((ROOT / "mkdocs.yml").read_text("utf-8"))
    internal = yaml.safe_load((ROOT / "mkdocs.internal.yml").read_text("utf-8"))
    assert internal["INHERIT"] == "mkdocs.yml"
    assert internal["site_dir"] == "site-internal" != public["site_dir"]
    assert internal["extra"]["linkshilft"]["internal"] is True
    # INHERIT replaces lists: every public hook must be repeated, in order, before the internal one.
    assert internal["hooks"] == [*public["hooks"], "hooks/internal.py"]
    assert "site-internal" in (ROOT / ".gitignore").read_text("utf-8")


def test_the_internal_hook_refuses_to_run_in_the_public_site():
    spec = importlib.util.spec_from_file_location("internal_hook", ROOT / "hooks" / "internal.py")
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    public = SimpleNamespace(extra={"linkshilft": {}}, config_file_path=str(ROOT / "mkdocs.yml"))
    with pytest.raises(Abort, match=r"gehört nur in mkdocs\.internal\.yml"):
        hook.on_config(public)


@pytest.mark.build
def test_a_mistake_in_the_internal_data_stops_the_internal_build_with_file_and_line(tmp_path):
    broken = tmp_path / "intern"
    shutil.copytree(INTERNAL, broken)
    survey = broken / "survey" / "leipzig-plagwitz.yaml"
    survey.write_text(survey.read_text("utf-8").replace("counselling: true", "counselling: ja"), "utf-8")
    out = tmp_path / "site-internal"
    result = run(
        [*MKDOCS, "build", "--strict", "-f", "mkdocs.internal.yml", "--site-dir", str(out)],
        env={
            "LINKSHILFT_INTERNAL_DATA": str(broken),
            "LINKSHILFT_DATA": str(ROOT / "data"),
            "LINKSHILFT_TODAY": TODAY.isoformat(),
        },
    )
    assert result.returncode != 0
    line = survey.read_text("utf-8").splitlines().index("counselling: ja") + 1
    assert f'intern/survey/leipzig-plagwitz.yaml:{line}: counselling: "ja" muss true oder false sein' in result.stderr
    assert "1 Fehler in den internen Daten – es wurde nichts gebaut." in result.stdout + result.stderr
    assert not out.exists()
