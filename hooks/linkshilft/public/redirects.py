"""Renamed offices keep their old address: /stellen/<former-id>/ leads to the new page.

An office's id is its address (/stellen/<id>/), and that address is printed as a QR code
on the notices in shop windows. When an office is renamed, its file lists the old ids in
`former_ids`; for each of them the build writes a small page at the old address that sends
the visitor on with <meta http-equiv="refresh"> and a plain link. No script: the pages'
Content-Security-Policy allows none that is not hashed, and a link works everywhere.
(mkdocs-redirects would do the same with an inline script, which that policy blocks.)

A former id must stay unique: not the id of any office, and listed by one office only.
"""

from __future__ import annotations

from html import escape

from linkshilft.problems import Problem, field_path
from linkshilft.public import urls
from linkshilft.records import model as m
from linkshilft.records.load import Document

# The sub-pages of an office that have an address of their own (see public/site.py).
OFFICE_SUBPAGES = ("", "aushang/")

_PAGE = """<!doctype html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'none'; base-uri 'none'">
<meta http-equiv="refresh" content="0; url={target}">
<meta name="robots" content="noindex">
<link rel="canonical" href="{target}">
<title>Neue Adresse: {name}</title>
</head>
<body>
<main>
<h1>{name} hat eine neue Adresse</h1>
<p><a href="{target}">Weiter zur Seite der Stelle</a></p>
</main>
</body>
</html>
"""


def files(dataset: m.Dataset) -> list[tuple[str, bytes]]:
    """(path in the site, content) of every redirect page. Only public offices have a page to go to."""
    found = []
    for office in dataset.offices.values():
        if not office.is_public:
            continue
        for former in office.former_ids:
            for sub in OFFICE_SUBPAGES:
                # From /stellen/<former>/<sub> up to /stellen/ and down to the new page: relative, so
                # the site works under any address (site_url with a path, a local copy).
                up = "../" * (1 + sub.count("/"))
                target = escape(f"{up}{office.id}/{sub}", quote=True)
                content = _PAGE.format(target=target, name=escape(office.name))
                found.append((f"{urls.office(former)}{sub}index.html", content.encode("utf-8")))
    return found


def problems(offices: list[Document]) -> list[Problem]:
    """A former id that is a current id, or that two offices claim, cannot redirect anywhere sure."""
    current = {document.data["id"]: document for document in offices}
    claimed: dict[str, tuple[Document, int]] = {}
    found = []
    for document in offices:
        for index, former in enumerate(document.data.get("former_ids", ())):
            parts = ("former_ids", index)
            if former in current:
                owner = current[former]
                where = "die eigene Kennung" if owner is document else f"die Kennung von {owner.path}"
                found.append(_at(document, parts, f'"{former}" ist {where}; eine frühere Kennung darf keine aktuelle sein'))
            elif former in claimed:
                other, other_index = claimed[former]  # both files get the message: either may be the new one
                found.append(_at(document, parts, f'"{former}" steht auch in {other.path} als frühere Kennung'))
                message = f'"{former}" steht auch in {document.path} als frühere Kennung'
                found.append(_at(other, ("former_ids", other_index), message))
            else:
                claimed[former] = (document, index)
    return found


def _at(document: Document, parts: tuple, message: str) -> Problem:
    return Problem(document.path, document.line_of(parts), field_path(parts), message)
