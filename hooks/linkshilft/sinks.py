"""One escaping function per output format: every value from data passes one of these on its way out.

The project's own Jinja templates escape by themselves (autoescape, public/site.py). These functions
cover the places where that is not enough:

- `theme_html`: what MkDocs and Material print *unescaped* from page meta (their template
  environment has no autoescape): `<title>`, `<meta name="description" content="…">`, the header
  topic, navigation, tabs, footer links, and the title of a page's search entry. The value handed
  to the theme therefore is already HTML: escaped once, quotes included (it lands in attributes).
- `search_html`: the `title` and `text` of an entry in search/search_index.json. Material's search
  worker inserts both with innerHTML; entries are plain text, escaped.
- `script_json`: JSON inside a `<script>` element (JSON-LD). `<`, `>`, `&`, U+2028 and U+2029 as
  \\u escapes, so that neither `</script>` nor `<!--` can end or change the element.
- `ical_text`: an RFC 5545 TEXT value: backslash, semicolon and comma escaped, line breaks as \\n,
  no other control characters (TSAFE-CHAR excludes them).
- `csv_text`: a spreadsheet cell: a leading `=`, `+`, `-`, `@`, tab or CR gets an apostrophe (no
  formula runs), no control characters except line breaks (inside quotes for csv).
- `svg_text`: text and attribute values of inline SVG (charts): XML-escaped, no control characters
  (XML 1.0 forbids them; a standalone SVG would not even parse).

Control characters never belong in any output. The schemas refuse them in text fields; these
functions drop them anyway, so that no output depends on the schema being right.
"""

from __future__ import annotations

import html
import json
import re

from markupsafe import Markup, escape

# C0 (without tab, LF, CR), DEL, C1 (NEL included), and the Unicode line and paragraph separators.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029]")
_LINE_BREAKS = re.compile("\r\n|\r|\n")
_FORMULA_START = re.compile(r"^[=+\-@\t\r]")
_SCRIPT_JSON = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def plain(text: object) -> str:
    """`text` as a string without control characters (tab and line breaks stay)."""
    return _CONTROL.sub("", str(text))


def one_line(text: object) -> str:
    """`text` without control characters, line breaks and tabs as single spaces."""
    return re.sub(r"[\t\r\n]+", " ", plain(text))


def theme_html(text: object) -> str:
    """For page meta that the theme prints as it is (title, description): HTML, escaped once, on one line."""
    return str(escape(one_line(text)))


def search_html(text: object) -> str:
    """For `title` and `text` of a search index entry, which Material's worker inserts as HTML."""
    return html.escape(one_line(text), quote=True)


def script_json(value: object) -> Markup:
    """`value` as JSON that may stand inside `<script>…</script>` as it is (JSON-LD)."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return Markup(re.sub("[<>&\u2028\u2029]", lambda match: _SCRIPT_JSON[match.group()], text))


def ical_text(text: object) -> str:
    """An RFC 5545 TEXT value: backslash, semicolon and comma escaped, line breaks as \\n, no control characters."""
    value = plain(text).replace("\t", " ").replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return _LINE_BREAKS.sub("\\\\n", value)


def csv_text(text: object) -> str:
    """A spreadsheet cell that never runs as a formula (CSV injection) and holds no control characters."""
    value = plain(text)
    return f"'{value}" if _FORMULA_START.match(value) else value


def svg_text(text: object) -> str:
    """Text or an attribute value in inline SVG: XML-escaped (quotes included), no control characters."""
    return html.escape(one_line(text), quote=True)
