"""`make bench`: build cost against plain mkdocs-material, finder and search bytes and speed, peak memory.

A script, never a test: it prints a table and writes bench/results.json and bench/results.md.
For each size it generates synthetic offices (bench/synthetic.py), times `linkshilft validate`
and the strict build of our site, and times a plain mkdocs-material project with the same
number of pages (same theme, same search plugin, pages kept out of the navigation as ours
are). Each timing is the median of several runs; every command runs in a child process whose
peak memory is read with resource.getrusage. The finder's time from input to rendered results is
measured on our built site in Chromium with 4× CPU throttling (bench/finder_speed.py), and on a
phone with Slow 4G: the time to a usable finder (painted and ready) and to the first result after Enter.

    python bench/run.py                      # 100, 1,000 and 5,000 offices
    python bench/run.py --sizes 100 --runs 1 # quick look
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
OUT = BENCH / "out"
TODAY = "2026-11-25"
PYTHON = sys.executable
RUNS = {100: 3, 1000: 3, 5000: 2}
ONE_CORE_AT = 1000  # offices: also built once on a single core (taskset), for comparison
GOALS = {
    "ratio": 1.15,
    "growth": 5.5,
    "validation_share": 0.10,
    "finder_kb_1000": 60,
    "search_kb_5000": 150,
    "finder_ms_5000": 50,  # median time to the rendered result list, 4× CPU throttling
    # On a phone (Slow 4G, 4× CPU, 1,000 offices): a usable finder, and the first result after Enter.
    "phone_usable_ms": 2500,
    "phone_first_cached_ms": 1000,
    "phone_first_cold_ms": 3000,
}

sys.path.insert(0, str(BENCH))
import finder_speed  # noqa: E402
import language_builds  # noqa: E402
import synthetic  # noqa: E402


def measure(command: list[str], env: dict | None = None, cwd: Path = ROOT) -> dict:
    """Runs `command` in a child that reports its own wall time and peak memory (ru_maxrss, KB)."""
    probe = (
        "import json,resource,subprocess,sys,time;"
        "t=time.perf_counter();r=subprocess.run(sys.argv[1:],stdout=subprocess.DEVNULL,stderr=subprocess.PIPE);"
        "s=time.perf_counter()-t;"
        "print(json.dumps({'seconds':s,'rc':r.returncode,'maxrss_kb':resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,"
        "'stderr':r.stderr.decode(errors='replace')[-3000:]}))"
    )
    result = subprocess.run(
        [PYTHON, "-c", probe, *command],
        cwd=cwd,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})},
        capture_output=True,
        text=True,
        check=True,
    )
    report = json.loads(result.stdout)
    if report["rc"] != 0:
        raise SystemExit(f"{' '.join(command)} ist fehlgeschlagen:\n{report['stderr']}")
    return report


def gzip_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=6, mtime=0))


def built_pages(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("index.html"))


# --- the baseline: plain mkdocs-material with as many pages ---------------------------------

BASELINE_CONFIG = """\
site_name: Baseline
site_url: https://example.org/
docs_dir: docs
theme:
  name: material
  language: de
  font: false
plugins:
  - search:
      lang: de
not_in_nav: |
  /seiten/
nav:
  - Start: index.md
"""

BASELINE_PAGE = """\
---
title: Beratungsstelle {n}
description: Kostenlose Sozialsprechstunde Nummer {n} in Musterstadt {n}.
---
# Beratungsstelle {n}

Kostenlose Sozialberatung, vertraulich und ohne Mitgliedschaft. Kreis {district}.

## Nächste Termine

1. Dienstag, {day}. Dezember 2026, 10:00–12:00 Uhr
2. Dienstag, {day2}. Dezember 2026, 10:00–12:00 Uhr
3. Freitag, {day}. Januar 2027, 14:00–17:00 Uhr – nur mit Anmeldung

## Sprechzeiten

- jeden Dienstag, 10:00–12:00 Uhr
- jeden 2. und 4. Freitag im Monat, 14:00–17:00 Uhr

An gesetzlichen Feiertagen in Sachsen findet keine Sprechstunde statt, wenn nicht anders angegeben.

## Adresse und Anfahrt

Musterstraße {n}, 0{n:04d} Musterstadt. Straßenbahn bis zur Haltestelle am Markt, dann zwei Minuten zu Fuß.

## Barrierefreiheit

- Stufenloser Zugang
- Keine barrierefreie Toilette

## Themen und Sprachen

- [Bürgergeld](../index.md)
- Miete und Wohnen
- Rente

Beratung auf Deutsch, Russisch.

## Bitte mitbringen

- Personalausweis
- den Bescheid, um den es geht

## Wer berät

Es beraten geschulte ehrenamtliche Beraterinnen und Berater. Die Beratung erfolgt unter anwaltlicher Anleitung
nach § 6 Rechtsdienstleistungsgesetz.

## Kontakt

- Telefon: 0341 {n:07d}
- E-Mail: stelle{n}@example.org

## Weitere Stellen in der Nähe

- Beratungsstelle {a}, 3,2 km Luftlinie
- Beratungsstelle {b}, 5,8 km Luftlinie

Stand geprüft am 1. November 2026.
"""


def baseline_project(pages: int) -> Path:
    project = OUT / f"baseline-{pages}"
    if project.exists():
        shutil.rmtree(project)
    (project / "docs" / "seiten").mkdir(parents=True)
    (project / "mkdocs.yml").write_text(BASELINE_CONFIG, "utf-8")
    (project / "docs" / "index.md").write_text("# Baseline\n\nEine Startseite.\n", "utf-8")
    for n in range(pages - 1):
        text = BASELINE_PAGE.format(n=n, district=f"Kreis {n % 13}", day=1 + n % 28, day2=1 + (n + 7) % 28, a=n + 1, b=n + 2)
        (project / "docs" / "seiten" / f"{n:05d}.md").write_text(text, "utf-8")
    return project


# --- one size -----------------------------------------------------------------------------


def bench_size(offices: int, runs: int) -> dict:
    data = synthetic.generate(OUT / f"data-{offices}", offices)
    env = {"LINKSHILFT_DATA": str(data), "LINKSHILFT_TODAY": TODAY}
    site = OUT / f"site-{offices}"
    validate = [measure([str(Path(PYTHON).parent / "linkshilft"), "validate"], env) for _ in range(runs)]
    ours = [measure([PYTHON, "-m", "mkdocs", "build", "--strict", "--clean", "--site-dir", str(site)], env) for _ in range(runs)]
    pages = built_pages(site)
    project = baseline_project(len(pages))
    base_site = project / "site"
    baseline = [measure([PYTHON, "-m", "mkdocs", "build", "--strict", "--clean"], cwd=project) for _ in range(runs)]
    base_pages = built_pages(base_site)

    median = lambda reports: statistics.median(r["seconds"] for r in reports)  # noqa: E731
    first_search = {
        "start page (index.html)": site / "index.html",
        "assets/linkshilft.css": site / "assets" / "linkshilft.css",
        "assets/finder.css": site / "assets" / "finder.css",
        "assets/linkshilft.js": site / "assets" / "linkshilft.js",
        "assets/finder-early.js": site / "assets" / "finder-early.js",
        "assets/finder-words.js": site / "assets" / "finder-words.js",
        "assets/finder.js": site / "assets" / "finder.js",
        "finder/stellen.json": site / "finder" / "stellen.json",
        "finder/plz/04.json": site / "finder" / "plz" / "04.json",
    }
    finder_bytes = {name: gzip_size(path) for name, path in first_search.items() if path.exists()}
    result = {
        "offices": offices,
        "pages": len(pages),
        "baseline_pages": len(base_pages),
        "runs": runs,
        "validate_s": median(validate),
        "build_s": median(ours),
        "baseline_s": median(baseline),
        "build_runs_s": [r["seconds"] for r in ours],
        "baseline_runs_s": [r["seconds"] for r in baseline],
        "build_peak_mb": max(r["maxrss_kb"] for r in ours) / 1024,
        "baseline_peak_mb": max(r["maxrss_kb"] for r in baseline) / 1024,
        "finder_first_search_gzip": finder_bytes,
        "finder_first_search_gzip_total": sum(finder_bytes.values()),
        "finder_data_gzip": finder_bytes.get("finder/stellen.json", 0) + finder_bytes.get("finder/plz/04.json", 0),
        "search_index_gzip": gzip_size(site / "search" / "search_index.json"),
        "baseline_search_index_gzip": gzip_size(base_site / "search" / "search_index.json"),
        "office_page_gzip": gzip_size(next(site.glob("stellen/*/index.html"))),
        "finder_speed": finder_speed.measure(site),
        "finder_phone": finder_speed.phone(site),
    }
    result["ratio"] = result["build_s"] / result["baseline_s"]
    if offices == ONE_CORE_AT and shutil.which("taskset"):
        # The goals are met with a second core drawing QR codes and writing calendars
        # (hooks/linkshilft/public/background.py); this says what one core alone gives.
        one_core = ["taskset", "-c", "0"]
        ours_1 = measure([*one_core, PYTHON, "-m", "mkdocs", "build", "--strict", "--clean", "--site-dir", str(site)], env)
        base_1 = measure([*one_core, PYTHON, "-m", "mkdocs", "build", "--strict", "--clean"], cwd=project)
        result["one_core"] = {"build_s": ours_1["seconds"], "baseline_s": base_1["seconds"]}
        result["one_core"]["ratio"] = ours_1["seconds"] / base_1["seconds"]
    result["validation_share"] = result["validate_s"] / result["build_s"]
    return result


# --- report -------------------------------------------------------------------------------


def kb(value: int) -> str:
    return f"{value / 1024:.1f} KB"


def markdown(results: list[dict], summary: dict) -> str:
    lines = [
        f"Gemessen am {summary['measured']} auf {summary['machine']} (Median aus `runs` Läufen).",
        "",
        "| Stellen | Seiten | Prüfen | Bau (unser) | Bau (mkdocs-material) | Verhältnis | Prüfen/Bau | Spitze Speicher | "
        "Finder, erste Suche (gzip) | davon Daten | Finder bis Ergebnisliste, erste Suche | Finder bis Ergebnisliste (Median) | "
        "Suchindex (gzip) | Suchindex Vergleich | Läufe |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        lines.append(
            f"| {r['offices']:,} | {r['pages']:,} | {r['validate_s']:.2f} s | {r['build_s']:.1f} s | {r['baseline_s']:.1f} s "
            f"| {r['ratio']:.2f} | {r['validation_share']:.1%} | {r['build_peak_mb']:.0f} MB "
            f"| {kb(r['finder_first_search_gzip_total'])} | {kb(r['finder_data_gzip'])} "
            f"| {r['finder_speed']['first_ms']:.0f} ms | {r['finder_speed']['median_ms']:.0f} ms | {kb(r['search_index_gzip'])} "
            f"| {kb(r['baseline_search_index_gzip'])} | {r['runs']} |"
        )
    lines += ["", "Finder bis Ergebnisliste: Chromium mit 4× CPU-Drosselung, von der Eingabe bis zur fertigen Liste im DOM.", ""]
    lines += [
        "| Stellen | Handy: Finder nutzbar (leerer Cache) | erstes Ergebnis nach Enter | Finder nutzbar (Cache) "
        "| erstes Ergebnis nach Enter |",
        "|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        p = r["finder_phone"]
        lines.append(
            f"| {r['offices']:,} | {p['cold']['usable_ms']} ms | {p['cold']['first_result_ms']} ms "
            f"| {p['cached']['usable_ms']} ms | {p['cached']['first_result_ms']} ms |"
        )
    lines += [
        "",
        "Handy: 390 × 844, Slow 4G (562,5 ms Latenz, 1,44 Mbit/s), 4× CPU-Drosselung, ab Beginn der Navigation, "
        "Median aus drei Läufen (je mit leerem und gefülltem Cache).",
        "",
    ]
    for r in results:
        if "one_core" in r:
            c = r["one_core"]
            lines += [
                f"Auf einem Kern (taskset, ein Lauf) bei {r['offices']:,} Stellen: unser Bau {c['build_s']:.1f} s, "
                f"mkdocs-material {c['baseline_s']:.1f} s, Verhältnis {c['ratio']:.2f}. Die Ziele oben gelten mit "
                "dem zweiten Kern, auf dem ein eigener Prozess Kalender schreibt und QR-Codes zeichnet.",
                "",
            ]
    lines += ["| Ziel | Wert | erreicht |", "|---|---:|---|"]
    for name, (value, goal, ok) in summary["goals"].items():
        lines.append(f"| {name} (≤ {goal}) | {value} | {'ja' if ok else 'NEIN'} |")
    return "\n".join(lines) + "\n"


def summarise(results: list[dict]) -> dict:
    by_size = {r["offices"]: r for r in results}
    goals: dict[str, tuple[str, str, bool]] = {}
    for size in (1000, 5000):
        if size in by_size:
            ratio = by_size[size]["ratio"]
            goals[f"Verhältnis unser/Baseline bei {size:,}"] = (f"{ratio:.2f}", f"{GOALS['ratio']}", ratio <= GOALS["ratio"])
    if 1000 in by_size and 5000 in by_size:
        growth = by_size[5000]["build_s"] / by_size[1000]["build_s"]
        goals["Wachstum 1.000→5.000"] = (f"{growth:.2f}×", f"{GOALS['growth']}×", growth <= GOALS["growth"])
    share = max(r["validation_share"] for r in results)
    goals["Prüfen als Anteil am Bau (höchster)"] = (f"{share:.1%}", "10 %", share <= GOALS["validation_share"])
    if 1000 in by_size:
        total = by_size[1000]["finder_first_search_gzip_total"] - by_size[1000]["finder_first_search_gzip"].get(
            "start page (index.html)", 0
        )
        goals["Finder, erste Suche bei 1.000 (ohne HTML)"] = (kb(total), "60 KB", total <= GOALS["finder_kb_1000"] * 1024)
    if 5000 in by_size:
        size = by_size[5000]["search_index_gzip"]
        goals["Suchindex bei 5.000"] = (kb(size), "150 KB", size <= GOALS["search_kb_5000"] * 1024)
        ms = by_size[5000]["finder_speed"]["median_ms"]
        goals["Finder: Zeit bis zur Ergebnisliste bei 5.000 (4× CPU-Drosselung)"] = (
            f"{ms:.0f} ms",
            f"{GOALS['finder_ms_5000']} ms",
            ms <= GOALS["finder_ms_5000"],
        )
    if 1000 in by_size:
        phone = by_size[1000]["finder_phone"]
        for name, value, goal in (
            ("Handy: Finder nutzbar (sichtbar und bereit), leerer Cache", phone["cold"]["usable_ms"], GOALS["phone_usable_ms"]),
            ("Handy: erstes Ergebnis nach Enter, Cache", phone["cached"]["first_result_ms"], GOALS["phone_first_cached_ms"]),
            ("Handy: erstes Ergebnis nach Enter, leerer Cache", phone["cold"]["first_result_ms"], GOALS["phone_first_cold_ms"]),
        ):
            goals[f"{name} bei 1.000"] = (f"{value} ms", f"{goal} ms", value <= goal)
    return {
        "measured": time.strftime("%Y-%m-%d %H:%M"),
        "machine": f"{platform.machine()}, {os.cpu_count()} Kerne, Python {platform.python_version()}",
        "goals": goals,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(RUNS))
    parser.add_argument("--runs", type=int, help="Läufe je Größe (sonst 3, bei 5.000 Stellen 2)")
    parser.add_argument("--output", type=Path, default=BENCH)
    args = parser.parse_args(argv)
    OUT.mkdir(exist_ok=True)
    results = []
    for size in args.sizes:
        runs = args.runs or RUNS.get(size, 2)
        print(f"{size} Stellen, {runs} Läufe …", file=sys.stderr, flush=True)
        results.append(bench_size(size, runs))
        print(json.dumps(results[-1], indent=1), file=sys.stderr, flush=True)
    summary = summarise(results)
    args.output.mkdir(parents=True, exist_ok=True)
    (args.output / "results.json").write_text(json.dumps({**summary, "results": results}, indent=2) + "\n", "utf-8")
    table = markdown(results, summary)
    path = args.output / "results.md"
    kept = language_builds.section(path.read_text("utf-8")) if path.exists() else ""  # bench/language_builds.py's
    path.write_text(table + ("\n" + kept if kept else ""), "utf-8")
    print(table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
