"""Bring the translation catalogs up to date with the sources (`make translations`).

For each catalog (languages.DOMAINS) Babel extracts the marked texts into locale/<domain>.pot,
using locale/<domain>.cfg for which files to read, and merges them into every language of
`extra.linkshilft.languages` in mkdocs.yml: new texts arrive empty, removed ones become obsolete
(#~), and a language that has no catalog yet gets one. Fuzzy matching is off: a guess from a
similar text would look translated and be wrong. tests/test_translations.py fails until every
entry is translated.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from babel.messages.frontend import CommandLineInterface
from linkshilft.languages import DOMAINS, LOCALE_DIR, SOURCE
from linkshilft.public.settings import read

ROOT = Path(__file__).resolve().parents[1]
KEYWORDS = ["-k", "_", "-k", "gettext", "-k", "ngettext:1,2", "-k", "pgettext:1c,2", "-k", "npgettext:1c,2,3"]


def main() -> int:
    settings, problems = read(ROOT / "mkdocs.yml")
    if problems:
        print("\n".join(str(problem) for problem in problems), file=sys.stderr)
        return 1
    codes = [code for code in (settings or {}).get("languages", []) if code != SOURCE]
    babel = CommandLineInterface()
    os.chdir(ROOT)  # the "#:" lines name sources relative to the checkout, the same on every machine
    for domain in DOMAINS:
        template = LOCALE_DIR / f"{domain}.pot"
        babel.run([
            "pybabel", "-q", "extract", "-F", str(LOCALE_DIR / f"{domain}.cfg"), *KEYWORDS, "--sort-by-file",
            "--project=linkshilft", "--copyright-holder=DIE LINKE Sachsen", "--msgid-bugs-address=-",
            "-o", str(template), ".",
        ])  # fmt: skip
        for code in codes:
            babel.run([
                "pybabel", "-q", "update", "--init-missing", "--no-fuzzy-matching", "--ignore-obsolete",
                "-i", str(template), "-d", str(LOCALE_DIR), "-D", domain, "-l", code,
            ])  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
