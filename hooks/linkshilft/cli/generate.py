"""`linkshilft generate OUT` and `linkshilft finish SITE`: the site without MkDocs' hooks.

    linkshilft generate build/inhalt --config-out build/mkdocs.yml
    zensical build -f build/mkdocs.yml      # or: mkdocs build -f build/mkdocs.yml, properdocs …
    linkshilft finish build/site

`generate` loads and checks everything as the hooks do (the same German messages, nothing
written on an error) and writes the content (public/content.py); `finish` adds what the hooks add
to the rendered pages (public/finish.py) and deletes the site if a page holds unsafe markup.
"""

from __future__ import annotations

import datetime as dt
import sys
import time
from pathlib import Path

import yaml

from linkshilft.problems import DataError
from linkshilft.public import content, finish, settings
from linkshilft.public.csp import known_hashes, source_texts
from linkshilft.public.edge import prepare
from linkshilft.public.site import PublicSite
from linkshilft.records.pipeline import data_dir


def register(commands) -> None:
    generate = commands.add_parser(
        "generate", help="alle Seiten und Dateien für einen Seitengenerator ohne Hooks (MkDocs, ProperDocs, Zensical) schreiben"
    )
    generate.add_argument("out", type=Path, metavar="ORDNER", help="leerer oder neuer Ordner für den Inhalt")
    # The data come from data/ beside the configuration or $LINKSHILFT_DATA, as for the build.
    generate.add_argument("--config", type=Path, default=Path(settings.CONFIG_FILE), metavar="DATEI", help="Standard: mkdocs.yml")
    generate.add_argument(
        "--config-out", type=Path, metavar="DATEI", help="dazu eine mkdocs.yml ohne Hooks schreiben, die ORDNER baut"
    )
    generate.add_argument("--site-dir", type=Path, metavar="ORDNER", help="Zielordner in dieser mkdocs.yml (Standard: site)")
    finish_command = commands.add_parser(
        "finish", help="gebaute Seite abschließen: Sprunglink, Content-Security-Policy, Prüfung auf Skript, Suche"
    )
    finish_command.add_argument("site", type=Path, metavar="ORDNER", help="der Ordner der gebauten Seite")
    finish_command.add_argument(
        "--config", type=Path, default=Path(settings.CONFIG_FILE), metavar="DATEI", help="Standard: mkdocs.yml"
    )


def _load(config_file: Path, today: dt.date) -> tuple[PublicSite, dict] | None:
    """The checked site and mkdocs.yml, or None after printing every problem."""
    block, found = settings.read(config_file)
    config = yaml.load(config_file.read_text("utf-8"), Loader=settings._ConfigLoader) if not found else {}
    found = found or settings.settings_problems(block, config_file)
    try:
        site, warnings = prepare(config_file.parent, {**(block or {}), "site_url": config.get("site_url")}, today, found)
    except DataError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        print(f"{len(error.problems)} Fehler in Daten oder Einstellungen – es wurde nichts geschrieben.", file=sys.stderr)
        return None
    for warning in warnings:
        print(f"Hinweis: {warning}", file=sys.stderr)
    return site, config


def run_generate(args, today: dt.date) -> int:
    if args.out.exists() and (not args.out.is_dir() or any(args.out.iterdir())):
        print(f"{args.out} ist nicht leer: bitte einen leeren oder neuen Ordner angeben.", file=sys.stderr)
        return 2
    if not args.config.is_file():
        print(f"Einstellungsdatei {args.config} nicht gefunden.", file=sys.stderr)
        return 2
    started = time.perf_counter()
    loaded = _load(args.config, today)
    if loaded is None:
        return 1
    site, config = loaded
    generated = content.generate(site, args.config.parent / config.get("docs_dir", "docs"), args.out, config)
    if args.config_out:
        site_dir = args.site_dir or args.config.parent / config.get("site_dir", "site")
        plain = content.plain_config(args.config, args.config_out, args.out, site_dir, generated.moved)
        args.config_out.write_text(plain, "utf-8")
    print(f"{generated.pages} Seiten nach {args.out} geschrieben ({time.perf_counter() - started:.1f} s).", file=sys.stderr)
    return 0


def run_finish(args, today: dt.date) -> int:
    if not (args.site / "index.html").is_file():
        print(f"{args.site} ist keine gebaute Seite (index.html fehlt).", file=sys.stderr)
        return 2
    if not args.config.is_file():
        print(f"Einstellungsdatei {args.config} nicht gefunden.", file=sys.stderr)
        return 2
    loaded = _load(args.config, today)
    if loaded is None:
        return 1
    site, config = loaded
    theme = config.get("theme") or {}
    custom = args.config.parent / theme["custom_dir"] if theme.get("custom_dir") else None
    scope = (config.get("extra") or {}).get("scope") or content.scope(config.get("site_url"))
    folders = finish.theme_folders(custom)
    known = known_hashes(finish.theme_scripts(folders, scope, theme.get("features") or []))
    docs = config.get("docs_dir", "docs")
    unsafe = finish.finish_site(
        args.site,
        known,
        lambda: source_texts(args.config, docs, data_dir(args.config.parent)),
        site.search_entries(),
        folders,
    )
    for message in unsafe:
        print(message, file=sys.stderr)
    if unsafe:
        print(finish.stop_message(len(unsafe)), file=sys.stderr)
        return 1
    return 0
