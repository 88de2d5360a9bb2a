"""Builds the site with MkDocs (hooks) and with Zensical (after `linkshilft generate`) and compares.

    python bench/check_zensical.py      # exit code 1 if the two builds have different pages

Zensical reads mkdocs.yml but runs no hooks, so it builds what `linkshilft generate` wrote (with
the mkdocs.yml without hooks that `generate --config-out` writes); `linkshilft finish` then adds
the policy, the skip link and the offices' search entries, as the hooks do. The comparison and
the MkDocs build are check_properdocs.py's; every Zensical page then goes through check_html.py
(well-formed, unique ids, every internal link and anchor leads somewhere).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import check_html
from check_properdocs import BIN, ROOT, build, compare


def run(command: list[str], cwd: Path) -> float:
    started = time.perf_counter()
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(command, cwd=cwd, env=environment, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SystemExit(f"{Path(command[0]).name} {command[1]} ist fehlgeschlagen:\n{result.stderr[-3000:]}")
    return time.perf_counter() - started


def zensical(folder: Path) -> tuple[set[str], list[str]]:
    """Generate, Zensical, finish: the files of the finished site and check_html's problems."""
    site = folder / "zensical"
    config = folder / "zensical.yml"
    generate = [str(BIN / "linkshilft"), "generate", str(folder / "inhalt"), "--config-out", str(config), "--site-dir", str(site)]
    times = {
        "generate": run(generate, ROOT),
        "zensical build": run([str(BIN / "zensical"), "build", "--strict", "-f", str(config)], folder),
        "finish": run([str(BIN / "linkshilft"), "finish", str(site)], ROOT),
    }
    print(", ".join(f"{step} {seconds:.1f} s" for step, seconds in times.items()), file=sys.stderr)
    items = json.loads((site / "search.json").read_text("utf-8"))["items"]
    offices = sum(1 for item in items if item["location"].startswith("stellen/") and item.get("level") == 1)
    print(f"Zensicals Suchindex: {len(items)} Einträge, davon {offices} Stellen.", file=sys.stderr)
    return {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}, check_html.check(site)


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        mkdocs = build("mkdocs", Path(folder) / "mkdocs")
        other, problems = zensical(Path(folder))
    for problem in problems:
        print(f"Zensical-Bau: {problem}")
    return max(compare(mkdocs, other, "Zensical"), 1 if problems else 0)


if __name__ == "__main__":
    sys.exit(main())
