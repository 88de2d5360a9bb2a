"""Data flows one way: model → schedule → records checks → public, exports, internal → cli. No stage reaches back.

Read from the source with ast, so a new module or a late import inside a function is seen too.
"""

from __future__ import annotations

import ast

import pytest

from tests.support import ROOT

PACKAGE = ROOT / "hooks" / "linkshilft"
# What each part may import besides the top-level modules (problems, sinks, labels, geo, package_files).
ALLOWED = {
    "records": {"records", "schedule"},  # the pipeline runs the schedule's checks (see below)
    "schedule": {"records", "schedule"},
    "public": {"records", "schedule", "public", "exports"},
    "exports": {"records", "schedule", "public", "exports"},
    "internal": {"records", "schedule", "public", "exports", "internal"},
    "cli": {"records", "schedule", "public", "exports", "internal", "cli"},
}


def imported_parts(path) -> set[tuple[str, int]]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        names = []
        if isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
        elif isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        for name in names:
            parts = name.split(".")
            if parts[0] == "linkshilft" and len(parts) > 1 and parts[1] in ALLOWED:
                found.add((parts[1], node.lineno))
    return found


@pytest.mark.parametrize("part", sorted(ALLOWED))
def test_no_part_imports_a_later_stage(part):
    modules = sorted((PACKAGE / part).glob("*.py"))
    assert len(modules) > 1, part
    upward = [
        f"{path.relative_to(PACKAGE).as_posix()}:{line}: linkshilft.{other}"
        for path in modules
        for other, line in sorted(imported_parts(path))
        if other not in ALLOWED[part]
    ]
    assert not upward, upward


def test_the_schedule_reads_only_the_model_of_records():
    """The schedule works on the model alone, so the record checks can use it without a cycle."""
    reads = {
        f"{path.name}:{node.lineno}: {node.module}"
        for path in sorted((PACKAGE / "schedule").glob("*.py"))
        for node in ast.walk(ast.parse(path.read_text("utf-8")))
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("linkshilft.records")
    }
    assert reads and all(entry.endswith("linkshilft.records.model") for entry in reads), reads


def test_top_level_modules_import_no_part():
    reaching = [
        f"{path.name}:{line}: linkshilft.{other}"
        for path in sorted(PACKAGE.glob("*.py"))
        for other, line in sorted(imported_parts(path))
        if other != "records"  # labels and geo read the model's types
    ]
    assert not reaching, reaching


def test_the_check_sees_an_upward_import(tmp_path):
    module = tmp_path / "m.py"
    module.write_text("def f():\n    from linkshilft.public import redirects\n", "utf-8")
    assert imported_parts(module) == {("public", 2)}
