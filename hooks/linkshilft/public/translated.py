"""The language versions of the public site's pages: which exist, how they find each other.

German stays at the root; every other language of `extra.linkshilft.languages` has the same
generated pages under /<code>/ (languages.Language.prefix). A page's language is read from its
address, so the theme (partials/language.html), the alternate links and the language switch need
no list of their own: a page has a version in another language exactly when the built site has a
page at the same address under that language's prefix.

The notices exist once, beside the German page: a translated page links them there (`here`), as it
links the site's files (`site_root`). Calendar files exist per language, beside each page (calendars.py).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import asdict, dataclass, replace
from typing import TypeVar

from jinja2 import pass_context
from jinja2.runtime import Context
from markupsafe import Markup

from linkshilft import languages
from linkshilft.languages import SOURCE, Domain, Language
from linkshilft.public import urls

_ = Domain("seiten").gettext
P = TypeVar("P")  # site.GeneratedPage


@dataclass(frozen=True)
class Version:
    """One language version of a page, as the alternate links and the language switch name it."""

    code: str  # hreflang
    name: str  # in its own script: "українська"
    direction: str
    href: str  # relative to the page that links it
    url: str  # absolute, for <link rel="alternate">
    current: bool


def split(page_url: str, languages: Sequence[Language]) -> tuple[Language, str]:
    """The language of a page (by its address) and its address without the language's prefix."""
    for language in languages:
        if language.prefix and (page_url + "/").startswith(language.prefix):
            return language, page_url[len(language.prefix) :]
    return next(language for language in languages if language.code == SOURCE), page_url


def roots(page_url: str, languages: Sequence[Language]) -> dict[str, str]:
    """The ways from a page up: `root` to its language's start, `site_root` to the site's, and
    `here` to the folder of the German version (its notice); "" on German pages."""
    language, neutral = split(page_url, languages)
    site_root = urls.relative_root(page_url)
    here = "" if language.code == SOURCE else site_root + neutral
    return {"root": urls.relative_root(neutral), "site_root": site_root, "here": here}


def versions(page_url: str, pages: Collection[str], languages: Sequence[Language], site_url: str) -> list[Version]:
    """Every language version of the page at `page_url` among the site's `pages` (their URLs),
    in the order of the settings; empty if the page exists in one language only."""
    language, neutral = split(page_url, languages)
    site_root = urls.relative_root(page_url)
    found = [lang for lang in languages if lang.prefix + neutral in pages]
    if len(found) < 2:
        return []
    return [
        Version(
            lang.code,
            lang.name,
            lang.direction,
            site_root + lang.prefix + neutral or "./",
            urls.absolute(site_url, lang.prefix + neutral),
            lang.code == language.code,
        )
        for lang in found
    ]


START_TEMPLATE = "start.html"  # a translated start page; the German one is content/index.md
HINTS_TEMPLATE = "hints.html"  # summaries of content/hinweise.md and content/datenschutz.md, which are binding
PRIVACY_TEMPLATE = "privacy.html"


def start_texts() -> tuple[str, str]:
    """Title and description of the start page, in the active language."""
    return (
        _("Kostenlose Sozialberatung in Sachsen"),
        _(
            "Finden Sie die nächste kostenlose Sozialsprechstunde von DIE LINKE Sachsen – "
            "mit Adresse, nächstem Termin und Hinweisen zur Barrierefreiheit."
        ),
    )


def summaries() -> list[tuple[str, str, str, str]]:
    """(source, title, description, template) of the summaries of German pages, in the active language."""
    return [
        (
            "hinweise.md",
            _("Hinweise zur Beratung"),
            _("Was die kostenlose Sozialberatung leisten kann und was nicht, und welche Fristen gelten."),
            HINTS_TEMPLATE,
        ),
        ("datenschutz.md", _("Datenschutz"), _("Keine Cookies, kein Tracking, nichts von anderen Anbietern."), PRIVACY_TEMPLATE),
    ]


def pages_in(language: Language, pages: Iterable[P]) -> list[P]:
    """`pages`, made in `language`, moved under its prefix. Material's plugin indexes them with the German
    ones; search_index.write_indexes moves them into the language's own index."""
    return [replace(page, src_uri=language.prefix + page.src_uri, language=language.code) for page in pages]


# --- for the templates (site.template_environment): German data and left-to-right runs -------------


def german(inline: bool = False) -> Markup:
    """` lang="de"` for text editors wrote in German (names, directions, notes) on a page in another
    language, so screen readers switch voice; nothing on German pages. An `inline` element (an office's
    name as a link in a sentence) on a right-to-left page is also isolated in its own direction, as
    german_text() does."""
    if languages.current().code == SOURCE:
        return Markup("")
    return Markup(' lang="de" dir="auto"') if inline and languages.current().direction == "rtl" else Markup(' lang="de"')


def german_text(value: object) -> object:
    """Editors' German text inside a sentence of another language: isolated in a <bdi lang="de">, so that
    in a right-to-left sentence its brackets and full stop stay where the editor put them."""
    return value if languages.current().code == SOURCE else Markup('<bdi lang="de">{}</bdi>').format(value)


def ltr_attribute() -> Markup:
    """` dir="ltr"` for an element of addresses and numbers on a right-to-left page."""
    return Markup(' dir="ltr"') if languages.current().direction == "rtl" else Markup("")


def ltr(value: object) -> object:
    """A postcode, phone number or address kept left to right inside right-to-left text."""
    if languages.current().direction != "rtl":
        return value
    return Markup('<bdi dir="ltr">{}</bdi>').format(value)


def isolated(value: object) -> object:
    """A distance ("2.5 كم") or time ("10:00 ص – 12:00 م") inside right-to-left text: isolated, its
    direction its own (the unit's or day period's script; digits alone run left to right), so the
    numbers stay whole and the words read in order. Forced left to right, "12:00" would jump before "ص"."""
    if languages.current().direction != "rtl":
        return value
    return Markup("<bdi>{}</bdi>").format(value)


def kind_label(kind: str) -> str:
    return {
        "party_office": _("Geschäftsstelle DIE LINKE"),
        "mp_office": _("Bürgerbüro"),
        "shared_office": _("Geschäftsstelle und Bürgerbüro"),
    }[kind]


def status_label(status: str) -> str:
    return {
        "active": _("Sprechstunde findet statt"),
        "planned": _("in Vorbereitung"),
        "interim": _("Übergangslösung"),
        "paused": _("ruht vorübergehend"),
        "closed": _("eingestellt"),
    }[status]


def mp_label(name: str) -> str:
    return _("%(name)s, Mitglied des Sächsischen Landtags") % {"name": name}


def in_district(name: str, german: str) -> str:
    """ "in Leipzig", "im Landkreis Bautzen" (`german`, poster.district_heading) in German; else "in <name>"."""
    return german if languages.current().code == SOURCE else _("in %(district)s") % {"district": name}


# --- the theme on pages in other languages (hooks/main.py) ------------------------------------------


@dataclass(frozen=True)
class NavLink:
    title: str
    href: str
    hreflang: str  # "de" where the page exists in German only
    current: bool


def nav_title(title: str) -> str:
    """A title of the site's navigation (mkdocs.yml) in the active language; others stay as they are."""
    known = {
        "Sprechstunde finden": _("Sprechstunde finden"),
        "Kreise": _("Kreise"),
        "Alle Termine": _("Alle Termine"),
        "Themen": _("Themen"),
        "Hinweise zur Beratung": _("Hinweise zur Beratung"),
        "Leichte Sprache": _("Leichte Sprache"),
        "Offene Daten": _("Offene Daten"),
    }
    return known.get(title, title)


BRAND = "Links.hilft"


def site_name(german: str) -> str:
    """The site's name (mkdocs.yml `site_name`) in the active language, for the header and <title>: the
    brand "Links.hilft – " stays as it is, the rest is translated where the catalog knows it."""
    brand, dash, rest = german.partition(" – ")
    if brand != BRAND or not dash:
        return german
    known = {"Sozialsprechstunden in Sachsen": _("Sozialsprechstunden in Sachsen")}
    return f"{brand}{dash}{known.get(rest, rest)}"


def nav_links(
    page_url: str, items: Iterable[tuple[str, str]], pages: Collection[str], languages_: Sequence[Language]
) -> list[NavLink]:
    """The navigation's (title, address) items for a page in another language: to its version in
    that language where there is one, else to the German page."""
    language, neutral = split(page_url, languages_)
    site_root = urls.relative_root(page_url)
    links = []
    for title, url in items:
        exists = language.prefix + url in pages
        target = language.prefix + url if exists else url
        with languages.active(language.code):
            name = nav_title(title)
        links.append(NavLink(name, site_root + target or "./", "" if exists else SOURCE, url == neutral))
    return links


@pass_context
def theme_gettext(context: Context, message: str) -> str:
    """gettext for the theme's templates: in the language of the page being rendered."""
    page = context.get("page")
    code = (getattr(page, "meta", None) or {}).get("linkshilft_language", SOURCE)
    with languages.active(code):
        return _(message)


def report_url(edit_base: str | None, code: str) -> str | None:
    """Where a reader reports a translation error: the language's catalog in the web editor (a
    change there is a pull request on the .po file)."""
    if not edit_base or code == SOURCE:
        return None
    return f"{edit_base.rstrip('/')}/hooks/linkshilft/locale/{code}/LC_MESSAGES/seiten.po"


def footer_labels() -> dict[str, str]:
    """The footer's labels (partials/copyright.html) in the active language: page meta, so a theme
    without gettext (a build without hooks, Zensical) shows them too."""
    return {
        "legal": _("Rechtliches und Hilfe"),
        "hints": _("Hinweise zur Beratung"),
        "easy": _("Leichte Sprache"),
        "impressum": _("Impressum"),
        "privacy": _("Datenschutz"),
        "accessibility": _("Barrierefreiheit"),
        "report": _("Übersetzungsfehler melden"),
    }


@dataclass(frozen=True)
class Site:
    """What the language frame of every page is made from: the built site's page addresses, its
    languages, its address, its navigation's (title, address) items, its name and its edit address."""

    pages: Collection[str]
    languages: Sequence[Language]
    site_url: str
    nav: Sequence[tuple[str, str]]
    name: str
    edit_base: str | None = None


def frame(page_url: str, site: Site) -> dict[str, object]:
    """The page meta of a page's language frame, which the theme reads (partials/language.html,
    alternate.html, nav.html, header.html, copyright.html, main.html): its language, its versions,
    and on a page in another language the navigation, the site's name and the footer in it.
    The hooks set it while MkDocs builds (hooks/main.py); `generate` writes it into the front matter
    (public/content.py): plain data (JSON), read alike by Jinja and by Zensical's template engine."""
    language, _neutral = split(page_url, site.languages)
    found = versions(page_url, site.pages, site.languages, site.site_url)
    meta: dict[str, object] = {"linkshilft_language": language.code, "linkshilft_versions": [asdict(v) for v in found]}
    if language.code != SOURCE:
        meta["linkshilft_nav"] = [asdict(link) for link in nav_links(page_url, site.nav, site.pages, site.languages)]
        meta["linkshilft_prefix"] = language.prefix
        meta["linkshilft_report"] = report_url(site.edit_base, language.code)
        with languages.active(language.code):
            meta["linkshilft_site_name"] = site_name(site.name)
            meta["linkshilft_footer"] = footer_labels()
    return meta
