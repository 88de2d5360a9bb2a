"""Which entries of the data folder may be read: regular files and folders with safe names.

Anyone who opens a pull request chooses the names and kinds of the files in data/. A symlink
would make the loader read outside data/ (its values would then appear in the CI log) or read
without end (/dev/zero); a FIFO would block; a name with a line feed would break the lines of
the log; "index" would replace a folder's overview page; "con" or "nul" cannot be checked out
on Windows; two names that differ only in case are one file on Windows and macOS. Such
entries are refused before anything is read, with a German reason that never shows content.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterator
from pathlib import Path

from linkshilft.problems import printable
from linkshilft.records.suggest import slug

NAME = re.compile(r"[a-z0-9-]+")
DEVICES = ("con", "prn", "aux", "nul", *(f"com{n}" for n in range(1, 10)), *(f"lpt{n}" for n in range(1, 10)))
RESERVED = frozenset({"index", *DEVICES})
RESERVED_WHY = (
    '"index" ist die Übersichtsseite eines Ordners; con, prn, aux, nul, com1–9 und lpt1–9 sind Gerätenamen unter Windows'
)
SYMLINK = "{} ist ein symbolischer Verweis (Symlink); bitte {} selbst in den Datenordner legen"
NOT_REGULAR = "Eintrag ist keine gewöhnliche Datei (Ordner, Gerät, FIFO oder Socket)"
NAME_RULE = "nur Kleinbuchstaben a–z, Ziffern und Bindestriche"


def shown(text: str) -> str:
    """A path as messages show it: characters that would break a log line written as escapes."""
    return printable(text)


def refusal(path: Path, *, folder: bool = False) -> str | None:
    """Why the entry at `path` must not be read (German), or None. Never follows a symlink."""
    try:
        mode = os.lstat(path).st_mode
    except OSError as error:
        return f"kann nicht gelesen werden ({error.strerror})"
    if stat.S_ISLNK(mode):
        return SYMLINK.format("Ordner" if folder else "Datei", "den Ordner" if folder else "die Datei")
    if folder and not stat.S_ISDIR(mode):
        return "Eintrag ist kein Ordner"
    if not folder and not stat.S_ISREG(mode):
        return NOT_REGULAR
    return None


def name_refusal(name: str, siblings: set[str], *, folder: bool = False) -> str | None:
    """Why a file or folder name is not allowed (German), or None. `siblings`: the other names beside it."""
    stem = name if folder else name.removesuffix(".yaml")
    what = "Ordnername" if folder else "Dateiname"
    if not NAME.fullmatch(stem):
        twin = next((other for other in sorted(siblings) if other != name and other.casefold() == name.casefold()), None)
        if twin is not None:
            same = "unter Windows und macOS derselbe Ordner" if folder else "unter Windows und macOS dieselbe Datei"
            return f"{what} unterscheidet sich von {shown(twin)} nur in Groß- und Kleinschreibung ({same})"
        ending = "" if folder else ", Endung .yaml"
        return f"{what} ist nicht erlaubt: {NAME_RULE}{ending}{_rename_hint(stem, siblings, folder)}"
    if stem in RESERVED:
        return f'{what} "{stem}" ist reserviert ({RESERVED_WHY})'
    return None


def _rename_hint(stem: str, siblings: set[str], folder: bool) -> str:
    """The name to rename to, where it is unambiguous. The file name is the page address: an editor
    who is told only that the name is wrong tends to change the id inside instead."""
    better = slug(stem)
    target = better if folder else f"{better}.yaml"
    if not NAME.fullmatch(better) or better in RESERVED or target in siblings:
        return ""
    keep = "" if folder else " (die Kennung in der Datei bleibt)"
    return f' – bitte umbenennen in "{target}"{keep}'


def entries(folder: Path) -> Iterator[Path]:
    """The entries of `folder`, sorted, hidden ones (.gitkeep, .DS_Store) left out."""
    with os.scandir(folder) as listing:
        names = sorted(entry.name for entry in listing if not entry.name.startswith("."))
    for name in names:
        yield folder / name


def is_folder(path: Path) -> bool:
    """A real folder, not a symlink to one."""
    try:
        return stat.S_ISDIR(os.lstat(path).st_mode)
    except OSError:
        return False
