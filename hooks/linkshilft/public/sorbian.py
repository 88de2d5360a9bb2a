"""German–Sorbian place names for the finder's town search: "Budyšin" finds Bautzen.

The pairs and their source are in sorbian_names.csv beside this module (editors change that
file, not this code). Each Sorbian name becomes a place of its own, at the German place's point,
written "Budyšin / Bautzen" so that the suggestion shows both names.
"""

from __future__ import annotations

import csv
from pathlib import Path

NAMES_FILE = Path(__file__).with_name("sorbian_names.csv")
# The Sorbian settlement area in Saxony (SächsSorbG § 3) lies in these two Landkreise; the German
# name is looked up only there ("Bernsdorf" is also a village near Zwickau).
SETTLEMENT_DISTRICTS = ("bautzen", "goerlitz")


def name_pairs(path: Path = NAMES_FILE) -> list[tuple[str, str]]:
    """(German, Sorbian) from the file; lines starting with # are its description and source."""
    lines = [line for line in path.read_text("utf-8").splitlines() if line.strip() and not line.startswith("#")]
    return [(row["deutsch"].strip(), row["sorbisch"].strip()) for row in csv.DictReader(lines)]


def display_name(german: str, sorbian: str) -> str:
    return f"{sorbian} / {german}"
