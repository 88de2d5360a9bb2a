"""Builds the site with MkDocs and with ProperDocs (the continuation of MkDocs 1.x) and compares.

    python bench/check_properdocs.py      # exit code 1 if the two builds have different pages

ProperDocs is installed as its own package (`properdocs`, command `properdocs`) beside MkDocs;
it reads mkdocs.yml when given with -f, runs mkdocs-material and our hooks unchanged.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def build(command: str, site: Path) -> set[str]:
    result = subprocess.run(
        [str(BIN / command), "build", "--strict", "--clean", "-f", "mkdocs.yml", "--site-dir", str(site)],
        cwd=ROOT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise SystemExit(f"{command} build ist fehlgeschlagen:\n{result.stderr[-3000:]}")
    return {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        mkdocs = build("mkdocs", Path(folder) / "mkdocs")
        properdocs = build("properdocs", Path(folder) / "properdocs")
    pages = lambda files: {f for f in files if f.endswith(".html")}  # noqa: E731
    only_mkdocs, only_properdocs = sorted(pages(mkdocs) - pages(properdocs)), sorted(pages(properdocs) - pages(mkdocs))
    for name in only_mkdocs:
        print(f"nur im MkDocs-Bau: {name}")
    for name in only_properdocs:
        print(f"nur im ProperDocs-Bau: {name}")
    other = sorted((mkdocs ^ properdocs) - set(only_mkdocs) - set(only_properdocs))
    for name in other:
        print(f"Hinweis: andere Datei nur in einem Bau: {name}")
    print(f"MkDocs {len(pages(mkdocs))} Seiten, ProperDocs {len(pages(properdocs))} Seiten.", file=sys.stderr)
    return 1 if only_mkdocs or only_properdocs else 0


if __name__ == "__main__":
    sys.exit(main())
