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
THEME_ASSETS = ("assets/javascripts/", "assets/stylesheets/")


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


def compare(mkdocs: set[str], other: set[str], name: str) -> int:
    """Prints what only one build has; 1 if the HTML pages differ (other files are only noted)."""
    pages = lambda files: {f for f in files if f.endswith(".html")}  # noqa: E731
    only_mkdocs, only_other = sorted(pages(mkdocs) - pages(other)), sorted(pages(other) - pages(mkdocs))
    for page in only_mkdocs:
        print(f"nur im MkDocs-Bau: {page}")
    for page in only_other:
        print(f"nur im {name}-Bau: {page}")
    differ = sorted((mkdocs ^ other) - set(only_mkdocs) - set(only_other))
    theme = [path for path in differ if path.startswith(THEME_ASSETS)]  # each theme's own script and styles
    for path in sorted(set(differ) - set(theme)):
        print(f"Hinweis: andere Datei nur in einem Bau: {path}")
    if theme:
        print(f"Hinweis: {len(theme)} Dateien des Themes (Skript, Stile) nur in einem Bau")
    print(f"MkDocs {len(pages(mkdocs))} Seiten, {name} {len(pages(other))} Seiten.", file=sys.stderr)
    return 1 if only_mkdocs or only_other else 0


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        mkdocs = build("mkdocs", Path(folder) / "mkdocs")
        properdocs = build("properdocs", Path(folder) / "properdocs")
    return compare(mkdocs, properdocs, "ProperDocs")


if __name__ == "__main__":
    sys.exit(main())
