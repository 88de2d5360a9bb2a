"""MkDocs hooks of the public site: event functions only; the work is done in `linkshilft`.

Order: on_config loads and checks all data and settings (or stops the build before anything is
written), on_files adds the generated pages, on_page_content fills them in. Generators without
hooks get the same from `linkshilft generate` and `linkshilft finish`, which call the same
functions (linkshilft/public/content.py, linkshilft/public/finish.py).
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

from linkshilft import languages
from linkshilft.problems import DataError
from linkshilft.public import a11y, content, csp, finish, translated
from linkshilft.public.edge import prepare
from linkshilft.public.settings import settings_problems
from linkshilft.public.site import GeneratedPage, PublicSite
from linkshilft.records.pipeline import data_dir
from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, InclusionLevel

log = logging.getLogger("mkdocs.plugins.linkshilft")

_site: PublicSite | None = None
_generated: dict[str, GeneratedPage] = {}
_serving = False  # `mkdocs serve` injects an unhashable live-reload script: no CSP there
_known: frozenset[str] = frozenset()  # hashes of the inline scripts the site ships (csp.py)
_unsafe: list[str] = []  # what the tripwire found in this build
_config_file: Path | None = None
_docs_dir = "content"
_page_urls: frozenset[str] = frozenset()  # every page's address: which language versions exist


def on_config(config):
    global _site, _known, _config_file, _docs_dir
    # Material's base script holds this scope instead of the page's relative base URL: the same
    # script, and so the same hash, on every page, the 404 page included.
    config.extra.setdefault("scope", content.scope(config.site_url))
    # Material shows its language switch where `extra.alternate` is set; partials/alternate.html
    # fills it per page. True, not a list: base.html would print a list's links on every page.
    config.extra["alternate"] = True
    _known = csp.known_hashes(_theme_scripts(config))
    _config_file = Path(config.config_file_path)
    _docs_dir = Path(config.docs_dir).name
    _unsafe.clear()
    try:
        settings = {**config.extra.get("linkshilft", {}), "site_url": config.site_url}
        # No site without a complete Impressum: its problems are reported with the data's, then the build stops.
        found = settings_problems(config.extra.get("linkshilft"), Path(config.config_file_path))
        if _site is not None:
            _site.background.close()  # `mkdocs serve` builds again: the last build's helpers end
        _site, warnings = prepare(Path(config.config_file_path).parent, settings, settings_problems=found)
    except DataError as error:
        for problem in error.problems:
            log.error(str(problem))
        raise Abort(f"{len(error.problems)} Fehler in Daten oder Einstellungen – es wurde nichts gebaut.") from None
    for warning in warnings:
        log.info(f"Hinweis: {warning}")  # outdated data must not fail a --strict build
    return config


def on_files(files, config):
    global _page_urls
    _generated.clear()
    _site.start_background(Path(config.site_dir))  # calendars and QR codes, in other processes (cleaned folder)
    for page in _site.pages():
        _generated[page.src_uri] = page
        # The navigation is German: the translated pages stay out of it, as not_in_nav keeps the German ones.
        inclusion = InclusionLevel.UNDEFINED if page.language == languages.SOURCE else InclusionLevel.NOT_IN_NAV
        files.append(File.generated(config, page.src_uri, content=page.markdown, inclusion=inclusion))
    for path, data in content.files(_site):  # finder data, open data, the old addresses of renamed offices
        files.append(File.generated(config, path, content=data))
    _page_urls = frozenset("" if file.url == "./" else file.url for file in files.documentation_pages())  # as Page.url
    return files


def on_env(env, config, files):
    # The theme's own texts (footer, navigation) through the catalog `seiten`, in the page's language.
    env.add_extension("jinja2.ext.i18n")
    env.install_gettext_callables(translated.theme_gettext, ngettext=None, newstyle=True)
    return env


def on_page_context(context, page, config, nav):
    # The page's language frame, by its address (public/translated.py): its language and other versions,
    # and on translated pages the navigation, the site's name and the footer in that language.
    items = [(item.title, item.url) for item in nav.items if item.is_page]
    edit_base = _site.settings.get("edit_base")
    site = translated.Site(_page_urls, _site.languages, config.site_url or "/", items, config.site_name, edit_base)
    page.meta.update(translated.frame(page.url, site))
    return context


def on_page_content(html, page, config, files):
    generated = _generated.get(page.file.src_uri)
    if generated is not None:
        return _site.render(generated, page.url)
    hints = files.get_file_from_path(content.HINTS_PAGE) is not None
    html, finder = content.fill_markers(_site, html, page.url, hints)
    if finder:
        page.meta[content.FINDER_META] = True  # main.html asks for the finder's scripts and stylesheet from the <head>
    return html


def on_post_build(config):
    _site.background.finish()  # the calendar files are all written
    if _unsafe:  # the tripwire: no site that could run a script the site does not ship
        shutil.rmtree(config.site_dir, ignore_errors=True)
        raise Abort(finish.stop_message(len(_unsafe)))
    # Runs after Material's search plugin (hooks follow the plugins), which wrote the index.
    finish.add_search_entries(Path(config.site_dir), _site.search_entries(), [Path(d) for d in config.theme.dirs])


def on_startup(command, dirty):
    global _serving
    _serving = command == "serve"


def on_post_page(output, page, config):
    return _finish(_site.background.qr.fill(output), page.file.dest_uri)  # the notices' QR codes, drawn meanwhile


def on_build_error(error):
    if _site is not None:
        _site.background.close()


def on_post_template(output_content, template_name, config):
    return _finish(output_content, template_name) if template_name == "404.html" else output_content


def _finish(html, where):
    sources = lambda: csp.source_texts(_config_file, _docs_dir, data_dir(_config_file.parent))  # noqa: E731
    secured, messages = finish.finish_page(html, where, _known, sources)
    for message in messages:
        _unsafe.append(message)
        log.error(message)
    # last: the policy hashes the scripts as they are sent; `serve` gets only the skip link
    return a11y.ensure_skip_link(html) if _serving else secured


def _theme_scripts(config) -> list[str]:
    """Every partials/javascripts/*.html of the theme (Material's and site_overrides/), rendered as on a page."""
    env = config.theme.get_env()
    names = finish.script_names(Path(folder) for folder in config.theme.dirs)
    context = {"config": config, "base_url": config.extra["scope"], "features": config.theme.get("features") or []}
    return [env.get_template(name).render(context) for name in names]
