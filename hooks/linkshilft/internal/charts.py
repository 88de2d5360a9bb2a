"""Charts as inline SVG, made at build time: no chart library, no CDN, no script.

Every text that goes into a chart is escaped here, so a chart is safe markup (`Markup`) that a
template may output as it is. Colours are presentation attributes (a Content-Security-Policy
with style-src 'self' forbids style attributes); text uses currentColor, so it follows the
light and dark scheme. Each series also has its own shape or position, and every chart has a
table beside it with the same numbers: colour is never the only carrier of meaning.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from linkshilft.sinks import svg_text as escape  # the one way into SVG

# Contrast of at least 3:1 against white and against the dark scheme's background.
COLOURS = {"working": "#2e7d32", "interim": "#b35c00", "none": "#c62828", "neutral": "#5c6bc0", "muted": "#757575"}
BAR_HEIGHT = 22
GAP = 8


@dataclass(frozen=True)
class Series:
    key: str  # a key of COLOURS
    label: str


def _open(chart_id: str, title: str, description: str, width: int, height: int) -> list[str]:
    return [
        f'<svg class="lh-chart" id="{escape(chart_id)}" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'role="img" aria-labelledby="{escape(chart_id)}-title {escape(chart_id)}-desc" preserveAspectRatio="xMinYMin meet">',
        f'<title id="{escape(chart_id)}-title">{escape(title)}</title>',
        f'<desc id="{escape(chart_id)}-desc">{escape(description)}</desc>',
    ]


def _text(
    x: float, y: float, text: str, *, anchor: str = "start", size: int = 13, weight: str = "normal", halo: bool = False
) -> str:
    # The halo (stroke in the page's background colour, linkshilft-intern.css) keeps a label readable over marks.
    extra = ' class="lh-chart-halo"' if halo else ""
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" font-weight="{weight}" text-anchor="{anchor}" '
        f'fill="currentColor"{extra}>{escape(text)}</text>'
    )


def _label_width(labels: list[str]) -> int:
    """Room for the longest label at 13 px (about 7 px a character), so that none is cut off."""
    return min(320, 16 + 7 * max((len(label) for label in labels), default=0))


def _legend(series: list[Series], y: float, marks: bool = False) -> list[str]:
    parts, x = [], 0.0
    for item in series:
        if marks:
            parts.append(_mark(item.key, x + 7, y - 4))
        else:
            parts.append(f'<rect x="{x:.1f}" y="{y - 11:.1f}" width="14" height="14" fill="{COLOURS[item.key]}"/>')
        parts.append(_text(x + 20, y, item.label))
        x += 28 + 7.2 * len(item.label)
    return parts


def bar_chart(chart_id: str, title: str, bars: list[tuple[str, int]], colour: str = "neutral", width: int = 640) -> Markup:
    """Horizontal bars, one per (label, value), the value written after each bar."""
    height = len(bars) * (BAR_HEIGHT + GAP) + GAP
    top = max((value for _, value in bars), default=0) or 1
    label_width = _label_width([label for label, _ in bars])
    scale = (width - label_width - 50) / top
    description = "; ".join(f"{label}: {value}" for label, value in bars)
    parts = _open(chart_id, title, description, width, height)
    for i, (label, value) in enumerate(bars):
        y = GAP + i * (BAR_HEIGHT + GAP)
        parts.append(_text(label_width - 8, y + 16, label, anchor="end"))
        parts.append(
            f'<rect x="{label_width}" y="{y}" width="{value * scale:.1f}" height="{BAR_HEIGHT}" fill="{COLOURS[colour]}"/>'
        )
        parts.append(_text(label_width + value * scale + 6, y + 16, str(value), weight="bold"))
    parts.append("</svg>")
    return Markup("".join(parts))


def stacked_bars(chart_id: str, title: str, rows: list[tuple[str, list[int]]], series: list[Series], width: int = 640) -> Markup:
    """One bar per row, split into the series in order; the total after each bar, a legend below."""
    legend_height = 34
    height = len(rows) * (BAR_HEIGHT + GAP) + GAP + legend_height
    top = max((sum(values) for _, values in rows), default=0) or 1
    label_width = _label_width([label for label, _ in rows])
    scale = (width - label_width - 50) / top
    description = "; ".join(
        f"{label}: " + ", ".join(f"{s.label} {v}" for s, v in zip(series, values, strict=True)) for label, values in rows
    )
    parts = _open(chart_id, title, description, width, height)
    for i, (label, values) in enumerate(rows):
        y = GAP + i * (BAR_HEIGHT + GAP)
        parts.append(_text(label_width - 8, y + 16, label, anchor="end"))
        x = float(label_width)
        for item, value in zip(series, values, strict=True):
            if value:
                # A thin gap in the background colour separates neighbouring segments.
                segment = max(value * scale - 2, 1)
                parts.append(
                    f'<rect x="{x:.1f}" y="{y}" width="{segment:.1f}" height="{BAR_HEIGHT}" fill="{COLOURS[item.key]}"/>'
                )
                if value * scale >= 18:
                    parts.append(
                        f'<text x="{x + value * scale / 2 - 1:.1f}" y="{y + 16}" font-size="12" text-anchor="middle" '
                        f'fill="#ffffff">{value}</text>'
                    )
            x += value * scale
        parts.append(_text(x + 6, y + 16, str(sum(values)), weight="bold"))
    parts.extend(_legend(series, height - 10))
    parts.append("</svg>")
    return Markup("".join(parts))


# A schematic map: offices by their coordinates in Saxony's bounding box; no map tiles.
MAP_LAT = (50.15, 51.72)
MAP_LON = (11.85, 15.06)
MAP_TOWNS = (("Leipzig", 51.34, 12.37), ("Dresden", 51.05, 13.74), ("Chemnitz", 50.83, 12.92))


def office_map(
    chart_id: str, title: str, points: list[tuple[float, float, str, str]], series: list[Series], width: int = 640
) -> Markup:
    """Offices as marks at (lat, lon); the series key picks colour and shape, the label is a tooltip."""
    shrink = 0.63  # cos(51°): a degree of longitude is shorter than one of latitude here
    inner_width = width - 20
    ratio = (MAP_LAT[1] - MAP_LAT[0]) / ((MAP_LON[1] - MAP_LON[0]) * shrink)
    inner_height = inner_width * ratio
    legend_height = 34
    height = int(inner_height + 20 + legend_height)

    def place(lat: float, lon: float) -> tuple[float, float]:
        x = 10 + (lon - MAP_LON[0]) / (MAP_LON[1] - MAP_LON[0]) * inner_width
        y = 10 + (MAP_LAT[1] - lat) / (MAP_LAT[1] - MAP_LAT[0]) * inner_height
        return x, y

    counts = {s.key: sum(1 for p in points if p[2] == s.key) for s in series}
    description = "Lage der Stellen in Sachsen: " + ", ".join(f"{s.label} {counts[s.key]}" for s in series)
    parts = _open(chart_id, title, description, width, height)
    parts.append(
        f'<rect x="10" y="10" width="{inner_width}" height="{inner_height:.1f}" fill="none" stroke="currentColor" '
        'stroke-opacity="0.35" stroke-dasharray="4 4"/>'
    )
    for lat, lon, key, label in sorted(points, key=lambda p: list(COLOURS).index(p[2])):
        x, y = place(lat, lon)
        parts.append(f"<g>{_mark(key, x, y)}<title>{escape(label)}</title></g>")
    for name, lat, lon in MAP_TOWNS:  # after the marks, so that they stay readable
        x, y = place(lat, lon)
        parts.append(_text(x, y - 14, name, anchor="middle", size=13, weight="bold", halo=True))
    parts.extend(_legend(series, height - 10, marks=True))
    parts.append("</svg>")
    return Markup("".join(parts))


def _mark(key: str, x: float, y: float) -> str:
    colour = COLOURS[key]
    if key == "working":
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="6" fill="{colour}" stroke="#ffffff" stroke-width="1"/>'
    if key == "interim":
        return (
            f'<rect x="{x - 5.5:.1f}" y="{y - 5.5:.1f}" width="11" height="11" fill="{colour}" '
            'stroke="#ffffff" stroke-width="1"/>'
        )
    return (
        f'<path d="M{x:.1f},{y - 7:.1f} L{x + 7:.1f},{y + 6:.1f} L{x - 7:.1f},{y + 6:.1f} Z" fill="{colour}" '
        'stroke="#ffffff" stroke-width="1"/>'
    )
