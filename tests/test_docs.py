"""Documentation that cannot drift: every schema field is in CONTRIBUTING.md, every make target in help."""

from __future__ import annotations

import re

from linkshilft import reference

from tests.support import ROOT, run


def test_contributing_has_the_current_field_reference():
    text = (ROOT / "CONTRIBUTING.md").read_text("utf-8")
    assert reference.update(text) == text, "Feldreferenz veraltet: make reference"


def test_every_schema_field_is_documented_for_editors():
    text = (ROOT / "CONTRIBUTING.md").read_text("utf-8")
    documented = set(re.findall(r"^\| `([^`]+)` \|", text, re.MULTILINE))
    for kind, _ in reference.KINDS:
        for path, _, _ in reference.fields(kind):
            assert path in documented, f"{kind}: {path} fehlt in CONTRIBUTING.md"


def test_every_make_target_is_listed_in_help():
    makefile = (ROOT / "Makefile").read_text("utf-8")
    targets = set(re.findall(r"^([a-z-]+):", makefile, re.MULTILINE))
    helped = set(re.findall(r"^([a-z-]+):.*## ", makefile, re.MULTILINE))
    assert targets - {"help"} <= helped
    result = run(["make", "--no-print-directory", "help"])
    assert all(f"make {target}" in result.stdout for target in helped)


def test_readme_starts_with_the_two_commands():
    lines = [line for line in (ROOT / "README.md").read_text("utf-8").splitlines() if line.strip()]
    assert lines[1] == "```sh"
    assert lines[2].startswith("make serve")
    assert lines[3].startswith("make test")
    assert "make test" in (ROOT / ".ci" / "run").read_text("utf-8")
