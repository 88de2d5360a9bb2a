"""Accessibility repairs on built pages that the theme cannot make from its configuration.

Material renders its skip link ("Zum Inhalt") only when the page has a table of contents taken
from Markdown. Generated pages (offices, districts, topics) and the 404 page have none, so a
keyboard user would have no way past the header and navigation there.
"""

from __future__ import annotations

import re

SKIP_SLOT = re.compile(r'(<div data-md-component="skip">)(?P<inside>.*?)(</div>)', re.DOTALL)
ARTICLE = re.compile(r'<article\b[^>]*class="[^"]*\bmd-content__inner\b[^"]*"[^>]*>', re.IGNORECASE)
H1 = re.compile(r"<h1\b(?P<attributes>[^>]*)>", re.IGNORECASE)
ID = re.compile(r"""\bid\s*=\s*["']([^"']+)["']""", re.IGNORECASE)
SKIP_TARGET = "inhalt"


def ensure_skip_link(html: str, label: str = "Zum Inhalt") -> str:
    """The page with a working skip link to its main heading; unchanged if it has one or no such heading."""
    slot = SKIP_SLOT.search(html)
    if slot is None or "md-skip" in slot.group("inside"):
        return html
    article = ARTICLE.search(html)
    heading = H1.search(html, article.end()) if article else None
    if heading is None:
        return html
    existing = ID.search(heading.group("attributes"))
    target = existing.group(1) if existing else SKIP_TARGET
    if not existing:
        html = f'{html[: heading.start()]}<h1 id="{target}"{heading.group("attributes")}>{html[heading.end() :]}'
    link = f'<a href="#{target}" class="md-skip">{label}</a>'
    return f"{html[: slot.start('inside')]}\n      {link}\n    {html[slot.end('inside') :]}"
