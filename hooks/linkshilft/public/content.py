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
Its front matter holds, besides title and description, the page's language frame
(translated.frame: language, versions, navigation, site name and footer in the page's language),
which the hooks set as page meta while MkDocs builds and the theme's templates read.

Every page is written as the index.md of its URL's folder ("daten.md" → "daten/index.md", same
URL "daten/"). The links in the HTML are relative to the page's URL; MkDocs leaves them alone, but
Zensical rewrites every relative link as if it were relative to the Markdown file. In the page's
own folder both readings are the same. The Markdown links of content/ are moved along (`_relink`),
and the mkdocs.yml for the generators (`plain_config`) names the pages at their new place.
"""

from __future__ import annotations

import json
import os
import posixpath
import re
import shutil
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from linkshilft.exports import open_data
from linkshilft.public import legal, redirects, translated
from linkshilft.public.site import PublicSite

OFFICE_LIST_MARKER = "<!-- linkshilft:office-list -->"
FINDER_MARKER = "<!-- linkshilft:finder -->"
FINDER_META = "linkshilft_finder"  # main.html asks for the finder's scripts from the <head>
HINTS_PAGE = "hinweise.md"
_FRONT_MATTER = re.compile(r"\A---\n(?P<meta>.*?\n)?---\n", re.DOTALL)
_LINK = re.compile(r"(?P<open>\]\()(?P<target>[^)\s]+)")  # an inline Markdown link or image
_NOT_A_FILE = re.compile(r"[a-z][a-z0-9+.-]*:|#|/", re.IGNORECASE)  # scheme, anchor, absolute path


@dataclass
class Generated:
    """What `generate` wrote: how many pages, and which page moved where (old → new source)."""

    pages: int = 0
    moved: dict[str, str] = field(default_factory=dict)


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


def folder_source(src_uri: str) -> str:
    """Where a page is written: "a/b.md" → "a/b/index.md", the folder of its URL; index.md stays."""
    if src_uri == "index.md" or src_uri.endswith("/index.md"):
        return src_uri
    return f"{src_uri.removesuffix('.md')}/index.md"


def generate(site: PublicSite, content_dir: Path, out: Path, config: dict | None = None) -> Generated:
    """Writes the whole content into the empty folder `out`; `config` is mkdocs.yml as read (site_name,
    site_url, nav), for each page's language frame in its front matter."""
    shutil.copytree(content_dir, out, dirs_exist_ok=True, ignore=shutil.ignore_patterns("*.md"))
    hints = (content_dir / HINTS_PAGE).is_file()
    sources = [path.relative_to(content_dir).as_posix() for path in sorted(content_dir.rglob("*.md"))]
    result = Generated()
    result.moved = {src: folder_source(src) for src in [*sources, *(page.src_uri for page in site.pages())]}
    frame_site = _frame_site(site, config or {}, [page_url(src) for src in result.moved])
    for src_uri in sources:
        text, finder = fill_markers(site, (content_dir / src_uri).read_text("utf-8"), page_url(src_uri), hints)
        text = _relink(text, src_uri, result.moved)
        meta = {**({FINDER_META: True} if finder else {}), **translated.frame(page_url(src_uri), frame_site)}
        _write(out / result.moved[src_uri], _with_meta(text, meta).encode())
        result.pages += 1
    site.start_background(out)  # calendars into `out`, QR codes in other processes from here on
    try:
        for page in site.pages():
            url = page_url(page.src_uri)
            body = site.background.qr.fill(site.render(page, url))
            framed = replace(page, front_matter=(*page.front_matter, *translated.frame(url, frame_site).items()))
            _write(out / result.moved[page.src_uri], f"{framed.markdown}\n{body.strip()}\n".encode())
            result.pages += 1
        for path, content in files(site):
            _write(out / path, content)
        site.background.finish()
    finally:
        site.background.close()
    return result


def plain_config(config_file: Path, target: Path, docs_dir: Path, site_dir: Path, moved: dict[str, str]) -> str:
    """mkdocs.yml for a generator without hooks, to be written to `target`: docs_dir the generated
    folder, no `hooks:`, `extra.scope` and `extra.alternate` as the hooks set them, the pages at
    their new place (`moved`). docs_dir and site_dir are relative to `target` (Zensical 0.0.73 panics on absolute ones), the
    theme folder absolute."""
    config = yaml.safe_load(config_file.read_text("utf-8")) or {}
    config.pop("hooks", None)
    config["nav"] = _moved_nav(config.get("nav") or [], moved)
    in_nav = set(_nav_pages(config["nav"]))
    outside = [f"/{new}" for new in moved.values() if new not in in_nav]
    config["not_in_nav"] = "\n".join([*(config.get("not_in_nav") or "").split(), *outside]) + "\n"
    base = target.resolve().parent
    config["docs_dir"], config["site_dir"] = (os.path.relpath(path.resolve(), base) for path in (docs_dir, site_dir))
    theme = config.get("theme") or {}
    if theme.get("custom_dir"):
        theme["custom_dir"] = str((config_file.parent / theme["custom_dir"]).resolve())
    config.setdefault("extra", {}).setdefault("scope", scope(config.get("site_url")))
    config["extra"]["alternate"] = True  # the language switch, filled per page from the front matter (as on_config)
    return yaml.safe_dump(config, allow_unicode=True, sort_keys=False)


def _moved_nav(nav: object, moved: dict[str, str]) -> object:
    if isinstance(nav, str):
        return moved.get(nav, nav)
    if isinstance(nav, list):
        return [_moved_nav(entry, moved) for entry in nav]
    if isinstance(nav, dict):
        return {title: _moved_nav(entry, moved) for title, entry in nav.items()}
    return nav


def _nav_pages(nav: object) -> list[str]:
    if isinstance(nav, str):
        return [nav]
    entries = nav.values() if isinstance(nav, dict) else nav if isinstance(nav, list) else []
    return [page for entry in entries for page in _nav_pages(entry)]


def _relink(text: str, src_uri: str, moved: dict[str, str]) -> str:
    """The Markdown links of the page `src_uri`, relative to where it and its targets are written."""
    here, there = posixpath.dirname(src_uri), posixpath.dirname(moved.get(src_uri, src_uri))

    def replace(match: re.Match) -> str:
        path, hash_, fragment = match.group("target").partition("#")
        if not path or _NOT_A_FILE.match(path):
            return match.group(0)
        target = posixpath.normpath(posixpath.join(here, path))
        target = moved.get(target, target)
        return f"{match.group('open')}{posixpath.relpath(target, there or '.')}{hash_}{fragment}"

    return _LINK.sub(replace, text)


def _frame_site(site: PublicSite, config: dict, urls: list[str]) -> translated.Site:
    """What the hooks read from MkDocs for the frame (hooks/main.py), here from mkdocs.yml: the pages
    of the site's navigation (as MkDocs' nav.items that are pages), its address and its name."""
    nav = [
        (title, page_url(target))
        for entry in config.get("nav") or []
        if isinstance(entry, dict)
        for title, target in entry.items()
        if isinstance(target, str) and target.endswith(".md")  # a section or a link is no page of the nav
    ]
    name, site_url = config.get("site_name") or "", config.get("site_url") or "/"
    return translated.Site(frozenset(urls), site.languages, site_url, nav, name, site.settings.get("edit_base"))


def _with_meta(text: str, meta: dict[str, object]) -> str:
    """`text` with `meta` added to its front matter (one, if it has none); JSON values are YAML."""
    lines = "".join(f"{key}: {json.dumps(value, ensure_ascii=False)}\n" for key, value in meta.items())
    match = _FRONT_MATTER.match(text)
    if match is None:
        return f"---\n{lines}---\n{text}"
    return f"---\n{match.group('meta') or ''}{lines}---\n{text[match.end() :]}"


def _write(target: Path, content: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(content)
