"""No page of the public site makes a request to any host but its own (DESIGN: no third parties)."""

from __future__ import annotations

from urllib.parse import urlsplit

from tests.browser.conftest import open_search, page_urls

BATCH = 6  # pages loading at once; each is awaited until its network is idle


def test_every_page_requests_only_its_own_server(site, server, browser):
    urls = page_urls(site)
    assert len(urls) > 60
    own = urlsplit(server).netloc
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    requests: list[tuple[str, str]] = []
    context.on("request", lambda request: requests.append((request.frame.url if request.frame else "?", request.url)))
    pages = [context.new_page() for _ in range(BATCH)]
    try:
        for start in range(0, len(urls), BATCH):
            batch = list(zip(pages, urls[start : start + BATCH], strict=False))
            for page, url in batch:
                page.goto(server + url, wait_until="commit")
            for page, _ in batch:
                page.wait_for_load_state("networkidle")
    finally:
        context.close()
    foreign = [(page, url) for page, url in requests if urlsplit(url).scheme != "data" and urlsplit(url).netloc != own]
    assert foreign == []
    requested = {urlsplit(url).path for _, url in requests}
    # The search worker is seen too; its index loads only once the search is opened (test_finder_slow.py).
    assert any(path.startswith("/assets/javascripts/workers/search.") for path in requested)
    assert {f"/{url}" for url in urls} <= requested


COUNT_LOCATION_REQUESTS = """
window.__locationRequests = 0;
for (const name of ["getCurrentPosition", "watchPosition"]) {
  const original = navigator.geolocation[name].bind(navigator.geolocation);
  navigator.geolocation[name] = (...args) => { window.__locationRequests += 1; return original(...args); };
}
"""


def test_no_cookies_no_location_and_only_the_colour_scheme_in_storage(server, new_page):
    """What the Datenschutzerklärung promises: no cookies, the location only after a click,
    and nothing in the browser's storage but Material's colour scheme."""
    page = new_page(width=375)
    page.add_init_script(COUNT_LOCATION_REQUESTS)
    for url in ("", "stellen/leipzig-plagwitz/", "hinweise/"):
        page.goto(server + url)
        open_search(page, "miete")
        page.keyboard.press("Escape")
        assert page.evaluate("window.__locationRequests") == 0
    page.locator("form[data-md-component=palette] label:visible").click()
    assert page.context.cookies() == []
    assert page.evaluate("document.cookie") == ""
    assert page.evaluate("Object.keys(sessionStorage)") == []
    assert [key.rsplit(".", 1)[-1] for key in page.evaluate("Object.keys(localStorage)")] == ["__palette"]
