"""Topic and district names in the site's other languages: `translations:` in topics.yaml and districts.yaml.

    - id: miete
      name: Miete und Nebenkosten
      description: …
      translations:
        uk: {name: Оренда та комунальні витрати, description: …}

The schema checks the shape (a language code, a non-empty name and, for topics, description).
Here: a translation into a language the site does not have is an error (nobody would ever see it,
and "ua" for "uk" is a typing slip); a language of the site without a translation is a warning,
a condition that never stops the build: its pages show the German text, marked as German.
The site's languages are the setting's (`extra.linkshilft.languages`, languages.translated), which the
caller passes in; without them (None: tools that only read the data) no language is checked.
"""

from __future__ import annotations

from collections.abc import Sequence

from linkshilft import languages
from linkshilft.problems import Problem, field_path
from linkshilft.records.conditions import Condition
from linkshilft.records.load import Document

KIND = "translation-missing"
LISTS = ("topics", "districts")


def _entries(records):
    for key in LISTS:
        for document, index in getattr(records, key):
            yield key, document, index, document.data[key][index]


def problems(records, configured: Sequence[str] | None) -> list[Problem]:
    """A translation into a language the site does not have, or into German (the source)."""
    found = []
    for key, document, index, entry in _entries(records):
        for code in entry.get("translations", {}):
            parts = (key, index, "translations", code)
            if code == languages.SOURCE:
                fields = "name und description" if key == "topics" else "name"
                message = f"Deutsch ist die Ausgangssprache: der deutsche Text steht schon in {fields}"
            elif configured is not None and code not in configured:
                message = f'"{code}" ist keine Sprache der Seite (eingerichtet: {", ".join(sorted(configured)) or "nur Deutsch"})'
            else:
                continue
            found.append(_at(document, parts, message))
    return found


def conditions(records, configured: Sequence[str] | None) -> list[Condition]:
    """One warning per topic or district that lacks a language of the site."""
    found = []
    for key, document, index, entry in _entries(records):
        missing = [code for code in sorted(configured or ()) if code not in entry.get("translations", {})]
        if missing:
            names = ", ".join(missing)
            problem = _at(
                document, (key, index, "translations"), f"Übersetzung fehlt für {names} (dort steht der deutsche Text)"
            )
            found.append(Condition(KIND, entry["id"], problem))
    return found


def _at(document: Document, parts: tuple, message: str) -> Problem:
    return Problem(document.path, document.line_of(parts), field_path(parts), message)
