"""Every built page: well-formed HTML (html5lib, strict), no duplicate ids, every internal link resolves.

    python bench/check_html.py site/        # exit code 1 and one line per problem

MkDocs' strict mode checks the links of Markdown pages; the generated pages are HTML from
templates, so their links are checked here, in the built site, as a browser follows them.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path
from urllib.parse import unquote, urlsplit

import html5lib

NS = "{http://www.w3.org/1999/xhtml}"


def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def parse(path: Path) -> tuple[object | None, list[str]]:
    parser = html5lib.HTMLParser(strict=False, namespaceHTMLElements=True)
    tree = parser.parse(path.read_bytes())
    problems = [
        f"{html5lib.constants.E.get(code, code) % (data or {})}" if isinstance(data, dict) else str(code)
        for _, code, data in parser.errors
    ]
    return tree, problems


def target(site: Path, page: Path, href: str) -> tuple[Path | None, str]:
    """The file an internal link leads to (None: external or not a file link) and its fragment."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith(("mailto:", "tel:", "javascript:")):
        return None, ""
    if not parts.path:
        return page, parts.fragment
    path = unquote(parts.path)
    base = site if path.startswith("/") else page.parent
    resolved = (base / path.lstrip("/")).resolve()
    if resolved.is_dir() or path.endswith("/"):
        resolved = resolved / "index.html"
    return resolved, parts.fragment


def check(site: Path) -> list[str]:
    site = site.resolve()
    problems: list[str] = []
    ids: dict[Path, set[str]] = {}
    links: list[tuple[Path, str]] = []
    for page in pages(site):
        name = page.relative_to(site).as_posix()
        tree, errors = parse(page)
        problems += [f"{name}: HTML: {error}" for error in errors]
        found = [el.get("id") for el in tree.iter() if el.get("id")]
        problems += [f'{name}: id "{key}" kommt {n}-mal vor' for key, n in Counter(found).items() if n > 1]
        ids[page] = set(found)
        links += [(page, el.get("href")) for el in tree.iter(f"{NS}a") if el.get("href")]
    for page, href in links:
        file, fragment = target(site, page, href)
        if file is None:
            continue
        name = page.relative_to(site).as_posix()
        if not file.exists() or not str(file).startswith(str(site)):
            problems.append(f"{name}: Link {href} führt ins Leere")
        elif fragment and file.suffix == ".html":
            if file not in ids:
                ids[file] = {el.get("id") for el in parse(file)[0].iter() if el.get("id")}
            if unquote(fragment) not in ids[file]:
                problems.append(f"{name}: Link {href}: Anker #{fragment} fehlt")
    return problems


def main(argv: list[str]) -> int:
    site = Path(argv[1] if len(argv) > 1 else "site")
    problems = check(site)
    for problem in problems:
        print(problem)
    print(f"{len(pages(site))} Seiten geprüft, {len(problems)} Probleme.", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
