"""A Content-Security-Policy for every built page, built from an allowlist, and a tripwire for unsafe markup.

Material's inline scripts cannot carry a nonce, so they are hashed. Only the scripts the site
knows it ships are hashed: those in the theme's partials/javascripts/*.html, rendered once per
build (hooks/main.py). With `extra.scope` set, Material's base script no longer holds the
page's relative base URL, so it is the same on every page, the 404 page included.

Every built page is also checked (`secure`): an inline script that is not on the allowlist, an
event-handler attribute (`on…=`), a `javascript:` URL or an element that embeds other documents
stops the build. A quick look with regular expressions that match more than the parser would
find clears ordinary pages; only the others are parsed (html.parser is ~12 ms a page).
Escaping at the sinks (sinks.py) should make findings impossible; the tripwire makes a mistake
there loud instead of a script that runs. `origins` names the data lines that hold the
offending text, for the message.

Directives a <meta> policy cannot carry (frame-ancestors, report-uri, sandbox) are left out:
Chromium logs a console error for them.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

CHARSET = re.compile(r"<meta\s+charset=[\"']?utf-8[\"']?\s*/?>", re.IGNORECASE)
HEAD = re.compile(r"<head\b[^>]*>", re.IGNORECASE)
EXISTING = re.compile(r"<meta\s+http-equiv=[\"']Content-Security-Policy[\"'][^>]*>\s*", re.IGNORECASE)
# Script types the browser executes; JSON data blocks (Material's __config, JSON-LD) need no hash.
EXECUTABLE_TYPES = {"", "text/javascript", "application/javascript", "module"}
# Attributes that hold a URL the browser may follow or load (a javascript: URL there runs script).
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "background", "ping", "cite"}
# Elements that embed another document or change where links go: the site uses none of them.
EMBEDDING = {"iframe", "frame", "frameset", "object", "embed", "applet", "base"}
# Browsers ignore tab and line breaks anywhere in a URL and leading spaces and control characters.
_URL_NOISE = re.compile(r"[\t\n\r]")
# The fast look (`_looks_safe`): regular expressions that match more than the parser would find.
_SCRIPT_OPEN = re.compile(r"<script(?=[\s/>])", re.IGNORECASE)
_SCRIPT_CLOSE = re.compile(r"</script\s*>", re.IGNORECASE)
_TYPE = re.compile(r"""(?:^|\s)type\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
_SRC = re.compile(r"(?:^|[\s/\"'])src\s*=", re.IGNORECASE)
# On the page as lower-cased UTF-8 bytes (str.lower is slow on non-ASCII text); each begins with
# a literal, which the regex engine finds quickly.
_HANDLER = re.compile(rb"on[a-z_-]*\s*=")
_BEFORE_ATTRIBUTE = frozenset(b" \t\n\r\f/\"'")
_EMBEDDING_TAG = re.compile(rb"<(?:iframe|frame|frameset|object|embed|applet|base)[\s/>]")
_URL_VALUE = re.compile(
    rb"""[\s/"'](?:href|src|action|formaction|xlink:href|data|poster|background|ping|cite)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)"""
)
# What a javascript: URL needs in the text: the scheme (browsers drop tab and line breaks inside
# it), or a character reference that hides a letter, the colon or such a break.
_SCHEME = re.compile(b"[\t\n\r]*".join(bytes([c]) for c in b"javascript:"))
_HIDING = re.compile(rb"&(?:#|tab;|newline;|colon;)")

BASE_POLICY = (
    ("default-src", "'none'"),
    ("script-src", "'self'"),
    ("style-src", "'self'"),
    ("img-src", "'self' data:"),  # main.css draws its icons as data: SVG masks
    ("font-src", "'self'"),
    ("connect-src", "'self'"),  # search index and sitemap.xml
    ("worker-src", "'self'"),  # the search worker, a same-origin file
    ("manifest-src", "'self'"),
    ("base-uri", "'self'"),
    ("form-action", "'self'"),
    ("object-src", "'none'"),
)


@dataclass(frozen=True)
class Finding:
    what: str  # German, e.g. "Ereignis-Attribut „onload“ an <svg>"
    evidence: re.Pattern  # what to look for in the data files


class _Page(HTMLParser):
    """One pass over a page: its inline scripts (type, text) and everything the tripwire looks for."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scripts: list[tuple[str, str]] = []
        self.findings: list[Finding] = []
        self._script: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        for name, value in values.items():
            if name.startswith("on"):
                self.findings.append(Finding(f"Ereignis-Attribut „{name}“ an <{tag}>", _word(name, r"\s*=")))
            if name in URL_ATTRIBUTES and _runs_script(value):
                self.findings.append(Finding(f"javascript:-Adresse in „{name}“ an <{tag}>", _word("javascript", r"\s*:")))
        if tag in EMBEDDING:
            self.findings.append(Finding(f"Element <{tag}>", _word(f"<{tag}", "")))
        if tag == "script" and "src" not in values:
            self.scripts.append((values.get("type", "").strip().lower(), ""))
            self._script = []

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            self.scripts[-1] = (self.scripts[-1][0], "".join(self._script))
            self._script = None


def _runs_script(url: str) -> bool:
    return _URL_NOISE.sub("", url).lstrip("\x00- ").lower().startswith("javascript:")


def _word(text: str, after: str) -> re.Pattern:
    return re.compile(rf"(?<![\w-]){re.escape(text)}{after}", re.IGNORECASE)


def _parse(html: str) -> _Page:
    page = _Page()
    page.feed(html)
    page.close()
    return page


def _hash(text: str) -> str:
    return f"'sha256-{base64.b64encode(hashlib.sha256(text.encode('utf-8')).digest()).decode('ascii')}'"


def _script_elements(html: str) -> list[tuple[str, str]]:
    """(attributes, text) of every <script> element, the fast way; an unclosed one has the rest as text."""
    elements = []
    for match in _SCRIPT_OPEN.finditer(html):
        tag_end = html.find(">", match.end())
        tag_end = len(html) if tag_end < 0 else tag_end
        close = _SCRIPT_CLOSE.search(html, tag_end + 1)
        elements.append((html[match.end() : tag_end], html[tag_end + 1 : close.start() if close else len(html)]))
    return elements


def _inline_scripts(elements: list[tuple[str, str]]) -> list[str]:
    """The texts of the executable inline scripts among `elements`: what a policy hashes."""
    texts = []
    for attributes, body in elements:
        if _SRC.search(attributes):
            continue
        type_match = _TYPE.search(attributes)
        kind = next((g for g in type_match.groups() if g is not None), "") if type_match else ""
        if kind.strip().lower() in EXECUTABLE_TYPES:
            texts.append(body)
    return texts


def inline_script_hashes(html: str) -> list[str]:
    """CSP source expressions ('sha256-…') of the executable inline scripts, in document order, without repeats."""
    return list(dict.fromkeys(_hash(text) for text in _inline_scripts(_script_elements(html))))


def _looks_safe(html: str, hashes: list[str], known: frozenset[str]) -> bool:
    """True if regular expressions that match more than the parser finds see nothing: most pages,
    at a small part of the parser's time. Anything else goes to the parser, which decides."""
    if not known.issuperset(hashes):
        return False
    raw = html.encode("utf-8")
    low = raw.lower()  # same offsets as `raw`
    if any(low[match.start() - 1] in _BEFORE_ATTRIBUTE for match in _HANDLER.finditer(low)) or _EMBEDDING_TAG.search(low):
        return False
    if _SCHEME.search(low) or _HIDING.search(low):
        for match in _URL_VALUE.finditer(low):
            value = raw[match.start(1) : match.end(1)].decode("utf-8", "replace")  # references are case-sensitive
            if _runs_script(unescape(value.strip("\"'"))):
                return False
    return True


def known_hashes(templates: Iterable[str]) -> frozenset[str]:
    """The allowlist: hashes of the executable inline scripts in the site's own rendered script templates."""
    return frozenset(h for text in templates for h in inline_script_hashes(text))


def secure(html: str, known: frozenset[str]) -> tuple[str, list[Finding]]:
    """The page with its policy, and what in it could run script without being on the allowlist.

    The policy goes right after <meta charset> (before any script) and lists the hashes of the
    page's inline scripts that are on the allowlist `known`, never any other. An existing CSP meta
    is replaced, so running twice gives the same page. Text without a <head> (not an HTML page)
    is returned as it is.
    """
    hashes = inline_script_hashes(html)
    findings = [] if _looks_safe(html, hashes, known) else _findings(html, known)
    return _with_policy(html, [h for h in hashes if h in known]), findings


def _findings(html: str, known: frozenset[str]) -> list[Finding]:
    page = _parse(html)
    findings = list(page.findings)
    for kind, text in page.scripts:
        if kind in EXECUTABLE_TYPES and _hash(text) not in known:
            shown = " ".join(text.split())[:60]
            evidence = re.compile(re.escape(shown[:40]), re.IGNORECASE) if shown.strip() else _word("<script", "")
            findings.append(Finding(f"unbekanntes Inline-Skript „{shown}“", evidence))
    return findings


def origins(finding: Finding, files: Iterable[tuple[str, str]]) -> list[str]:
    """`path:line` of every line of the given (path, text) files that holds the finding's evidence."""
    return [
        f"{path}:{number}"
        for path, text in files
        for number, line in enumerate(text.splitlines(), start=1)
        if finding.evidence.search(line)
    ]


def source_texts(config_file: Path, docs_dir: str, data_folder: Path) -> list[tuple[str, str]]:
    """The public data files, the Markdown pages and mkdocs.yml as (path, text): where unsafe text came from."""
    project = config_file.parent
    data = [p for p in data_folder.rglob("*.yaml") if "internal" not in p.relative_to(data_folder).parts]
    pages = [p.relative_to(project) for p in (project / docs_dir).rglob("*.md")]
    files = [(p.relative_to(data_folder.parent).as_posix(), p) for p in sorted(data)]
    files += [(p.as_posix(), project / p) for p in sorted(pages)]
    # Regular, small files only: a link to /dev/zero must not hang the error message.
    readable = [(name, p) for name, p in files if p.is_file() and not p.is_symlink() and p.stat().st_size < 2**20]
    return [(name, p.read_text("utf-8", errors="replace")) for name, p in [*readable, (config_file.name, config_file)]]


def policy(script_hashes: list[str]) -> str:
    sources = dict(BASE_POLICY)
    sources["script-src"] = " ".join([sources["script-src"], *script_hashes])
    return "; ".join(f"{name} {value}" for name, value in sources.items())


def _with_policy(html: str, hashes: list[str]) -> str:
    html = EXISTING.sub("", html)
    anchor = CHARSET.search(html) or HEAD.search(html)
    if anchor is None:
        return html
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(hashes)}">'
    return f"{html[: anchor.end()]}\n    {meta}{html[anchor.end() :]}"
