"""`make lighthouse`: Lighthouse on the start page and an office page, in German, Ukrainian and Arabic,
as a phone (390 px, light) and a desktop (1280 px, dark), served with gzip.

    python bench/lighthouse.py site/            # writes bench/lighthouse/*.json and *.html, prints the scores
    python bench/lighthouse.py site/ --gate     # exit code 1 below the goals
    python bench/lighthouse.py site/ --all      # every language of the site, both widths in both schemes
    python bench/lighthouse.py site/ --runs 7   # each view seven times (default 5), the median run counts

Each view is audited several times and the run with the median performance score counts, its
report kept: one run's score moves by several points from run to run on the same build (the
simulated phone's first paint falls on one round trip or the next), as Lighthouse's own notes on
variability say (https://github.com/GoogleChrome/lighthouse/blob/main/docs/variability.md). One
run before all others is thrown away: the first start of Chromium pays for cold caches.

The dark scheme is the browser's preference (prefers-color-scheme), which the theme follows as a
visitor's device makes it do.

Lighthouse 12 comes from bench/node_modules (npm install in bench/, from package-lock.json) and
drives Debian's Chromium. The site is served by a small threaded server that gzips text, as
any real host does: without compression the performance score says nothing about the site.
"""

from __future__ import annotations

import argparse
import gzip
import http.server
import json
import os
import subprocess
import sys
import threading
from functools import partial
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPORTS = BENCH / "lighthouse"
LIGHTHOUSE = BENCH / "node_modules" / ".bin" / "lighthouse"
CHROME = "/usr/bin/chromium"
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync --no-first-run"
)
GOALS = {"performance": 98, "accessibility": 100, "best-practices": 100, "seo": 100}
GATE_LANGUAGES = ("de", "uk", "ar")  # German, one more left to right, one right to left
# (width, flags): a phone as Lighthouse's mobile run, but 390 px wide; a desktop as its desktop preset.
WIDTHS = {
    390: ["--form-factor=mobile", "--screenEmulation.mobile", "--screenEmulation.width=390",
          "--screenEmulation.height=844", "--screenEmulation.deviceScaleFactor=3"],
    1280: ["--preset=desktop", "--screenEmulation.width=1280", "--screenEmulation.height=800"],
}
SCHEMES = {"hell": "", "dunkel": " --blink-settings=preferredColorScheme=0"}  # Blink: 0 dark, 1 light
GATE_VIEWS = ((390, "hell"), (1280, "dunkel"))
TEXT_TYPES = ("text/", "application/json", "application/javascript", "image/svg+xml", "application/xml")


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files; text gzipped when the browser accepts it; unknown paths get 404.html."""

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # the redirect to the folder
            path = path / "index.html"
        status = 200
        if not path.is_file():
            path, status = Path(self.directory) / "404.html", 404
        kind = self.guess_type(str(path))
        body = path.read_bytes()
        zipped = kind.startswith(TEXT_TYPES) and "gzip" in self.headers.get("Accept-Encoding", "")
        if zipped:
            body = gzip.compress(body, compresslevel=6, mtime=0)
        self.send_response(status)
        self.send_header("Content-Type", kind + ("; charset=utf-8" if kind.startswith("text/") else ""))
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=3600")
        if zipped:
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        self.body = body
        return None

    def do_GET(self):
        self.body = None
        result = self.send_head()
        if self.body is not None:
            self.wfile.write(self.body)
        elif result is not None:
            result.close()

    def log_message(self, format, *args):
        pass


def serve(site: Path) -> http.server.ThreadingHTTPServer:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), partial(GzipHandler, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd


def audit(url: str, name: str, width: int = 390, scheme: str = "hell") -> dict[str, int]:
    REPORTS.mkdir(exist_ok=True)
    base = REPORTS / name
    command = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        f"--chrome-flags={CHROME_FLAGS}{SCHEMES[scheme]}",
        *WIDTHS[width],
        "--output=json",
        "--output=html",
        f"--output-path={base}",
        "--only-categories=performance,accessibility,best-practices,seo",
    ]
    subprocess.run(command, env={**os.environ, "CHROME_PATH": CHROME}, check=True, timeout=300)
    report = json.loads(Path(f"{base}.report.json").read_text("utf-8"))
    scores = {key: round(category["score"] * 100) for key, category in report["categories"].items()}
    failed = [
        audit_id
        for category in report["categories"].values()
        for ref in category["auditRefs"]
        if ref["weight"] and (audit_id := ref["id"]) and (report["audits"][audit_id].get("score") or 0) < 1
    ]
    scores["failed"] = sorted(set(failed))
    return scores


def median_audit(url: str, name: str, width: int, scheme: str, runs: int) -> dict:
    """`runs` audits of one view; the run with the median performance score, its report as `name`."""
    results = []
    for run in range(runs):
        results.append((audit(url, f"{name}.{run}", width, scheme), run))
    scores, chosen = sorted(results, key=lambda result: result[0]["performance"])[runs // 2]
    for run in range(runs):
        for suffix in (".report.json", ".report.html"):
            kept = REPORTS / f"{name}.{run}{suffix}"
            if run == chosen:
                kept.replace(REPORTS / f"{name}{suffix}")
            else:
                kept.unlink()
    scores["runs"] = sorted(result[0]["performance"] for result in results)
    return scores


def site_languages(site: Path) -> list[str]:
    """German and every language the built site has a start page and office pages for (/<code>/stellen/)."""
    return ["de", *sorted(p.name for p in site.iterdir() if (p / "index.html").exists() and (p / "stellen").is_dir())]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, nargs="?", default=Path("site"))
    parser.add_argument("--gate", action="store_true", help="Exit-Code 1, wenn ein Ziel verfehlt ist")
    parser.add_argument("--all", action="store_true", help="alle Sprachen, 390 und 1280 px, hell und dunkel")
    parser.add_argument("--runs", type=int, default=5, help="Läufe je Ansicht; es zählt der mittlere (Median)")
    args = parser.parse_args(argv)
    if not LIGHTHOUSE.exists():
        raise SystemExit("Lighthouse fehlt: cd bench && npm ci")
    office = sorted((args.site / "stellen").glob("*/index.html"))[0].parent.name
    codes = site_languages(args.site) if args.all else [c for c in GATE_LANGUAGES if c in site_languages(args.site)]
    views = [(width, scheme) for width in WIDTHS for scheme in SCHEMES] if args.all else GATE_VIEWS
    httpd = serve(args.site.resolve())
    root = f"http://127.0.0.1:{httpd.server_address[1]}/"
    results = {}
    try:
        audit(root, "aufwaermen")  # thrown away: Chromium's first start pays for cold caches
        for suffix in (".report.json", ".report.html"):
            (REPORTS / f"aufwaermen{suffix}").unlink()
        for code in codes:
            prefix = "" if code == "de" else f"{code}/"
            for page, path in (("start", prefix), ("office", f"{prefix}stellen/{office}/")):
                for width, scheme in views:
                    name = f"{code}-{page}-{width}-{scheme}"
                    results[name] = median_audit(root + path, name, width, scheme, args.runs)
                    print(f"{name}: " + ", ".join(f"{key} {results[name][key]}" for key in GOALS)
                          + f" (Leistung je Lauf: {results[name]['runs']})", file=sys.stderr, flush=True)
    finally:
        httpd.shutdown()
    (REPORTS / "scores.json").write_text(json.dumps(results, indent=2) + "\n", "utf-8")
    missed = []
    for page, scores in results.items():
        print(f"{page}: " + ", ".join(f"{key} {scores[key]}" for key in GOALS)
              + f" (Median aus {scores['runs']}); nicht bestanden: {scores['failed']}")
        missed += [f"{page}: {key} {scores[key]} < {goal}" for key, goal in GOALS.items() if scores[key] < goal]
    for line in missed:
        print(f"Ziel verfehlt: {line}")
    print(f"{len(results)} Ansichten je {args.runs} Läufe, Ziele {GOALS}: {'VERFEHLT' if missed else 'erreicht'}")
    return 1 if args.gate and missed else 0


if __name__ == "__main__":
    sys.exit(main())
