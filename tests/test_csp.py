"""The Content-Security-Policy meta: the pure function, and every page of the session build.

The browser tests (tests/browser/test_csp.py) prove that the pages obey the policy.
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

from bs4 import BeautifulSoup
from linkshilft import csp

EMPTY_SHA256 = "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"  # sha256 of b"", a known vector
PAGE = """<!doctype html>
<html lang="de">
  <head>
    <meta charset="utf-8">
    <script>var a = 1;</script>
    <script src="bundle.js"></script>
    <script type="application/json" id="__config">{"base": "."}</script>
    <script type="application/ld+json">{"@type": "Event"}</script>
    <script type="module">import "./x.js"</script>
    <script></script>
    <script>var a = 1;</script>
  </head>
  <body><p>Text</p></body>
</html>
"""


def sha(text: str) -> str:
    return f"'sha256-{base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()}'"


def directives(html: str) -> dict[str, list[str]]:
    meta = BeautifulSoup(html, "html.parser").find("meta", attrs={"http-equiv": "Content-Security-Policy"})
    assert meta is not None
    parts = [part.split() for part in meta["content"].split(";")]
    return {part[0]: part[1:] for part in parts}


def test_hashes_only_executable_inline_scripts_once_each():
    assert csp.inline_script_hashes(PAGE) == [sha("var a = 1;"), sha('import "./x.js"'), EMPTY_SHA256]


def test_policy_allows_only_this_origin_and_hashed_scripts():
    found = directives(csp.add_policy(PAGE))
    assert found["default-src"] == ["'none'"]
    assert found["script-src"] == ["'self'", *csp.inline_script_hashes(PAGE)]
    for name in ("style-src", "font-src", "connect-src", "worker-src", "base-uri", "form-action"):
        assert found[name] == ["'self'"], name
    assert found["img-src"] == ["'self'", "data:"]
    assert found["object-src"] == ["'none'"]
    every_source = " ".join(" ".join(values) for values in found.values())
    assert "unsafe" not in every_source
    assert not re.search(r"https?:|\*", every_source)
    # Not allowed in a <meta> policy: Chromium logs a console error for these.
    assert not {"frame-ancestors", "report-uri", "sandbox"} & set(found)


def test_meta_comes_right_after_charset_before_any_script():
    html = csp.add_policy(PAGE)
    charset, meta, script = (html.index(s) for s in ('<meta charset="utf-8">', "Content-Security-Policy", "<script"))
    assert charset < meta < script
    assert html.replace(html[html.index("\n    <meta http-equiv") : html.index(">", meta) + 1], "") == PAGE


def test_without_charset_the_meta_goes_right_after_head():
    html = csp.add_policy("<html><head><title>x</title><script>1</script></head></html>")
    assert html.startswith('<html><head>\n    <meta http-equiv="Content-Security-Policy"')


def test_running_twice_gives_the_same_page():
    once = csp.add_policy(PAGE)
    assert csp.add_policy(once) == once
    assert once.count("Content-Security-Policy") == 1


def test_text_that_is_not_an_html_page_is_unchanged():
    sitemap = '<?xml version="1.0" encoding="UTF-8"?><urlset><url><loc>https://x/</loc></url></urlset>'
    assert csp.add_policy(sitemap) == sitemap


# --- the session build ------------------------------------------------------------------------


def _pages(site: Path) -> list[Path]:
    return [*sorted(site.rglob("index.html")), site / "404.html"]


def test_every_page_carries_a_policy_with_exactly_its_own_script_hashes(site):
    pages = _pages(site)
    assert len(pages) > 50
    for path in pages:
        html = path.read_text("utf-8")
        soup = BeautifulSoup(html, "html.parser")
        inline = [
            s.string or ""
            for s in soup.find_all("script")
            if not s.get("src") and s.get("type", "") in ("", "text/javascript", "module")
        ]
        assert inline, path  # Material's base and palette scripts
        expected = list(dict.fromkeys(sha(text) for text in inline))
        assert directives(html)["script-src"] == ["'self'", *expected], path
        head = soup.head.find_all(True)
        assert head[0].name == "meta" and head[0].get("charset") == "utf-8", path
        assert head[1].get("http-equiv") == "Content-Security-Policy", path


def test_pages_have_no_inline_styles_or_event_handlers(site):
    """style-src 'self' and hashed scripts forbid both; the browser test would see the violations late."""
    for path in _pages(site):
        soup = BeautifulSoup(path.read_text("utf-8"), "html.parser")
        assert soup.find("style") is None, path
        for element in soup.find_all(True):
            attributes = set(element.attrs)
            assert "style" not in attributes, (path, element.name)
            assert not {a for a in attributes if a.startswith("on")}, (path, element.name)


def test_scope_script_differs_by_depth_so_hashes_are_per_page(site):
    """Material's base script holds the relative base URL (MATERIAL_NOTES §1): one fixed hash would break pages."""
    first_hash = {
        depth: directives((site / depth).read_text("utf-8"))["script-src"][1]
        for depth in ("index.html", "hinweise/index.html", "stellen/leipzig-plagwitz/index.html", "404.html")
    }
    assert len(set(first_hash.values())) == 4
