"""MkDocs hooks of the public site: event functions only; the work is done in `linkshilft`.

Order: on_config loads and checks all data (or stops the build before anything is
written), on_files adds the generated pages, on_page_content fills them in.
"""

from __future__ import annotations

import logging
from pathlib import Path

from linkshilft import a11y, csp, export, legal, redirects, search_index
from linkshilft.pages import GeneratedPage, PublicSite
from linkshilft.problems import DataError
from linkshilft.public import prepare
from mkdocs.exceptions import Abort
from mkdocs.structure.files import File

log = logging.getLogger("mkdocs.plugins.linkshilft")
OFFICE_LIST_MARKER = "<!-- linkshilft:office-list -->"
FINDER_MARKER = "<!-- linkshilft:finder -->"

_site: PublicSite | None = None
_generated: dict[str, GeneratedPage] = {}
_serving = False  # `mkdocs serve` injects an unhashable live-reload script: no CSP there


def on_config(config):
    global _site
    try:
        settings = {**config.extra.get("linkshilft", {}), "site_url": config.site_url}
        if problems := legal.settings_problems(settings, Path(config.config_file_path)):
            raise DataError(problems)  # no site without a complete Impressum
        if _site is not None:
            _site.close()  # `mkdocs serve` builds again: the last build's helpers end
        _site, warnings = prepare(Path(config.config_file_path).parent, settings)
    except DataError as error:
        for problem in error.problems:
            log.error(str(problem))
        raise Abort(f"{len(error.problems)} Fehler in Daten oder Einstellungen – es wurde nichts gebaut.") from None
    for warning in warnings:
        log.info(f"Hinweis: {warning}")  # outdated data must not fail a --strict build
    return config


def on_files(files, config):
    _generated.clear()
    _site.start_background(Path(config.site_dir))  # calendars and QR codes, in other processes (cleaned folder)
    for page in _site.pages():
        _generated[page.src_uri] = page
        files.append(File.generated(config, page.src_uri, content=page.markdown))
    # finder data, open data, the old addresses of renamed offices
    for path, content in [*_site.static_files(), *export.files(_site), *redirects.files(_site.data)]:
        files.append(File.generated(config, path, content=content))
    return files


def on_page_content(html, page, config, files):
    generated = _generated.get(page.file.src_uri)
    if generated is not None:
        return _site.render(generated, page.url)
    html = legal.fill_blocks(html, _site.env, _site.data, _site.settings)
    html = export.fill_open_data(html, _site.env, _site, page.url)
    if FINDER_MARKER in html:  # the finder links the Hinweise page only once that page exists
        hints = files.get_file_from_path("hinweise.md") is not None
        html = html.replace(FINDER_MARKER, _site.render_finder(page.url, hints))
    if OFFICE_LIST_MARKER in html:
        return html.replace(OFFICE_LIST_MARKER, _site.render_office_list(page.url))
    return html


def on_post_build(config):
    _site.finish_background()  # the calendar files are all written
    # Runs after Material's search plugin (hooks follow the plugins), which wrote the index.
    search_index.add_entries(Path(config.site_dir) / "search" / "search_index.json", _site.search_entries())


def on_startup(command, dirty):
    global _serving
    _serving = command == "serve"


def on_post_page(output, page, config):
    return _finish(_site.fill_qr_codes(output))  # the notices' QR codes, drawn meanwhile


def on_build_error(error):
    if _site is not None:
        _site.close()


def on_post_template(output_content, template_name, config):
    return _finish(output_content) if template_name == "404.html" else output_content


def _finish(html):
    html = a11y.ensure_skip_link(html)
    return html if _serving else csp.add_policy(html)  # last: hashes the scripts as they are sent
