"""Renamed offices keep their old address: /stellen/<former-id>/ leads to the new page.

An office's id is its address (/stellen/<id>/), and that address is printed as a QR code
on the notices in shop windows. When an office is renamed, its file lists the old ids in
`former_ids`; for each of them the build writes a small page at the old address that sends
the visitor on with <meta http-equiv="refresh"> and a plain link. No script: the pages'
Content-Security-Policy allows none that is not hashed, and a link works everywhere.
(mkdocs-redirects would do the same with an inline script, which that policy blocks.)

A former id must stay unique: not the id of any office, and listed by one office only
(records/relations.py checks that with the other checks that span records).
"""

from __future__ import annotations

from html import escape

from linkshilft.public import urls
from linkshilft.records import model as m

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
