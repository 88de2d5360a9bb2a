"""A Content-Security-Policy for every built page, as a <meta> tag with the hashes of its inline scripts.

Material's inline scripts cannot carry a nonce, and one of them (partials/javascripts/base.html)
contains the page's relative base URL, so its hash differs by page depth. Hashing each page's
own scripts after rendering is therefore the only policy that always fits (MATERIAL_NOTES §1).

Directives a <meta> policy cannot carry (frame-ancestors, report-uri, sandbox) are left out:
Chromium logs a console error for them.
"""

from __future__ import annotations

import base64
import hashlib
import re

SCRIPT = re.compile(r"<script\b(?P<attributes>[^>]*)>(?P<body>.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
TYPE = re.compile(r"""\btype\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
SRC = re.compile(r"\bsrc\s*=", re.IGNORECASE)
CHARSET = re.compile(r"<meta\s+charset=[\"']?utf-8[\"']?\s*/?>", re.IGNORECASE)
HEAD = re.compile(r"<head\b[^>]*>", re.IGNORECASE)
EXISTING = re.compile(r"<meta\s+http-equiv=[\"']Content-Security-Policy[\"'][^>]*>\s*", re.IGNORECASE)
# Script types the browser executes; JSON data blocks (Material's __config, JSON-LD) need no hash.
EXECUTABLE_TYPES = {"", "text/javascript", "application/javascript", "module"}

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


def inline_script_hashes(html: str) -> list[str]:
    """CSP source expressions ('sha256-…') of the executable inline scripts, in document order, without repeats."""
    hashes: list[str] = []
    for match in SCRIPT.finditer(html):
        attributes = match.group("attributes")
        if SRC.search(attributes):
            continue
        type_match = TYPE.search(attributes)
        script_type = next((g for g in type_match.groups() if g is not None), "") if type_match else ""
        if script_type.strip().lower() not in EXECUTABLE_TYPES:
            continue
        digest = hashlib.sha256(match.group("body").encode("utf-8")).digest()
        source = f"'sha256-{base64.b64encode(digest).decode('ascii')}'"
        if source not in hashes:
            hashes.append(source)
    return hashes


def policy(script_hashes: list[str]) -> str:
    sources = dict(BASE_POLICY)
    sources["script-src"] = " ".join([sources["script-src"], *script_hashes])
    return "; ".join(f"{name} {value}" for name, value in sources.items())


def add_policy(html: str) -> str:
    """The page with its CSP meta right after <meta charset> (before any script); other text unchanged.

    An existing CSP meta is replaced, so running twice gives the same page. Text without
    a <head> (not an HTML page) is returned as it is.
    """
    html = EXISTING.sub("", html)
    anchor = CHARSET.search(html) or HEAD.search(html)
    if anchor is None:
        return html
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(inline_script_hashes(html))}">'
    return f"{html[: anchor.end()]}\n    {meta}{html[anchor.end() :]}"
