"""`linkshilft generate` and `linkshilft finish`: the same site without MkDocs' hooks (public/content.py, public/finish.py).

The hooks build (the session fixture `site`) is the reference: MkDocs without hooks after
`generate`, and Zensical, must give the same pages; `finish` adds the policy, the skip link and
the offices' search entries, and its tripwire deletes a site with unsafe markup.
"""

from __future__ import annotations

import importlib.util
import json
import posixpath
import re
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from linkshilft.public import content

from tests.support import CLI, MKDOCS, ROOT, data_env, run

ZENSICAL = [str(Path(sys.executable).parent / "zensical")]
_spec = importlib.util.spec_from_file_location("check_html", ROOT / "bench" / "check_html.py")
check_html = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(check_html)
CSP_META = '<meta http-equiv="Content-Security-Policy"'
# Index files whose entries come in the order the generator met the pages; compared as sets below.
ORDERED_LISTS = {"sitemap.xml", "sitemap.xml.gz", "search/search_index.json"}
INDEXES = ["search/search_index.json", *(f"{code}/search/search_index.json" for code in ("en", "uk", "ru", "ar", "fa", "vi"))]


def generate(out: Path, config_out: Path, site_dir: Path, data: Path) -> None:
    command = [*CLI, "generate", str(out), "--config-out", str(config_out), "--site-dir", str(site_dir)]
    result = run(command, env=data_env(data))
    assert result.returncode == 0, result.stderr
    assert re.search(r"\d+ Seiten nach .* geschrieben", result.stderr)


def finish(site_dir: Path, data: Path) -> None:
    result = run([*CLI, "finish", str(site_dir)], env=data_env(data))
    assert result.returncode == 0, result.stderr


def files(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}


def between_tags(html: str) -> str:
    """A page without the line breaks between elements: Markdown puts one between raw HTML blocks."""
    return re.sub(r">\s+<", "><", html).strip()


def article(html: str) -> str:
    """The page's content: its <article> (Material) or, for the 404 page, the whole page."""
    found = re.search(r"<article\b.*</article>", html, re.S)
    return found.group() if found else html


def frame(html: str) -> dict[str, object]:
    """The language frame of a page, as the theme draws it around the content: <html lang>, <body dir>,
    the alternate links, the language switch, the site's name in <title> and header, the navigation and
    the footer (labels and links)."""
    soup = BeautifulSoup(html, "html.parser")

    def links(selector: str) -> list[tuple]:
        return [(a.get("href"), a.get("hreflang"), a.get_text(" ", strip=True)) for a in soup.select(selector)]

    return {
        "lang": soup.html.get("lang"),
        "dir": soup.body.get("dir") if soup.body else None,
        "title": soup.title.get_text() if soup.title else None,
        "alternate": [(link["hreflang"], link["href"]) for link in soup.select('link[rel="alternate"][hreflang]')],
        "switch": links(".md-select__link"),
        "header": [span.get_text(strip=True) for span in soup.select(".md-header__topic .md-ellipsis")][:1],
        "drawer": soup.select_one(".md-nav__title").get_text(strip=True) if soup.select_one(".md-nav__title") else None,
        "nav": links("nav.md-nav--primary > ul > li > a"),
        "footer": [*links(".lh-footer-nav a"), [n.get("aria-label") for n in soup.select(".lh-footer-nav")]],
    }


def same_targets(found: dict[str, object]) -> dict[str, object]:
    """A frame with its relative links normalised ("././", "./" and "" all "."), as a browser resolves them."""

    def norm(link: tuple) -> tuple:
        href = link[0]
        return (posixpath.normpath(href or ".") if href is not None and "://" not in href else href, *link[1:])

    return {key: [norm(v) if isinstance(v, tuple) else v for v in value] if key in {"nav", "footer", "switch"} else value
            for key, value in found.items()}  # fmt: skip


def office_entries(entries: list[dict]) -> dict[str, dict]:
    return {e["location"]: e for e in entries if re.fullmatch(r"stellen/[a-z0-9-]+/", e["location"])}


@pytest.mark.build
def test_plain_mkdocs_after_generate_and_finish_gives_the_pages_of_the_hooks_build(site, sample_plus_escape, tmp_path):
    plain = tmp_path / "plain"
    generate(tmp_path / "inhalt", tmp_path / "mkdocs.yml", plain, sample_plus_escape)
    config = (tmp_path / "mkdocs.yml").read_text("utf-8")
    assert "hooks" not in config and "docs_dir: inhalt" in config
    command = [*MKDOCS, "build", "--strict", "-f", str(tmp_path / "mkdocs.yml")]
    result = run(command, env=data_env(sample_plus_escape), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    before = (plain / "stellen" / "leipzig-plagwitz" / "index.html").read_text("utf-8")
    assert CSP_META not in before and 'class="md-skip"' not in before  # what finish adds, the build alone does not
    finish(plain, sample_plus_escape)

    assert files(plain) == files(site)  # pages, calendars, finder and open data, redirects
    for name in sorted(files(site) - ORDERED_LISTS - set(INDEXES)):
        if name.endswith(".html"):
            # The content of every page, in every language, is the hooks build's, and so is the theme's
            # frame around it: `generate` writes it into the front matter (translated.frame).
            pages = [(s / name).read_text("utf-8") for s in (plain, site)]
            ours, theirs = (between_tags(article(page)) for page in pages)
            assert ours == theirs, name
            assert frame(pages[0]) == frame(pages[1]), name
        else:
            assert (plain / name).read_bytes() == (site / name).read_bytes(), name
    key = lambda entry: json.dumps(entry, sort_keys=True)  # noqa: E731
    for name in INDEXES:  # one per language, each with the settings Material gives that language
        ours, hooks = (json.loads((s / name).read_text("utf-8")) for s in (plain, site))
        assert ours["config"] == hooks["config"], name
        assert sorted(map(key, ours["docs"])) == sorted(map(key, hooks["docs"])), name
    office = (plain / "stellen" / "leipzig-plagwitz" / "index.html").read_text("utf-8")
    assert CSP_META in office and 'class="md-skip"' in office


@pytest.mark.build
def test_zensical_builds_the_same_pages_and_finish_adds_the_offices_to_its_search(site, sample_plus_escape, tmp_path):
    """Zensical (0.0.73) reads the mkdocs.yml that generate writes; its search index is search.json with `items`."""
    built = tmp_path / "zensical"
    generate(tmp_path / "inhalt", tmp_path / "zensical.yml", built, sample_plus_escape)
    result = run([*ZENSICAL, "build", "--strict", "-f", str(tmp_path / "zensical.yml")], cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert not office_entries(json.loads((built / "search.json").read_text("utf-8"))["items"])
    finish(built, sample_plus_escape)
    finish(built, sample_plus_escape)  # a second run adds nothing

    html = lambda folder: {name for name in files(folder) if name.endswith(".html")}  # noqa: E731
    assert html(built) == html(site)
    # The language frame from the front matter: Zensical's template engine reads it as Jinja does.
    # Its `url` filter spells a few links otherwise ("././" or "" for "./", "/" for "/."): the same targets.
    for name in sorted(html(site)):
        ours, theirs = (same_targets(frame((s / name).read_text("utf-8"))) for s in (built, site))
        assert ours == theirs, name
    items = office_entries(json.loads((built / "search.json").read_text("utf-8"))["items"])
    material = office_entries(json.loads((site / "search" / "search_index.json").read_text("utf-8"))["docs"])
    assert set(items) == set(material) and len(items) > 30
    # Zensical reads one index for the whole site: the German pages, as before the site had languages.
    every = json.loads((built / "search.json").read_text("utf-8"))["items"]
    assert not [item for item in every if item["location"].startswith("uk/")]
    plagwitz = items["stellen/leipzig-plagwitz/"]
    assert plagwitz["level"] == 1 and plagwitz["text"] == material["stellen/leipzig-plagwitz/"]["text"]
    for name in ("finder/stellen.json", "daten/stellen.json", "stellen/leipzig-plagwitz/termine.ics"):
        assert (built / name).read_bytes() == (site / name).read_bytes(), name
    office = (built / "stellen" / "leipzig-plagwitz" / "index.html").read_text("utf-8")
    assert CSP_META in office and 'class="md-skip"' in office
    notice = (built / "stellen" / "leipzig-plagwitz" / "aushang" / "index.html").read_text("utf-8")
    assert "Plagwitz" in office and 'class="lh-qr"' in notice
    # Zensical reads every relative link as relative to the Markdown file: each page is its folder's
    # index.md, so the links of the generated HTML still lead where they do in the MkDocs build.
    assert 'href="../">Zurück zur Seite der Beratungsstelle' in notice
    assert check_html.check(built) == []


def test_finish_deletes_a_site_with_unsafe_markup_and_names_the_data_line(base_data, tmp_path):
    """A hostile office name that a theme let through: the German message with page and data line, no site, exit 1."""
    office = base_data / "offices" / "leipzig" / "leipzig-basis.yaml"
    office.write_text(office.read_text("utf-8").replace("name: Bürgerbüro Basis", 'name: "Basis <svg onload=alert(3)>"'))
    built = tmp_path / "site"
    (built / "stellen" / "leipzig-basis").mkdir(parents=True)
    (built / "index.html").write_text("<!doctype html><html><head><meta charset=utf-8></head><body><p>ok</p></body></html>")
    page = "<!doctype html><html><head><meta charset=utf-8></head><body><h1>Basis <svg onload=alert(3)></h1></body></html>"
    (built / "stellen" / "leipzig-basis" / "index.html").write_text(page)
    result = run([*CLI, "finish", str(built)], env=data_env(base_data))
    assert result.returncode == 1
    assert (
        "stellen/leipzig-basis/index.html: unsicheres Markup: Ereignis-Attribut „onload“ an <svg>"
        " – der Text steht in data/offices/leipzig/leipzig-basis.yaml:3"
    ) in result.stderr
    assert "1 Mal Markup, das Skript ausführen könnte (siehe oben) – es wurde nichts gebaut." in result.stderr
    assert "Traceback" not in result.stderr
    assert not built.exists()


def test_generate_writes_nothing_on_a_data_error(base_data, tmp_path):
    office = base_data / "offices" / "leipzig" / "leipzig-basis.yaml"
    office.write_text(office.read_text("utf-8").replace('start: "', 'start: "2', 1))
    out = tmp_path / "inhalt"
    result = run([*CLI, "generate", str(out)], env=data_env(base_data))
    assert result.returncode == 1
    assert "data/offices/leipzig/leipzig-basis.yaml:" in result.stderr
    assert "1 Fehler in Daten oder Einstellungen – es wurde nichts geschrieben." in result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists()


def test_generate_and_finish_refuse_the_wrong_folder(base_data, tmp_path):
    (tmp_path / "voll").mkdir()
    (tmp_path / "voll" / "alt.md").write_text("# alt")
    result = run([*CLI, "generate", str(tmp_path / "voll")], env=data_env(base_data))
    message = f"{tmp_path / 'voll'} ist nicht leer: bitte einen leeren oder neuen Ordner angeben."
    assert (result.returncode, result.stderr.strip()) == (2, message)
    result = run([*CLI, "finish", str(tmp_path / "voll")], env=data_env(base_data))
    assert (result.returncode, result.stderr.strip()) == (2, f"{tmp_path / 'voll'} ist keine gebaute Seite (index.html fehlt).")
    (tmp_path / "voll" / "index.html").write_text("<p>alt</p>")
    result = run([*CLI, "finish", str(tmp_path / "voll"), "--config", str(tmp_path / "fehlt.yml")], env=data_env(base_data))
    assert (result.returncode, result.stderr.strip()) == (2, f"Einstellungsdatei {tmp_path / 'fehlt.yml'} nicht gefunden.")


def test_generated_pages_keep_their_html_through_markdown(base_data, tmp_path):
    """Every generated page is its front matter and raw HTML that starts at the line start."""
    out = tmp_path / "inhalt"
    result = run([*CLI, "generate", str(out)], env=data_env(base_data), cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert not (out / "stellen" / "leipzig-basis.md").exists() and not (out / "daten.md").exists()
    page = (out / "stellen" / "leipzig-basis" / "index.md").read_text("utf-8")
    front, body = page.split("\n---\n", 1)
    assert front.startswith("---\ntitle: ") and body.lstrip().startswith("<")
    index = (out / "index.md").read_text("utf-8")
    front = index.split("\n---\n", 1)[0]
    assert "\nlinkshilft_finder: true\n" in front and "<!-- linkshilft:" not in index
    # the page's language frame, which the hooks set while MkDocs builds (translated.frame)
    assert '\nlinkshilft_language: "de"\n' in front and '"code": "uk", "name": "українська"' in front
    uk = (out / "uk" / "index.md").read_text("utf-8").split("\n---\n", 1)[0]
    assert '\nlinkshilft_language: "uk"\n' in uk and '"linkshilft_site_name": ' not in uk
    assert "\nlinkshilft_site_name: \"Links.hilft – Соціальні консультації в Саксонії\"\n" in uk
    assert (out / "finder" / "stellen.json").is_file() and (out / "termine.ics").is_file()
    # the Markdown links of content/ follow the pages into their folders
    assert "[Datenquellen](../datenquellen/index.md)" in (out / "daten" / "index.md").read_text("utf-8")
    assert "](themen/index.md)" in index


def test_markdown_links_follow_the_pages_into_their_folders():
    """Each page moves to its URL's folder (content.folder_source); its Markdown links still lead to the same pages."""
    moved = {src: content.folder_source(src) for src in ("index.md", "daten.md", "themen/index.md", "kreise/leipzig.md")}
    assert moved == {
        "index.md": "index.md",
        "daten.md": "daten/index.md",
        "themen/index.md": "themen/index.md",
        "kreise/leipzig.md": "kreise/leipzig/index.md",
    }
    text = (
        "[a](index.md) [b](themen/index.md#oben) [c](kreise/leipzig.md) [d](https://example.org/x.md) "
        "[e](#anker) ![f](bild.png) [g](mailto:a@b.de)"
    )
    assert content._relink(text, "daten.md", moved) == (
        "[a](../index.md) [b](../themen/index.md#oben) [c](../kreise/leipzig/index.md) [d](https://example.org/x.md) "
        "[e](#anker) ![f](../bild.png) [g](mailto:a@b.de)"
    )
    assert content._relink("[c](kreise/leipzig.md)", "index.md", moved) == "[c](kreise/leipzig/index.md)"
