"""The languages of the public site: German at the root, every other language under /<code>/.

Which languages the site has is a setting (`extra.linkshilft.languages` in mkdocs.yml). Besides that
line a language needs only its catalogs, kept with Babel (`make translations`):
hooks/linkshilft/locale/<code>/LC_MESSAGES/<domain>.po. Its name in its own script, its writing
direction, dates, weekday and month names, plural rules and numbers come from CLDR through Babel:
a new language needs no code.

Three catalogs per language, each with its own sources (locale/<domain>.cfg says which):
`seiten` the pages (templates and the Python that builds their text), `termine` the schedule's
wording (rhythm, "heute", cancellations), `finder` the finder's messages in finder.js.

Which language a text is made in is the *active* language (`active("uk")`, a context variable, as
Django's translation.override): the code that writes text marks it with `_()`/`ngettext()` of its
catalog's Domain and never passes a language around; the page renderer activates each language in
turn. Outside `active()` the language is German.

The catalogs are read as .po files when the build starts. There are no compiled .mo files in git
that could lag behind their source, and an entry that is missing or fuzzy counts as untranslated
(the text stays German) and fails tests/test_translations.py.
"""

from __future__ import annotations

import functools
import gettext
import io
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

SOURCE = "de"  # the language the site is written in; its pages stay at the root
DOMAINS = ("seiten", "termine", "finder")
LOCALE_DIR = Path(__file__).with_name("locale")


@dataclass(frozen=True)
class Language:
    code: str  # BCP 47 as in the catalogs' folder: "uk"
    name: str  # in its own script, as CLDR writes it: "українська"
    direction: str  # "ltr" or "rtl", for <html dir>

    @property
    def prefix(self) -> str:
        """Where its pages start, relative to the site root: "" for German, "uk/" for Ukrainian."""
        return "" if self.code == SOURCE else f"{self.code}/"

    @property
    def locale(self) -> Locale:
        return Locale.parse(self.code)


@functools.cache
def language(code: str) -> Language:
    locale = Locale.parse(code)
    direction = "rtl" if locale.character_order == "right-to-left" else "ltr"
    return Language(code, locale.get_display_name(code) or code, direction)


def site_languages(settings: dict) -> list[Language]:
    """The site's languages from its settings, German first (always there, even if not listed)."""
    return [language(code) for code in (SOURCE, *translated(settings))]


def translated(settings: dict) -> tuple[str, ...]:
    """The site's languages besides German, from the setting: the one list of them. The data check
    (records/translations.py) accepts translations of topic and district names into these and no other."""
    codes = settings.get("languages") or ()
    return tuple(code for code in codes if code != SOURCE) if isinstance(codes, list) else ()


def has_catalogs(code: str) -> bool:
    """Whether every catalog of `code` is there: texts can be written in it."""
    return all(catalog_path(code, domain).is_file() for domain in DOMAINS)


def without_catalogs(codes: Iterable[str]) -> list[str]:
    """The languages among `codes` that lack a catalog (public/settings.py reports them: their pages would be German)."""
    return [code for code in codes if code != SOURCE and not has_catalogs(code)]


@functools.cache
def endonym(code: str, fallback: str | None = None) -> str:
    """A language named in itself, as CLDR writes it: "українська", "العربية", "Deutsch".

    For the languages an office counsels in, on every page in every language: a reader finds her
    own language in her own script. `fallback` (else the code) where CLDR does not know the code.
    """
    try:
        return Locale.parse(code).get_display_name(code) or fallback or code
    except (ValueError, UnknownLocaleError):
        return fallback or code


def catalog_path(code: str, domain: str) -> Path:
    return LOCALE_DIR / code / "LC_MESSAGES" / f"{domain}.po"


def read_catalog(code: str, domain: str) -> Catalog:
    with catalog_path(code, domain).open("rb") as file:
        return read_po(file, locale=code, domain=domain)


@functools.cache
def translations(code: str, domain: str) -> gettext.NullTranslations:
    """The catalog `domain` of language `code` for gettext/ngettext; German is the source: no lookup."""
    if code == SOURCE:
        return gettext.NullTranslations()
    buffer = io.BytesIO()
    write_mo(buffer, read_catalog(code, domain), use_fuzzy=False)  # fuzzy entries stay German
    buffer.seek(0)
    return Translations(buffer, domain=domain)


_active: ContextVar[str] = ContextVar("linkshilft_language", default=SOURCE)


@contextmanager
def active(code: str) -> Iterator[Language]:
    """Make `code` the language of every text made inside the block."""
    token = _active.set(code)
    try:
        yield language(code)
    finally:
        _active.reset(token)


def current() -> Language:
    """The active language (German outside `active()`)."""
    return language(_active.get())


def localized(german: str, translations: Mapping[str, Mapping[str, str]], key: str = "name") -> tuple[str, str | None]:
    """A text from the data (a topic's name, its description, a district's name) in the active language.

    Returns (text, None) when the text is in the page's language, or (the German text, "de") when
    the data has no translation: the page then marks it `lang="de"` so a screen reader reads it in German.
    """
    code = _active.get()
    if code != SOURCE:
        text = translations.get(code, {}).get(key)
        if text:
            return text, None
        return german, SOURCE
    return german, None


class Domain:
    """One catalog's lookups in the active language. In a module: `_ = Domain("termine").gettext`."""

    def __init__(self, name: str):
        assert name in DOMAINS, name
        self.name = name

    def gettext(self, message: str) -> str:
        return translations(_active.get(), self.name).gettext(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return translations(_active.get(), self.name).ngettext(singular, plural, n)

    def pgettext(self, context: str, message: str) -> str:
        return translations(_active.get(), self.name).pgettext(context, message)
