"""The Content-Security-Policy meta: the pure function, and every page of the session build.

The browser tests (tests/browser/test_csp.py) prove that the pages obey the policy.
"""

from __future__ import annotations

import base64
import hashlib
import re

import pytest
from bs4 import BeautifulSoup
from linkshilft.public import csp

from tests.support import MKDOCS, ROOT, built_pages, data_env, project_copy, run

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


KNOWN = csp.known_hashes([PAGE])  # as if every script of PAGE stood in the theme's script templates


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
    found = directives(csp.secure(PAGE, KNOWN)[0])
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
    html = csp.secure(PAGE, KNOWN)[0]
    charset, meta, script = (html.index(s) for s in ('<meta charset="utf-8">', "Content-Security-Policy", "<script"))
    assert charset < meta < script
    assert html.replace(html[html.index("\n    <meta http-equiv") : html.index(">", meta) + 1], "") == PAGE


def test_without_charset_the_meta_goes_right_after_head():
    html = csp.secure("<html><head><title>x</title><script>1</script></head></html>", KNOWN)[0]
    assert html.startswith('<html><head>\n    <meta http-equiv="Content-Security-Policy"')


def test_running_twice_gives_the_same_page():
    once = csp.secure(PAGE, KNOWN)[0]
    assert csp.secure(once, KNOWN)[0] == once
    assert once.count("Content-Security-Policy") == 1


def test_text_that_is_not_an_html_page_is_unchanged():
    sitemap = '<?xml version="1.0" encoding="UTF-8"?><urlset><url><loc>https://x/</loc></url></urlset>'
    assert csp.secure(sitemap, KNOWN)[0] == sitemap


# --- the allowlist and the tripwire -------------------------------------------------------------


HOSTILE_PAGE = """<!doctype html><html><head><meta charset="utf-8"><script>var a = 1;</script>
<title>&lt;script&gt;alert(1)&lt;/script&gt;</title></head><body>
<p onclick="alert(1)">x</p><svg><a xlink:href=" java\tscript:alert(1)"><text>y</text></a></svg>
<a href="JaVaScRiPt&colon;alert(1)">z</a><img src=x OnError=alert(1)><iframe src="x"></iframe>
<script>alert(1)</script><script type="application/ld+json">{"a": "</scr"}</script></body></html>"""


def test_a_script_that_is_not_on_the_allowlist_gets_no_hash():
    known = csp.known_hashes(["<script>var a = 1;</script>"])
    found = directives(csp.secure(HOSTILE_PAGE, known)[0])["script-src"]
    assert found == ["'self'", sha("var a = 1;")]


def test_the_tripwire_finds_scripts_handlers_javascript_urls_and_frames():
    known = csp.known_hashes(["<script>var a = 1;</script>"])
    found = [finding.what for finding in csp.secure(HOSTILE_PAGE, known)[1]]
    assert found == [
        "Ereignis-Attribut „onclick“ an <p>",
        "javascript:-Adresse in „xlink:href“ an <a>",
        "javascript:-Adresse in „href“ an <a>",
        "Ereignis-Attribut „onerror“ an <img>",
        "Element <iframe>",
        "unbekanntes Inline-Skript „alert(1)“",
    ]


def test_escaped_text_and_known_scripts_are_not_findings():
    known = csp.known_hashes(["<script>var a = 1;</script>"])
    page = (
        '<html><head><meta charset="utf-8"><script>var a = 1;</script>'
        '<meta name="description" content="&quot;&gt;&lt;svg onload=alert(1)&gt; javascript:alert(1)"></head>'
        "<body><p title=\"onclick=alert(1)\">&lt;script&gt;alert(1)&lt;/script&gt;</p>"
        '<a href="https://example.org/javascript:x">ok</a></body></html>'
    )
    assert csp.secure(page, known)[1] == []


def test_origins_name_the_lines_that_hold_the_offending_text():
    (finding,) = csp.secure('<svg onload="alert(1)"></svg>', frozenset())[1]
    files = [
        ("data/offices/leipzig/x.yaml", 'id: x\nname: "\\"><svg onload=alert(1)>"\ntown: Download\n'),
        ("mkdocs.yml", "site_name: x\n"),
    ]
    assert csp.origins(finding, files) == ["data/offices/leipzig/x.yaml:2"]


# --- the session build ------------------------------------------------------------------------


def test_every_page_carries_a_policy_with_exactly_its_own_script_hashes(site):
    pages = built_pages(site)
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
    for path in built_pages(site):
        soup = BeautifulSoup(path.read_text("utf-8"), "html.parser")
        assert soup.find("style") is None, path
        for element in soup.find_all(True):
            attributes = set(element.attrs)
            assert "style" not in attributes, (path, element.name)
            assert not {a for a in attributes if a.startswith("on")}, (path, element.name)


def test_every_page_has_the_same_few_script_hashes_at_every_depth(site):
    """extra.scope (set in hooks/main.py) makes Material's base script the same at every depth: one
    small allowlist fits every page, the 404 page included."""
    policies = {path: directives(path.read_text("utf-8"))["script-src"] for path in built_pages(site)}
    assert len({tuple(p) for p in policies.values()}) == 1, set(map(tuple, policies.values()))
    # base, palette, content: Material's scripts; js-class and scheme: the site's (site_overrides/partials/javascripts/)
    assert 4 <= len(policies[site / "404.html"]) - 1 <= 5
    partials = (ROOT / "site_overrides" / "partials" / "javascripts").glob("*.html")
    own = csp.known_hashes(path.read_text("utf-8") for path in partials)
    assert len(own) == 2 and own <= set(policies[site / "404.html"]), own


@pytest.mark.build
def test_the_build_stops_at_markup_that_could_run_script_and_names_page_and_line(tmp_path, base_data):
    """The tripwire in a real build (not strict: the abort must not depend on --strict)."""
    project = project_copy(tmp_path / "project")
    page = project / "content" / "hinweise.md"
    page.write_text(page.read_text("utf-8") + '\n<p onmouseover="alert(1)">x</p>\n\n<script>alert(2)</script>\n', "utf-8")
    lines = len(page.read_text("utf-8").splitlines())
    # A theme mistake that lets data through (striptags unescapes): the tripwire names the record's file and line.
    theme = project / "site_overrides" / "main.html"
    mistake = "{% block announce -%}<p>{{ page.title | striptags }}</p>"
    theme.write_text(theme.read_text("utf-8").replace("{% block announce -%}", mistake), "utf-8")
    office = base_data / "offices" / "leipzig" / "leipzig-basis.yaml"
    office.write_text(office.read_text("utf-8").replace("name: Bürgerbüro Basis", 'name: "Basis <svg onload=alert(3)>"'))
    result = run(
        [*MKDOCS, "build", "--site-dir", str(tmp_path / "out")],
        env=data_env(base_data),
        cwd=project,
    )
    assert result.returncode != 0
    assert (
        "hinweise/index.html: unsicheres Markup: Ereignis-Attribut „onmouseover“ an <p>"
        f" – der Text steht in content/hinweise.md:{lines - 2}"
    ) in result.stderr
    assert "hinweise/index.html: unsicheres Markup: unbekanntes Inline-Skript „alert(2)“" in result.stderr
    assert (
        "stellen/leipzig-basis/index.html: unsicheres Markup: Ereignis-Attribut „onload“ an <svg>"
        " – der Text steht in data/offices/leipzig/leipzig-basis.yaml:3"
    ) in result.stderr
    assert "stellen/leipzig-basis/aushang/index.html: unsicheres Markup: Ereignis-Attribut „onload“ an <svg>" in result.stderr
    for code in ("en", "uk", "ru", "ar", "fa", "vi"):  # the office's page in every language trips it too
        assert f"{code}/stellen/leipzig-basis/index.html: unsicheres Markup: Ereignis-Attribut „onload“" in result.stderr
    assert "10 Mal Markup, das Skript ausführen könnte (siehe oben) – es wurde nichts gebaut." in result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    "markup",
    [
        "<svg/onload=alert(1)>",
        '<a href="x"onclick="alert(1)">x</a>',
        "<p\nONMOUSEOVER\n=\nalert(1)>x</p>",
        '<a href="&#106;avascript:alert(1)">x</a>',
        '<a href="java&Tab;script&colon;alert(1)">x</a>',
        '<a href="java\nscript:alert(1)">x</a>',
        "<a href=' JAVASCRIPT:alert(1)'>x</a>",
        "<form><button formaction=javascript:alert(1)>x</button></form>",
        "<IFRAME src=x></IFRAME>",
        "<base href=//x/>",
        "<SCRIPT >alert(1)</SCRIPT>",
        '<script data-x=">">alert(1)</script>',
        "<script>alert(1)",
    ],
)
def test_the_quick_look_passes_nothing_the_parser_would_find(markup):
    """Most pages are judged by regular expressions alone (csp._looks_safe); each of these must still be found."""
    known = csp.known_hashes(["<script>var a = 1;</script>"])
    page = f'<html><head><meta charset="utf-8"><script>var a = 1;</script></head><body>{markup}</body></html>'
    assert csp.secure(page, known)[1] != []
