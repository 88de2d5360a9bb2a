"""Every language of the site has every catalog, in step with the sources, and fully translated.

A text marked in the sources but missing from a catalog, an empty or fuzzy entry, or a translation
whose placeholders differ from the German ({name}, %(n)s) fails here, naming language, catalog and text.
"""

from __future__ import annotations

import subprocess
import sys

import pytest
from babel.messages.pofile import read_po
from linkshilft import languages
from linkshilft.public.settings import read

from tests.support import ROOT

SETTINGS, _ = read(ROOT / "mkdocs.yml")
CODES = [lang.code for lang in languages.site_languages(SETTINGS)[1:]]
CATALOGS = [(code, domain) for code in CODES for domain in languages.DOMAINS]


def test_the_site_has_the_languages_of_the_issue():
    assert CODES == ["en", "uk", "ru", "ar", "fa", "vi"]


def test_the_project_has_catalogs_for_exactly_the_languages_of_its_setting():
    """The build accepts catalogs of a language it does not offer (one being prepared); this project has none
    such: a folder there without the setting would be translated work nobody sees."""
    folders = {path.name for path in languages.LOCALE_DIR.iterdir() if (path / "LC_MESSAGES").is_dir()}
    assert folders == set(CODES) == set(languages.translated(SETTINGS))
    assert languages.without_catalogs(CODES) == [] and languages.without_catalogs(["sv", "de"]) == ["sv"]


@pytest.fixture(scope="module")
def templates(tmp_path_factory):
    """The catalog templates as extracted now from the sources (what `make translations` would write)."""
    out = tmp_path_factory.mktemp("pot")
    found = {}
    for domain in languages.DOMAINS:
        subprocess.run(
            [sys.executable, "-m", "babel.messages.frontend", "-q", "extract", "-F", str(languages.LOCALE_DIR / f"{domain}.cfg"),
             "-k", "_", "-k", "gettext", "-k", "ngettext:1,2", "-k", "pgettext:1c,2", "-k", "npgettext:1c,2,3",
             "-o", str(out / f"{domain}.pot"), str(ROOT)],
            check=True, cwd=ROOT,
        )  # fmt: skip
        with (out / f"{domain}.pot").open("rb") as file:
            found[domain] = {message.id for message in read_po(file) if message.id}
    return found


@pytest.mark.parametrize(("code", "domain"), CATALOGS)
def test_catalog_holds_every_marked_text(code, domain, templates):
    catalog = {message.id for message in languages.read_catalog(code, domain) if message.id}
    missing = sorted(str(text) for text in templates[domain] - catalog)
    assert not missing, f"{code}/{domain}.po fehlt (make translations): {missing[:10]}"


@pytest.mark.parametrize(("code", "domain"), CATALOGS)
def test_catalog_is_translated_and_sound(code, domain):
    catalog = languages.read_catalog(code, domain)
    forms = {m.id: m.string if isinstance(m.string, tuple) else (m.string,) for m in catalog if m.id}
    untranslated = [str(m.id) for m in catalog if m.id and (m.fuzzy or not all(forms[m.id]))]
    assert not untranslated, f"{code}/{domain}.po: unübersetzt oder unsicher (fuzzy): {untranslated[:10]}"
    errors = [f"{message.id}: {error}" for message, found in catalog.check() for error in found]
    assert not errors, f"{code}/{domain}.po: {errors[:10]}"


def test_language_names_and_directions_come_from_cldr():
    names = {lang.code: (lang.name, lang.direction, lang.prefix) for lang in languages.site_languages(SETTINGS)}
    assert names["uk"] == ("українська", "ltr", "uk/")
    assert names["ar"] == ("العربية", "rtl", "ar/")
    assert names["fa"][1] == "rtl"
    assert names["de"] == ("Deutsch", "ltr", "")


def test_the_active_language_chooses_the_catalog(tmp_path, monkeypatch):
    po = tmp_path / "uk" / "LC_MESSAGES" / "termine.po"
    po.parent.mkdir(parents=True)
    po.write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "heute"\nmsgstr "сьогодні"\n\n'
                  '#, fuzzy\nmsgid "morgen"\nmsgstr "завтра"\n', "utf-8")  # fmt: skip
    monkeypatch.setattr(languages, "LOCALE_DIR", tmp_path)
    languages.translations.cache_clear()
    _ = languages.Domain("termine").gettext
    try:
        with languages.active("uk") as uk:
            assert (uk.code, _("heute"), _("morgen")) == ("uk", "сьогодні", "morgen")  # fuzzy stays German
        assert _("heute") == "heute"
    finally:
        languages.translations.cache_clear()
