"""What every built page gets after the site generator has rendered it, with or without hooks.

MkDocs' hooks (hooks/main.py) call `finish_page` on each page as MkDocs writes it; after
`linkshilft generate` and any site generator, `linkshilft finish SITE` calls `finish_site` on
the built folder. Per page: the skip link (a11y.py), then the Content-Security-Policy and the
tripwire (csp.py). Any finding deletes the whole folder: no site that could run a script the
site does not ship. Then the offices' search entries (search_index.py), in the index format of
whichever generator built the site.

The allowlist of inline scripts comes from the theme's partials/javascripts/*.html. The hooks
render them with MkDocs' theme; without MkDocs, `theme_scripts` renders them with plain Jinja:
they read no more than `config.extra.scope`, `base_url` and `features`.
"""

from __future__ import annotations

import importlib.util
import shutil
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path

from jinja2 import Environment, FileSystemLoader

from linkshilft.public import a11y, csp, search_index

Sources = Callable[[], list[tuple[str, str]]]  # the (path, text) files a message names the origin from

SCRIPTS = "partials/javascripts"
THEMES = ("material", "zensical")  # the theme packages whose templates may have rendered the site


def theme_folders(custom_dir: Path | None) -> list[Path]:
    """The template folders of the installed themes, the project's own folder first."""
    folders = [custom_dir] if custom_dir else []
    for name in THEMES:
        spec = importlib.util.find_spec(name)  # found, not imported: the package never imports a generator
        if spec is not None and spec.submodule_search_locations:
            folders += [Path(location) / "templates" for location in spec.submodule_search_locations]
    return [folder for folder in folders if folder.is_dir()]


def script_names(folders: Iterable[Path]) -> list[str]:
    """Every partials/javascripts/*.html of the given template folders."""
    return sorted({f"{SCRIPTS}/{path.name}" for folder in folders for path in (folder / SCRIPTS).glob("*.html")})


def theme_scripts(folders: Sequence[Path], scope: str, features: Sequence[str]) -> list[str]:
    """Each theme's script partials, rendered as on a page (a custom_dir overrides every theme)."""
    custom, themes = folders[:1], folders[1:]
    rendered = []
    for theme in themes or [None]:
        env = Environment(loader=FileSystemLoader([str(f) for f in [*custom, theme] if f]))
        names = script_names([f for f in [*custom, theme] if f])
        context = {"config": {"extra": {"scope": scope}}, "base_url": scope, "features": list(features)}
        rendered += [env.get_template(name).render(context) for name in names]
    return rendered


def finish_page(html: str, where: str, known: frozenset[str], sources: Sources) -> tuple[str, list[str]]:
    """The page with skip link and policy, and a German message for each unsafe thing in it.
    `sources` gives the (path, text) files the message names the origin from (csp.source_texts)."""
    html = a11y.ensure_skip_link(html)
    secured, findings = csp.secure(html, known)
    messages = []
    for finding in findings:
        found = csp.origins(finding, sources())
        origin = f" – der Text steht in {', '.join(found[:5])}" if found else ""
        messages.append(f"{where}: unsicheres Markup: {finding.what}{origin}")
    return secured, messages


def stop_message(count: int) -> str:
    return f"{count} Mal Markup, das Skript ausführen könnte (siehe oben) – es wurde nichts gebaut."


def finish_site(
    site_dir: Path, known: frozenset[str], sources: Sources, entries: Mapping[str, list[dict]], folders: Sequence[Path]
) -> list[str]:
    """Finishes every page of the built `site_dir` and adds the search entries (per language prefix,
    `folders` the theme's template folders: theme_folders); returns the tripwire's messages, and
    then nothing of `site_dir` is left."""
    unsafe: list[str] = []
    finished = []
    for path in sorted(site_dir.rglob("*.html")):
        html, messages = finish_page(path.read_text("utf-8"), path.relative_to(site_dir).as_posix(), known, sources)
        unsafe += messages
        finished.append((path, html))
    if unsafe:
        shutil.rmtree(site_dir, ignore_errors=True)
        return unsafe
    for path, html in finished:
        path.write_text(html, "utf-8")
    add_search_entries(site_dir, entries, folders)
    return []


def add_search_entries(site_dir: Path, entries: Mapping[str, list[dict]], folders: Sequence[Path]) -> None:
    """The offices' entries in the search indexes of MkDocs' search plugin (one per language) or of
    Zensical (German); `entries` by language prefix ("" German, "uk/"), as PublicSite.search_entries."""
    search_index.write_indexes(site_dir, entries, folders)
    search_index.add_items(site_dir / "search.json", entries.get("", []), [prefix for prefix in entries if prefix])
