"""`make bench`, languages: the build in all languages of mkdocs.yml against the German-only build.

    python bench/language_builds.py                 # 1,000 offices, one run of each build
    python bench/language_builds.py --offices 100   # quick look

A script, never a test (tests/test_language_neutral.py proves with the sample data that the
language-neutral functions run as often in both builds). On synthetic data (bench/synthetic.py) the
strict build runs as configured (`extra.linkshilft.languages`, seven languages) and with German alone,
each in a child process (this file with --child) that counts and times the build's steps; the
language-neutral ones must be called equally often in both builds. For scale, a plain
mkdocs-material project with as many pages as each build (bench/run.py's baseline).

Goals of issue 19: no worse than linear in the number of languages, time(all)/time(de) ≤ number of
languages; everything language-neutral done once. Prints "erreicht"/"VERFEHLT" and writes its section
of bench/results.md (between the markers; bench/run.py keeps it).
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import platform
import re
import resource
import runpy
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
RESULTS = BENCH / "results.md"
START, END = "<!-- sprachen:start -->", "<!-- sprachen:end -->"

# (label, module, attribute, language-neutral): the steps timed and counted in the child; the neutral
# ones are also tests/test_language_neutral.py's list (one list for both). Times are
# inclusive; the indented ones run inside another step and are not added to the sum.
STEPS = (
    ("Daten lesen und prüfen", "linkshilft.public.edge", "load_dataset", True),
    ("Termine, Orte, Nachbarn (PublicSite)", "linkshilft.public.site", "PublicSite.__init__", True),
    ("  davon Termine je Stelle", "linkshilft.schedule.dates", "occurrences", True),
    ("  davon Nachbarstellen", "linkshilft.geo", "nearest_others", True),
    ("Finderdaten und Postleitzahl-Dateien", "linkshilft.public.finder", "finder_files", True),
    ("Offene Daten", "linkshilft.exports.open_data", "files", True),
    ("Kalender (am Ende schreiben oder abwarten)", "linkshilft.public.background", "Background.finish", True),
    ("QR-Codes der Aushänge einsetzen", "linkshilft.public.qr", "QrCodes.svg", True),
    ("Ansichten der Stellen (Text je Sprache)", "linkshilft.public.views", "office_view", False),
    ("  davon schema.org-Daten", "linkshilft.exports.calendars", "event_schedule_jsonld", True),
    ("Seiten aus Vorlagen", "linkshilft.public.site", "PublicSite.render", False),
    ("Suchindex ergänzen", "linkshilft.public.finish", "add_search_entries", False),
)
CACHED = (("Postleitzahlen gelesen", "linkshilft.geo", "postcode_centroids"),
          ("Orte (GeoNames) gelesen", "linkshilft.public.finder", "geonames_places"))


# --- the child: one build, its steps counted and timed ----------------------------------------


def _patch(steps: dict[str, list[float]], languages: list[str] | None, built: list[str]) -> None:
    def timed(label, function):
        def wrapper(*args, **kwargs):
            start = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                steps[label].append(time.perf_counter() - start)

        return wrapper

    for label, module_name, attribute, _ in STEPS:
        owner = importlib.import_module(module_name)
        *path, name = attribute.split(".")
        for part in path:
            owner = getattr(owner, part)
        steps[label] = []
        setattr(owner, name, timed(label, getattr(owner, name)))
    edge = importlib.import_module("linkshilft.public.edge")
    prepare = edge.prepare

    def with_languages(project, settings=None, *args, **kwargs):
        """The hooks hand mkdocs.yml's settings to prepare(): the pages only in `languages`, if given. The data
        are still checked against the setting's languages (their translations are no error), as on the
        internal site."""
        site, warnings = prepare(project, settings, *args, **kwargs)
        if languages is not None:
            site.languages = [language for language in site.languages if language.code in languages]
        built.extend(language.code for language in site.languages)
        return site, warnings

    edge.prepare = with_languages


def child(site_dir: str, languages: list[str] | None) -> dict:
    """One strict build, `mkdocs build` itself in this process; `languages` instead of the setting (None: as set)."""
    steps: dict[str, list[float]] = {}
    built: list[str] = []  # the languages of the build
    _patch(steps, languages, built)  # before MkDocs loads the hooks: they import these names
    sys.argv = ["mkdocs", "build", "--strict", "--clean", "--site-dir", site_dir]
    start = time.perf_counter()
    try:
        runpy.run_module("mkdocs", run_name="__main__", alter_sys=True)
    except SystemExit as done:
        if done.code:
            raise
    seconds = time.perf_counter() - start
    cached = {}
    for label, module_name, name in CACHED:
        cached[label] = getattr(importlib.import_module(module_name), name).cache_info().misses
    usage = max(resource.getrusage(who).ru_maxrss for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
    return {
        "seconds": seconds,
        "peak_mb": usage / 1024,
        "pages": sum(1 for _ in Path(site_dir).rglob("index.html")),
        "languages": built,
        "steps": {label: {"calls": len(times), "seconds": sum(times)} for label, times in steps.items()},
        "cached": cached,
    }


# --- the parent: both builds, the baselines, the report ----------------------------------------


def run_child(site: Path, data: Path, today: str, languages: list[str] | None) -> dict:
    command = [sys.executable, __file__, "--child", str(site)]
    if languages is not None:
        command += ["--languages", ",".join(languages)]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "LINKSHILFT_DATA": str(data), "LINKSHILFT_TODAY": today}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        raise SystemExit(f"Bau ist fehlgeschlagen:\n{result.stderr[-3000:]}")
    report = json.loads(result.stdout.strip().splitlines()[-1])
    # CPU seconds of the build and its helper processes: on a machine shared with other work the
    # wall time says as much about the others as about the build.
    report["cpu_s"] = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return report


def measure(offices: int) -> dict:
    sys.path.insert(0, str(BENCH))
    # Here, not at the top: the build's helper processes start this file anew, and need neither.
    import run  # noqa: PLC0415 (the synthetic data, the plain mkdocs-material baseline)
    import synthetic  # noqa: PLC0415

    run.OUT.mkdir(exist_ok=True)
    data = synthetic.generate(run.OUT / f"data-{offices}", offices)
    builds = {}
    for name, languages in (("de", ["de"]), ("all", None)):
        print(f"{offices} Stellen, Bau {name} …", file=sys.stderr, flush=True)
        builds[name] = run_child(run.OUT / f"site-languages-{name}", data, run.TODAY, languages)
        project = run.baseline_project(builds[name]["pages"])
        builds[name]["baseline_s"] = run.measure([sys.executable, "-m", "mkdocs", "build", "--strict", "--clean"], cwd=project)[
            "seconds"
        ]
    return {"offices": offices, "de": builds["de"], "all": builds["all"]}


def goals(result: dict) -> list[tuple[str, str, str, bool]]:
    """(goal, value, target, met)."""
    de, every = result["de"], result["all"]
    count = len(every["languages"])
    ratio, wall = every["cpu_s"] / de["cpu_s"], every["seconds"] / de["seconds"]
    neutral = [label for label, _, _, is_neutral in STEPS if is_neutral]
    differ = [label for label in neutral if every["steps"][label]["calls"] != de["steps"][label]["calls"]]
    differ += [label for label in every["cached"] if not every["cached"][label] == de["cached"][label] == 1]
    return [
        (f"Bau {count} Sprachen / Bau Deutsch, CPU-Zeit", f"{ratio:.2f}", f"≤ {count} (linear)", ratio <= count),
        (f"Bau {count} Sprachen / Bau Deutsch, Wanduhr", f"{wall:.2f}", f"≤ {count} (linear)", wall <= count),
        ("sprachneutrale Schritte gleich oft wie mit Deutsch allein", ", ".join(differ) or "alle", "alle", not differ),
    ]


def markdown(result: dict) -> str:
    de, every = result["de"], result["all"]
    count = len(every["languages"])
    lines = [
        START,
        f"### Sprachen: {count} Sprachen gegen nur Deutsch bei {result['offices']:,} Stellen",
        "",
        f"Gemessen am {result['measured']} auf {result['machine']} (bench/language_builds.py, je ein Lauf).",
        "",
        "| Bau | Sprachen | Seiten | Zeit | CPU-Zeit | Spitze Speicher | mkdocs-material, gleich viele Seiten | Verhältnis |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, build in (("nur Deutsch", de), ("alle Sprachen", every)):
        lines.append(
            f"| {name} | {len(build['languages'])} | {build['pages']:,} | {build['seconds']:.1f} s | {build['cpu_s']:.1f} s "
            f"| {build['peak_mb']:.0f} MB | {build['baseline_s']:.1f} s | {build['seconds'] / build['baseline_s']:.2f} |"
        )
    lines += [
        "",
        f"Seiten {every['pages'] / de['pages']:.2f}×, Zeit {every['seconds'] / de['seconds']:.2f}×, "
        f"CPU-Zeit {every['cpu_s'] / de['cpu_s']:.2f}×, "
        f"je weitere Sprache {(every['cpu_s'] - de['cpu_s']) / (count - 1):.1f} s CPU. "
        "Zeiten der Schritte: Wanduhr, einschließlich der Schritte darin.",
        "",
        "| Schritt | sprachneutral | Aufrufe (Deutsch) | Aufrufe (alle) | Zeit (Deutsch) | Zeit (alle) |",
        "|---|---|---:|---:|---:|---:|",
    ]
    for label, _, _, neutral in STEPS:
        a, b = de["steps"][label], every["steps"][label]
        lines.append(
            f"| {label.strip()}{' (darin)' if label.startswith(' ') else ''} | {'ja' if neutral else 'nein'} "
            f"| {a['calls']:,} | {b['calls']:,} | {a['seconds']:.2f} s | {b['seconds']:.2f} s |"
        )
    for label in every["cached"]:
        lines.append(f"| {label} | ja | {de['cached'][label]} | {every['cached'][label]} | | |")
    rest = [b["seconds"] - sum(v["seconds"] for k, v in b["steps"].items() if not k.startswith(" ")) for b in (de, every)]
    lines.append(f"| übrige Zeit: MkDocs, Material, Markdown, Schreiben | | | | {rest[0]:.2f} s | {rest[1]:.2f} s |")
    lines += ["", "| Ziel | Wert | Vorgabe | erreicht |", "|---|---:|---|---|"]
    for goal, value, target, met in goals(result):
        lines.append(f"| {goal} | {value} | {target} | {'ja' if met else 'NEIN'} |")
    return "\n".join([*lines, END]) + "\n"


def section(text: str) -> str:
    """The languages' section of a results.md ("" if none): bench/run.py keeps it when it writes the file."""
    found = re.search(rf"{re.escape(START)}.*?{re.escape(END)}\n?", text, re.DOTALL)
    return found.group(0) if found else ""


def write_section(path: Path, table: str) -> None:
    old = path.read_text("utf-8") if path.exists() else ""
    kept = old.replace(section(old), "").rstrip("\n")
    path.write_text((kept + "\n\n" if kept else "") + table, "utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--offices", type=int, default=1000)
    parser.add_argument("--output", type=Path, default=RESULTS, help="die Markdown-Datei mit dem Abschnitt")
    parser.add_argument("--child", metavar="SITE_DIR", help=argparse.SUPPRESS)
    parser.add_argument("--languages", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(child(args.child, args.languages.split(",") if args.languages else None)))
        return 0
    result = measure(args.offices)
    result["measured"] = time.strftime("%Y-%m-%d %H:%M")
    result["machine"] = f"{platform.machine()}, {os.cpu_count()} Kerne, Python {platform.python_version()}"
    table = markdown(result)
    write_section(args.output, table)
    print(table)
    for goal, value, target, met in goals(result):
        print(f"{goal}: {value}, Ziel {target}: {'erreicht' if met else 'VERFEHLT'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
