"""The language versions of the public site's pages: which exist, how they find each other.

German stays at the root; every other language of `extra.linkshilft.languages` has the same
generated pages under /<code>/ (languages.Language.prefix). A page's language is read from its
address, so the theme (partials/language.html), the alternate links and the language switch need
no list of their own: a page has a version in another language exactly when the built site has a
page at the same address under that language's prefix.

Calendar files and notices exist once, beside the German page: a translated page links them there
(`here`), as it links the site's files (`site_root`).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, replace
from typing import TypeVar

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
    `here` to the folder of the German version (its calendar files and notice); "" on German pages."""
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


def start_texts() -> tuple[str, str]:
    """Title and description of the start page, in the active language."""
    return (
        _("Kostenlose Sozialberatung in Sachsen"),
        _(
            "Finden Sie die nächste kostenlose Sozialsprechstunde von DIE LINKE Sachsen – "
            "mit Adresse, nächstem Termin und Hinweisen zur Barrierefreiheit."
        ),
    )


def pages_in(language: Language, pages: Iterable[P]) -> list[P]:
    """`pages`, made in `language`, moved under its prefix; out of the site search, whose index is German."""
    result = []
    for page in pages:
        meta = dict(page.front_matter)
        meta.setdefault("search", {"exclude": True})
        result.append(
            replace(page, src_uri=language.prefix + page.src_uri, language=language.code, front_matter=tuple(meta.items()))
        )
    return result
