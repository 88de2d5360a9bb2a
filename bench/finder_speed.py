"""The finder's time from input to rendered results, in Chromium with 4× CPU throttling.

    python bench/finder_speed.py site/              # prints JSON: first_ms, median_ms, runs_ms, ...

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


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit(__doc__.splitlines()[2].strip())
    print(json.dumps(measure(Path(sys.argv[1])), indent=1))
