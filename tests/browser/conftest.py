"""Browser tests: the session build (conftest.site) served on 127.0.0.1, one Chromium for all tests.

Debian's Chromium at /usr/bin/chromium is driven by the `playwright` package (its driver is in
the wheel; no browser is downloaded). `make test` installs Chromium with apt where it is missing.
"""

from __future__ import annotations

import http.server
import shutil
import threading
import time
from contextlib import contextmanager
from functools import partial
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
WIDTHS = (375, 1280)


class _SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the built site like a web host: unknown paths get 404.html with status 404."""

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.exists():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format, *args):  # keep the test output readable
        pass


@contextmanager
def serving(site: Path):
    """Base URL of a built site, served on a free port of 127.0.0.1 in a thread."""
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), partial(_SiteHandler, directory=str(site)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="session")
def server(site: Path):
    """Base URL of the session build."""
    with serving(site) as url:
        yield url


@pytest.fixture(scope="session")
def payload_server(payload_build):
    """Base URL of the build with an attack in every free-text field (tests/payloads.py)."""
    with serving(payload_build[0]) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists() and not shutil.which("chromium"):
        pytest.fail("Chromium fehlt (/usr/bin/chromium). `make test` installiert es mit apt-get install chromium.")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def new_page(browser):
    """new_page(width=1280, scheme="light", height=900) -> a page in a fresh context; all are closed after the test."""
    contexts = []

    def make(width: int = 1280, scheme: str = "light", height: int = 900, **options):
        context = browser.new_context(viewport={"width": width, "height": height}, color_scheme=scheme, locale="de-DE", **options)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


def page_urls(site: Path) -> list[str]:
    """Every built page as a URL path: each index.html (as its folder) and 404.html."""
    paths = sorted(p.parent.relative_to(site).as_posix() for p in site.rglob("index.html"))
    return [("" if p == "." else f"{p}/") for p in paths] + ["404.html"]


def open_search(page, query: str) -> None:
    """Open the search dialog as a visitor would (button on phones, field on desktops) and type."""
    button = page.locator("label.md-header__button[for=__search]")
    (button if button.is_visible() else page.locator("input.md-search__input")).click()
    # Playwright types a letter its US keyboard lacks (Cyrillic, Arabic) as inserted text, without the
    # keyup Material reads the query on, as many phone keyboards do: search-on-demand.js passes it on.
    page.locator("input.md-search__input").press_sequentially(query, delay=20)
    page.locator(".md-search-result__list > li").first.wait_for(state="visible")
    # The worker answers every keystroke; answers for "Karl-H" may still arrive after the last
    # key. Wait until the list has stopped changing, so callers read the answer to the whole query.
    settled(page, "[...document.querySelectorAll('.md-search-result__list > li a')]"
                  ".map((a) => a.href + ' ' + a.innerText).join('\\n')")
    # Material fades the dialog in; colours measured mid-transition are not the real ones.
    wait_for(page, "document.getAnimations().every((a) => a.playState !== 'running')")


def settled(page, expression: str, quiet_ms: int = 400, timeout: float = 10.0) -> None:
    """Poll `expression` until its value has stayed the same for `quiet_ms`."""
    deadline = time.monotonic() + timeout
    last, since = page.evaluate(expression), time.monotonic()
    while time.monotonic() - since < quiet_ms / 1000:
        if time.monotonic() > deadline:
            raise TimeoutError(f"nach {timeout} s nicht zur Ruhe gekommen: {expression}")
        page.wait_for_timeout(50)
        now = page.evaluate(expression)
        if now != last:
            last, since = now, time.monotonic()


def wait_for(page, expression: str, timeout: float = 10.0) -> None:
    """Poll `expression` until true. Playwright's wait_for_function polls with eval() inside the
    page, which the pages' CSP (rightly) blocks; page.evaluate goes through the debugger instead."""
    deadline = time.monotonic() + timeout
    while not page.evaluate(expression):
        if time.monotonic() > deadline:
            raise TimeoutError(f"nach {timeout} s nicht erfüllt: {expression}")
        page.wait_for_timeout(50)
