"""House style: a module that grows past ~400 lines is two modules, unless its docstring says why not."""

from __future__ import annotations

import ast

from tests.support import ROOT

MAX_LINES = 400
REASON = "Over 400 lines:"  # e.g. '"""... Over 400 lines: one state machine, split it would scatter it."""'


def test_no_module_is_too_long_without_a_reason():
    too_long = []
    for path in sorted((ROOT / "hooks" / "linkshilft").rglob("*.py")):  # the subpackages too
        text = path.read_text("utf-8")
        lines = text.count("\n")
        if lines > MAX_LINES and REASON not in (ast.get_docstring(ast.parse(text)) or ""):
            too_long.append(f"{path.relative_to(ROOT)}: {lines} Zeilen")
    assert not too_long, f"aufteilen oder im Docstring begründen ({REASON!r}): {too_long}"
