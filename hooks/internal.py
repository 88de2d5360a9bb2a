"""MkDocs hooks of the internal site (mkdocs.internal.yml only): event functions; the work is done in `linkshilft`.

They run after hooks/main.py, which has built the public pages. on_config loads the internal
records (or stops the build before anything is written) and adds the section "Intern" to the
navigation, on_files adds its pages and CSV files, on_page_content fills them in.

Every page carries the banner and `noindex` from site_overrides/main.html, which shows them
only when extra.linkshilft.internal is true.
"""

from __future__ import annotations

import logging
from pathlib import Path

from linkshilft.internal.records import internal_dir
from linkshilft.internal.site import InternalSite, prepare_internal
from linkshilft.problems import DataError
from linkshilft.public.site import GeneratedPage
from mkdocs.exceptions import Abort
from mkdocs.structure.files import File

log = logging.getLogger("mkdocs.plugins.linkshilft.internal")
STYLESHEET = "assets/linkshilft-intern.css"

_site: InternalSite | None = None
_generated: dict[str, GeneratedPage] = {}


def on_config(config):
    global _site
    if not config.extra.get("linkshilft", {}).get("internal"):
        raise Abort("hooks/internal.py gehört nur in mkdocs.internal.yml (dort steht extra.linkshilft.internal: true).")
    try:
        _site = prepare_internal(Path(config.config_file_path).parent, config.extra.get("linkshilft", {}))
    except DataError as error:
        for problem in error.problems:
            log.error(str(problem))
        raise Abort(f"{len(error.problems)} Fehler in den internen Daten – es wurde nichts gebaut.") from None
    config.nav = [*(config.nav or []), {"Intern": _site.nav()}]
    config.extra_css = [*config.extra_css, STYLESHEET]
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
    return _site.render(generated, page.url) if generated is not None else html


def on_serve(server, config, builder):
    # `make serve-internal` rebuilds when an internal record changes, too.
    server.watch(str(internal_dir(Path(config.config_file_path).parent)))
    return server
