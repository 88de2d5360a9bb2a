"""Print every runtime dependency of pyproject.toml pinned to its lower bound (`make check-minimum`).

The lower bounds in pyproject.toml are promises: "works from this version on". This turns them
into `name==version` lines, so that a separate environment (.venv-min) can install exactly the
oldest allowed versions and run the tests. A runtime dependency without a lower bound is an
error: it would promise every version ever released.
"""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[1]


def minimum_pins(pyproject: Path = ROOT / "pyproject.toml") -> list[str]:
    pins = []
    for line in tomllib.loads(pyproject.read_text("utf-8"))["project"]["dependencies"]:
        requirement = Requirement(line)
        lowest = [spec.version for spec in requirement.specifier if spec.operator in (">=", "==", "~=")]
        if len(lowest) != 1:
            raise SystemExit(f"pyproject.toml: {requirement.name} braucht genau eine Untergrenze (>=, == oder ~=)")
        marker = f" ; {requirement.marker}" if requirement.marker else ""
        pins.append(f"{requirement.name}=={lowest[0]}{marker}")
    return pins


if __name__ == "__main__":
    sys.stdout.write("".join(pin + "\n" for pin in minimum_pins()))
