"""Documentation that cannot drift: every schema field is in CONTRIBUTING.md, every make target in help,
the message table shows what the test cases expect, and pre-commit renews what `make reference` renews."""

from __future__ import annotations

import json
import re

import yaml
from linkshilft.cli import message_table, reference

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


def test_contributing_message_table_is_written_from_the_test_cases():
    text = (ROOT / "CONTRIBUTING.md").read_text("utf-8")
    assert message_table.START in text and message_table.END in text
    assert message_table.update(text) == text, "Meldungstabelle veraltet: make reference"


def test_message_table_shows_the_messages_of_the_cases_it_names():
    rows = message_table.rows()
    expected = (ROOT / "tests/cases/invalid/slip-missing-dash-before-rule.expect").read_text("utf-8").splitlines()[1]
    assert any(expected.endswith(message) for message, _ in rows)
    advice = dict(rows)
    # The advice for a duplicate key inside a rule must not be "delete a line": that would delete a rule.
    assert "nichts löschen" in next(a for m, a in advice.items() if m.startswith('Feld "weekdays" steht doppelt'))


def test_pre_commit_renews_what_make_reference_renews():
    hooks = {hook["id"]: hook for repo in yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text("utf-8"))["repos"]
             for hook in repo["hooks"]}  # fmt: skip
    hook = hooks["linkshilft-reference"]
    makefile = (ROOT / "Makefile").read_text("utf-8")
    recipe = re.search(r"^reference:.*\n\t\$\(BIN\)/(.+)$", makefile, re.MULTILINE)[1]
    assert hook["entry"] == f".venv/bin/{recipe}"
    for changed in ("schema/office.schema.json", "tests/cases/messages.yaml", "tests/cases/invalid/x.expect", "INTERN.md",
                    "CONTRIBUTING.md"):  # fmt: skip
        assert re.search(hook["files"], changed), changed


def test_contributing_names_every_weekday_the_schema_allows():
    weekdays = json.loads((ROOT / "schema/common.schema.json").read_text("utf-8"))["$defs"]["weekday"]["enum"]
    text = (ROOT / "CONTRIBUTING.md").read_text("utf-8")
    sentence = re.search(r"Wochentage\s+auf Englisch: ([^.]+)\.", text)[1]
    assert re.findall(r"`([a-z]+)`", sentence) == weekdays


def module_map(readme: str) -> dict[str, str]:
    """The README's module map: path below hooks/linkshilft/ → its line. A line "name/" opens a
    subpackage; the modules indented below it belong to it."""
    block = readme.split("<!-- modulkarte:start -->", 1)[1].split("<!-- modulkarte:end -->", 1)[0]
    lines = block.split("```text\n", 1)[1].split("```", 1)[0].splitlines()
    assert lines[0] == "hooks/linkshilft/"
    named, package = {}, ""
    for line in filter(str.strip, lines[1:]):
        name = line.split()[0]
        indent = len(line) - len(line.lstrip())
        if name.endswith("/"):
            package = name
        named[(package if indent > 2 else "") + name] = line
    return named


def test_the_readme_module_map_names_every_module_and_nothing_else():
    package = ROOT / "hooks" / "linkshilft"
    modules = {path.relative_to(package).as_posix() for path in package.rglob("*.py") if path.name != "__init__.py"}
    packages = {f"{path.parent.relative_to(package).as_posix()}/" for path in package.glob("*/__init__.py")}
    named = module_map((ROOT / "README.md").read_text("utf-8"))
    assert sorted(modules - set(named)) == [], "fehlt in der Modulkarte in README.md"
    assert sorted(set(named) - modules - packages) == [], "in der Modulkarte, aber nicht im Paket"
    assert sorted(packages - set(named)) == [], "Unterpaket fehlt in der Modulkarte"
    # Each subpackage has its sentence, each module a few words.
    assert all(len(line.split()) >= 3 for line in named.values())


def test_the_module_map_check_reads_subpackages_and_their_modules():
    readme = "<!-- modulkarte:start -->\n```text\nhooks/linkshilft/\n  geo.py  Entfernungen\n  records/  Daten.\n"
    readme += "    load.py  YAML lesen\n  cli/  Befehle.\n    geo.py  anderes geo\n```\n<!-- modulkarte:end -->"
    assert list(module_map(readme)) == ["geo.py", "records/", "records/load.py", "cli/", "cli/geo.py"]
