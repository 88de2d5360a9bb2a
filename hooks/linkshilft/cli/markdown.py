"""Data as text in GitHub-flavoured Markdown (job summaries): shown as written, never as markup.

Values come from pull requests, so a name must not turn into a link, an image, HTML or
a broken table.
"""

from __future__ import annotations

import html
import re

_SPECIAL = re.compile(r"([\\`*_\[\]|~#!])")


def plain(text: str) -> str:
    """One line of text: no markup, no HTML, no table breaks."""
    return _SPECIAL.sub(r"\\\1", html.escape(" ".join(text.split()), quote=False))


def code(text: str) -> str:
    """A path or ref as inline code; text with a backtick or line break stays plain text."""
    return f"`{text}`" if re.fullmatch(r"[^`\r\n]+", text) else plain(text)


def fenced(lines: list[str]) -> list[str]:
    """A code block that no backticks inside can close."""
    longest = max((len(run) for line in lines for run in re.findall(r"`+", line)), default=0)
    fence = "`" * max(3, longest + 1)
    return [fence, *lines, fence]
