"""The finder's time from input to rendered results, in Chromium with 4× CPU throttling.

    python bench/finder_speed.py site/              # prints JSON: first_ms, median_ms, runs_ms, ..., phone
    python bench/finder_speed.py site/ --phone 5    # only the phone, five times (medians and each run)
    python bench/finder_speed.py old/ site/ --phone 5   # both sites in turn, five times each: medians, new/old

A script, never a test; bench/run.py calls measure() for each size. The site is served with gzip
(lighthouse.serve) and opened in Debian's Chromium through Playwright. Each search is timed inside
the page with performance.now(): the start is taken right before the script dispatches the `input`
event the finder answers for five digits (as when a visitor types the last digit); the end is the
MutationObserver callback on the result list (#lh-ergebnisse) that first sees it visible with new
items. The finder fills the whole list in one go, so that callback comes once the list is complete.
median_frame_ms reaches on to the next frame the browser draws (style, layout, paint, vsync wait).
Playwright's round trips are outside the interval. The first search loads stellen.json and a postcode
file over the network (first_ms); one search per other postcode then loads their files, and the
measured runs (median_ms) search with all data in memory, a different postcode each time.

phone() opens the start page as a phone on Slow 4G (Chrome DevTools' preset: 562.5 ms latency,
1.44 Mbit/s down) with 4× CPU throttling, twice in one browser context: first with an empty cache
(cold), then again with the files in the browser's cache (cached). It reports the time from the
start of navigation to a usable finder: the later of finder.js's performance mark
"linkshilft-finder-ready" (ready_ms) and the first paint of the field's label (shown_ms, Element
Timing: its elementtiming attribute); then from Enter (the form's submit, right when the finder is
usable) to the first result in the list, and the first contentful paint. Each is the median of
`runs` fresh browser contexts: on a machine shared with other work single runs scatter by a second.
Two sites are measured in turn (old, new, new, old, ...), so that both see the same load.
"""

from __future__ import annotations

import json
import statistics
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
from lighthouse import CHROME, CHROME_FLAGS, serve  # noqa: E402

THROTTLING = 4
POSTCODES = ("04109", "01067", "09111", "08056", "02826", "04229", "01309")  # Leipzig, Dresden, Chemnitz, …

# Resolves to {ms, frame, results} for one search; page.evaluate runs it over CDP, which the pages' CSP allows
# (Playwright's wait_for_function would need eval() in the page).
SEARCH = """([code, timeout]) => new Promise((resolve, reject) => {
  const input = document.getElementById("lh-q"), list = document.getElementById("lh-ergebnisse");
  const old = new Set(list.children);  // items of the previous search: the same office may come first again
  let start;
  const observer = new MutationObserver(() => {
    const first = list.firstElementChild;
    if (list.hidden || !first || old.has(first)) { return; }
    const end = performance.now(), results = list.querySelectorAll("li.lh-result").length;
    observer.disconnect();
    // A task queued from the next animation frame runs once that frame (style, layout, paint) is done.
    requestAnimationFrame(() => setTimeout(() => resolve({ ms: end - start, frame: performance.now() - start, results })));
  });
  observer.observe(list, { childList: true, attributes: true, attributeFilter: ["hidden"] });
  setTimeout(() => { observer.disconnect(); reject(new Error("keine Ergebnisse für " + code)); }, timeout);
  input.value = code;
  start = performance.now();
  input.dispatchEvent(new Event("input", { bubbles: true }));
})"""


SLOW_4G = {"offline": False, "latency": 562.5, "downloadThroughput": 180_000, "uploadThroughput": 84_375}
READY = "(performance.getEntriesByName('linkshilft-finder-ready')[0] || {}).startTime || null"
PHONE = {"width": 390, "height": 844}
PAINT = "(performance.getEntriesByName('first-contentful-paint')[0] || {}).startTime || 0"
# Element Timing entries are only given to an observer; buffered, it gets those already painted.
SHOWN = """() => new Promise((resolve) => {
  new PerformanceObserver((list, observer) => {
    const entry = list.getEntries().find((e) => e.identifier === "lh-feld");
    if (entry) { observer.disconnect(); resolve(entry.renderTime || entry.loadTime); }
  }).observe({ type: "element", buffered: true });
  setTimeout(() => resolve(null), 10000);
})"""
# From issue #20: usable, first result after Enter with the files cached, and from a cold start.
GOALS_MS = {"usable": 2500, "first_cached": 1000, "first_cold": 3000}
ENTER = """([code, timeout]) => new Promise((resolve, reject) => {
  const input = document.getElementById("lh-q"), list = document.getElementById("lh-ergebnisse");
  let start;
  const observer = new MutationObserver(() => {
    if (list.hidden || !list.firstElementChild) { return; }
    observer.disconnect();
    resolve(performance.now() - start);
  });
  observer.observe(list, { childList: true, attributes: true, attributeFilter: ["hidden"] });
  setTimeout(() => { observer.disconnect(); reject(new Error("keine Ergebnisse für " + code)); }, timeout);
  input.value = code;
  start = performance.now();
  input.form.requestSubmit();
})"""


def phone(site: Path, postcode: str = "04209", runs: int = 3) -> dict:
    httpd = serve(site)
    url = f"http://127.0.0.1:{httpd.server_address[1]}/"
    visits = {"cold": [], "cached": []}
    index_loaded = False
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROME, args=CHROME_FLAGS.split())
            for _ in range(runs):
                context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, locale="de-DE")
                page = context.new_page()
                requests = []
                page.on("request", lambda request, requests=requests: requests.append(request.url))
                cdp = context.new_cdp_session(page)
                cdp.send("Network.enable")
                cdp.send("Network.emulateNetworkConditions", SLOW_4G)
                cdp.send("Emulation.setCPUThrottlingRate", {"rate": THROTTLING})
                for visit in ("cold", "cached"):
                    page.goto(url, wait_until="commit")
                    page.locator("#finder[aria-busy=false]").wait_for(state="attached", timeout=60_000)
                    ready, shown = page.evaluate(READY), page.evaluate(SHOWN)
                    first = page.evaluate(ENTER, [postcode, 60_000])
                    page.wait_for_load_state("load")
                    paint = page.evaluate(PAINT)
                    visits[visit].append({
                        "usable_ms": round(max(ready, shown or 0)), "ready_ms": round(ready), "shown_ms": round(shown or 0),
                        "first_result_ms": round(first), "fcp_ms": round(paint),
                    })
                index_loaded = index_loaded or any("search_index.json" in u for u in requests)
                context.close()
            browser.close()
    finally:
        httpd.shutdown()
        httpd.server_close()
    medians = {
        visit: {key: round(statistics.median(run[key] for run in done)) for key in done[0]} | {"runs": done}
        for visit, done in visits.items()
    }
    return {"network": "Slow 4G", "throttling": THROTTLING, **medians, "search_index_loaded": index_loaded}


def measure(site: Path, runs: int = 7, postcode: str = "04109") -> dict:
    postcodes = [postcode, *(code for code in POSTCODES if code != postcode)]
    httpd = serve(site)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROME, args=CHROME_FLAGS.split())
            page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="de-DE")
            page.goto(f"http://127.0.0.1:{httpd.server_address[1]}/")
            page.locator("#finder[aria-busy=false]").wait_for(state="visible")
            page.context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": THROTTLING})
            search = lambda code: page.evaluate(SEARCH, [code, 30000])  # noqa: E731
            first = search(postcodes[0])
            for code in postcodes[1:]:  # loads the other postcode files; not measured
                search(code)
            # Runs start again at postcodes[0], so no run repeats the search before it.
            timed = [search(postcodes[i % len(postcodes)]) for i in range(runs)]
            browser.close()
    finally:
        httpd.shutdown()
        httpd.server_close()
    runs_ms = [round(t["ms"], 1) for t in timed]
    return {
        "first_ms": round(first["ms"], 1),
        "median_ms": round(statistics.median(runs_ms), 1),
        "runs_ms": runs_ms,
        "median_frame_ms": round(statistics.median(t["frame"] for t in timed), 1),
        "throttling": THROTTLING,
        "results": timed[-1]["results"],
    }


def goals(result: dict) -> list[str]:
    """The goals of issue #20 against a phone() result, in German."""
    cold, cached = result["cold"], result["cached"]
    lines = []
    for name, value, goal in (
        ("Finder nutzbar (sichtbar und bereit), leerer Cache", cold["usable_ms"], GOALS_MS["usable"]),
        ("erstes Ergebnis nach Enter, Cache", cached["first_result_ms"], GOALS_MS["first_cached"]),
        ("erstes Ergebnis nach Enter, leerer Cache", cold["first_result_ms"], GOALS_MS["first_cold"]),
    ):
        lines.append(f"{name}: Median {value} ms, Ziel ≤ {goal} ms: {'erreicht' if value <= goal else 'VERFEHLT'}")
    return lines


def compare(old: Path, new: Path, runs: int) -> dict:
    """phone() on both sites in turn, one run each time, so that both see the same machine load."""
    done = {old: [], new: []}
    for i in range(runs):
        for site in (old, new) if i % 2 == 0 else (new, old):
            done[site].append(phone(site, runs=1))
    result = {
        label: {visit: _medians([one[visit]["runs"][0] for one in done[site]]) for visit in ("cold", "cached")}
        for label, site in (("old", old), ("new", new))
    }
    for label, site in (("old", old), ("new", new)):  # each run's cold usable time, in measured order
        result[label]["cold_usable_runs_ms"] = [one["cold"]["usable_ms"] for one in done[site]]
    result["new_by_old"] = {
        visit: {key: round(value / (result["old"][visit][key] or 1), 2) for key, value in result["new"][visit].items()}
        for visit in ("cold", "cached")
    }
    return result


def _medians(runs: list[dict]) -> dict:
    return {key: round(statistics.median(run[key] for run in runs)) for key in runs[0]}


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[2] == "--phone":
        result = phone(Path(sys.argv[1]), runs=int(sys.argv[3]))
        print(json.dumps(result, indent=1))
        print("\n".join(goals(result)))
    elif len(sys.argv) == 5 and sys.argv[3] == "--phone":
        result = compare(Path(sys.argv[1]), Path(sys.argv[2]), runs=int(sys.argv[4]))
        print(json.dumps(result, indent=1))
        for label in ("old", "new"):
            print(f"{label} ({sys.argv[1 if label == 'old' else 2]}):\n  " + "\n  ".join(goals(result[label])))
    elif len(sys.argv) == 2:
        print(json.dumps(measure(Path(sys.argv[1])) | {"phone": phone(Path(sys.argv[1]))}, indent=1))
    else:
        raise SystemExit("\n".join(line.strip() for line in __doc__.splitlines()[2:5]))
