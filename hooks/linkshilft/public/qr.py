"""QR codes for the printable notices: drawn by segno, checked before they are trusted, and
drawn in other processes while MkDocs renders the pages when there are many.

The QR code is the one piece of generated markup that a template inserts unescaped. It is safe
because of where it comes from and because it is checked before it is trusted:

- it is drawn by segno from the page URL, which is the configured site_url plus an office or
  district id (ids are checked against the schema pattern [a-z0-9-]); no data text, title or
  description goes into the SVG – segno encodes the URL as black modules, not as text;
- segno's output is matched in full against `_SVG`, which allows exactly one <svg> with a
  viewBox, a white background path and one path of drawing commands made of digits, dots,
  minus signs, spaces and the letters M, m, h, v, z: no other element, no attribute with text,
  no style attribute (the site's Content-Security-Policy forbids inline styles), no script, no
  link. segno's options make it so: no XML declaration or namespace (inline SVG), no size
  (it scales by its viewBox), our own class, no line class, black on a white quiet zone;
- the accessible name is a fixed German text added here, never data.
Anything else raises ValueError and stops the build, instead of inserting unexpected markup.

Why ahead and in parallel: segno picks the best of the eight masks the standard defines by
scoring each in Python, about 3.5 ms per code: 3 s for 1,000 offices and 17 s for 5,000, once
the largest part of the build. A fixed mask would be five times faster but gives up what the
scoring is for (no large same-coloured areas or finder-like patterns that confuse a scanner
through a shop window). A code depends only on its URL, so `QrCodes` hands all of them to other
processes (background.py) before the pages render. The notices are rendered with a placeholder
(`placeholder`), and the codes are put in (`fill`) as the very last step of each notice page,
by when they are usually drawn; the main process checks every SVG as before.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from concurrent.futures import Executor, Future

import segno
from markupsafe import Markup

QR_BORDER = 4  # the quiet zone the QR standard requires, in modules
QR_ERROR = "m"  # 15 % of the code may be dirty or torn; "boost" raises it when the size allows
QR_LABEL = "QR-Code: führt zur Internetseite mit allen Terminen"
CHUNK = 50  # codes per task: few messages between the processes, and the first ones back early

_SVG = re.compile(
    r'<svg viewBox="0 0 (?P<size>[0-9]{2,3}) (?P=size)" class="lh-qr">'
    r'<path fill="#fff" d="M0 0h(?P=size)v(?P=size)h-(?P=size)z"/>'
    r'<path stroke="#000" d="[0-9 .Mmhvz-]+"/>'
    r"</svg>"
)
_OPEN_TAG = "<svg "


def qr_code(url: str) -> segno.QRCode:
    """The QR code for `url`: always a full QR code (no Micro QR), error level M or better."""
    return segno.make(url, error=QR_ERROR, micro=False, boost_error=True)


def draw(url: str) -> str:
    """segno's inline SVG for `url`, scalable (viewBox, no size), with a white quiet zone; unchecked."""
    code = qr_code(url)
    svg = code.svg_inline(border=QR_BORDER, omitsize=True, svgclass="lh-qr", lineclass=None, dark="#000", light="#fff")
    match = _SVG.fullmatch(svg)
    if match is not None and int(match.group("size")) != code.symbol_size(border=QR_BORDER)[0]:
        raise ValueError(f"Unerwartete SVG-Ausgabe von segno für {url!r}; der QR-Code wird nicht eingefügt.")
    return svg


def checked(url: str, svg: str) -> Markup:
    """`svg` with its accessible name, marked safe only if it has exactly the expected shape."""
    if _SVG.fullmatch(svg) is None:
        raise ValueError(f"Unerwartete SVG-Ausgabe von segno für {url!r}; der QR-Code wird nicht eingefügt.")
    return Markup(svg.replace(_OPEN_TAG, f'{_OPEN_TAG}role="img" aria-label="{QR_LABEL}" ', 1))


def qr_svg(url: str) -> Markup:
    """The QR code for `url` as checked inline SVG, drawn here and now."""
    return checked(url, draw(url))


_PLACEHOLDER = re.compile(r"<!-- linkshilft:qr (?P<url>[^ <>]+) -->")


def placeholder(url: str) -> Markup:
    """Stands in a rendered notice for the QR code of `url` until `QrCodes.fill` puts it in."""
    if not re.fullmatch(r"[^ <>]+", url):
        raise ValueError(f"Keine Adresse für einen QR-Code: {url!r}")
    return Markup(f"<!-- linkshilft:qr {url} -->")


def _draw_all(urls: list[str]) -> list[str]:
    return [draw(url) for url in urls]


class QrCodes:
    """The QR codes of many URLs, drawn ahead in other processes when that pays off.

    `svg(url)` returns the checked code, waiting for it if it is still being drawn, and draws
    it on the spot for a URL that was not announced, or for all when there is no `pool`.
    """

    def __init__(self, urls: Sequence[str], pool: Executor | None = None):
        self._pending: dict[str, tuple[Future, int]] = {}
        if pool is None:
            return
        for start in range(0, len(urls), CHUNK):
            chunk = list(urls[start : start + CHUNK])
            future = pool.submit(_draw_all, chunk)
            self._pending.update((url, (future, index)) for index, url in enumerate(chunk))

    @property
    def parallel(self) -> bool:
        """Whether codes are still being drawn elsewhere."""
        return bool(self._pending)

    def svg(self, url: str) -> Markup:
        pending = self._pending.pop(url, None)
        svg = draw(url) if pending is None else pending[0].result()[pending[1]]
        return checked(url, svg)

    def fill(self, html: str) -> str:
        """`html` with every placeholder replaced by its checked QR code."""
        if "<!-- linkshilft:qr " not in html:
            return html
        return _PLACEHOLDER.sub(lambda match: self.svg(match.group("url")), html)

    def close(self) -> None:
        """Forgets the codes still pending; the pool belongs to whoever made it (background.py)."""
        for future, _ in self._pending.values():
            future.cancel()
        self._pending.clear()
