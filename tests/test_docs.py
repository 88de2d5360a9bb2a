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
