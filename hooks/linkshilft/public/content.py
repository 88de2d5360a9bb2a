"""The site's content as a folder of Markdown and files, before any site generator runs.

MkDocs' hooks (hooks/main.py) add the generated pages and fill the markers while MkDocs builds;
other site generators run no hooks (Zensical reads mkdocs.yml but ignores `hooks:` without a
word). `generate` therefore writes everything into one folder first: the pages of content/ with
their markers filled, every generated page, the finder's and the open data files, the redirects,
the calendars. Any generator that reads Markdown with raw HTML then builds the same pages from
it; `finish.py` adds afterwards what the hooks add after rendering. Both paths call the
functions here, so they cannot drift apart.

A generated page's body is the HTML of its template, written below its front matter as raw HTML:
every block starts with an element at the line start, which Python-Markdown (MkDocs, ProperDocs,
Zensical) passes through unchanged, so the page is the one the hooks render.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from linkshilft.exports import open_data
from linkshilft.public import legal, redirects
from linkshilft.public.site import PublicSite

OFFICE_LIST_MARKER = "<!-- linkshilft:office-list -->"
FINDER_MARKER = "<!-- linkshilft:finder -->"
FINDER_META = "linkshilft_finder"  # main.html asks for the finder's scripts from the <head>
HINTS_PAGE = "hinweise.md"
_FRONT_MATTER = re.compile(r"\A---\n(?P<meta>.*?\n)?---\n", re.DOTALL)


def scope(site_url: str | None) -> str:
    """`extra.scope`: the path of site_url. Material's base script holds it instead of the page's
    relative base URL, so the script, and its hash in the policy, is the same on every page."""
    return urlsplit(site_url or "/").path or "/"


def files(site: PublicSite) -> list[tuple[str, bytes]]:
    """The files beside the pages that the build's own process makes: finder data, open data,
    the old addresses of renamed offices (the calendars come from site.background)."""
    return [*site.static_files(), *open_data.files(site), *redirects.files(site.data)]


def fill_markers(site: PublicSite, html: str, page_url: str, hints_page: bool) -> tuple[str, bool]:
    """`html` (a page of content/) with every marker filled, and whether it holds the finder."""
    html = legal.fill_blocks(html, site.env, site.data, site.settings)
    html = open_data.fill_open_data(html, site.env, site, page_url)
    finder = FINDER_MARKER in html
    if finder:  # the finder links the Hinweise page only once that page exists
        html = html.replace(FINDER_MARKER, site.render_finder(page_url, hints_page))
    if OFFICE_LIST_MARKER in html:
        html = html.replace(OFFICE_LIST_MARKER, site.render_office_list(page_url))
    return html, finder


def page_url(src_uri: str) -> str:
    """The URL MkDocs gives a Markdown file with use_directory_urls: "a/b.md" → "a/b/", "a/index.md" → "a/"."""
    stem = src_uri.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return f"{stem}/"


def generate(site: PublicSite, content_dir: Path, out: Path) -> int:
    """Writes the whole content into the empty folder `out`; returns the number of pages."""
    shutil.copytree(content_dir, out, dirs_exist_ok=True)
    hints = (content_dir / HINTS_PAGE).is_file()
    pages = 0
    for source in sorted(content_dir.rglob("*.md")):
        src_uri = source.relative_to(content_dir).as_posix()
        text, finder = fill_markers(site, source.read_text("utf-8"), page_url(src_uri), hints)
        (out / src_uri).write_text(_with_meta(text, FINDER_META) if finder else text, "utf-8")
        pages += 1
    site.start_background(out)  # calendars into `out`, QR codes in other processes from here on
    try:
        for page in site.pages():
            body = site.background.qr.fill(site.render(page, page_url(page.src_uri)))
            _write(out / page.src_uri, f"{page.markdown}\n{body.strip()}\n".encode())
            pages += 1
        for path, content in files(site):
            _write(out / path, content)
        site.background.finish()
    finally:
        site.background.close()
    return pages


def plain_config(config_file: Path, target: Path, docs_dir: Path, site_dir: Path) -> str:
    """mkdocs.yml for a generator without hooks, to be written to `target`: docs_dir the generated
    folder, no `hooks:`, `extra.scope` as the hooks set it. docs_dir and site_dir are relative to
    `target` (Zensical 0.0.73 panics on absolute ones), the theme folder absolute."""
    config = yaml.safe_load(config_file.read_text("utf-8")) or {}
    config.pop("hooks", None)
    base = target.resolve().parent
    config["docs_dir"], config["site_dir"] = (os.path.relpath(path.resolve(), base) for path in (docs_dir, site_dir))
    theme = config.get("theme") or {}
    if theme.get("custom_dir"):
        theme["custom_dir"] = str((config_file.parent / theme["custom_dir"]).resolve())
    config.setdefault("extra", {}).setdefault("scope", scope(config.get("site_url")))
    return yaml.safe_dump(config, allow_unicode=True, sort_keys=False)


def _with_meta(text: str, key: str) -> str:
    """`text` with `key: true` in its front matter (added, if it has none)."""
    match = _FRONT_MATTER.match(text)
    if match is None:
        return f"---\n{key}: true\n---\n{text}"
    return f"---\n{match.group('meta') or ''}{key}: true\n---\n{text[match.end() :]}"


def _write(target: Path, content: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(content)
