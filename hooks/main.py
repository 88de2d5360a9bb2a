"""MkDocs hooks of the public site: event functions only; the work is done in `linkshilft`.

Order: on_config loads and checks all data (or stops the build before anything is
written), on_files adds the generated pages, on_page_content fills them in.
"""

from __future__ import annotations

import logging
from pathlib import Path

from linkshilft.pages import GeneratedPage, PublicSite
from linkshilft.problems import DataError
from linkshilft.public import prepare
from mkdocs.exceptions import Abort
from mkdocs.structure.files import File

log = logging.getLogger("mkdocs.plugins.linkshilft")
OFFICE_LIST_MARKER = "<!-- linkshilft:office-list -->"

_site: PublicSite | None = None
_generated: dict[str, GeneratedPage] = {}


def on_config(config):
    global _site
    try:
        settings = {**config.extra.get("linkshilft", {}), "site_url": config.site_url}
        _site, warnings = prepare(Path(config.config_file_path).parent, settings)
    except DataError as error:
        for problem in error.problems:
            log.error(str(problem))
        raise Abort(f"{len(error.problems)} Fehler in den Daten – es wurde nichts gebaut.") from None
    for warning in warnings:
        log.info(f"Hinweis: {warning}")  # outdated data must not fail a --strict build
    return config


def on_files(files, config):
    _generated.clear()
    for page in _site.pages():
        _generated[page.src_uri] = page
        files.append(File.generated(config, page.src_uri, content=page.markdown))
    for path, content in _site.static_files():
        files.append(File.generated(config, path, content=content))
    return files


def on_page_content(html, page, config, files):
    generated = _generated.get(page.file.src_uri)
    if generated is not None:
        return _site.render(generated, page.url)
    if OFFICE_LIST_MARKER in html:
        return html.replace(OFFICE_LIST_MARKER, _site.render_office_list(page.url))
    return html
