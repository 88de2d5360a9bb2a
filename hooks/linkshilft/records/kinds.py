"""The kinds of records: one row each, read by everyone who needs to know them.

The loader (pipeline.py, internal/records.py), the messages that point to where a record lives
(relations.py, suggest.py) and the field reference (cli/reference.py) all take the kinds from
here, so that a new kind is one new row, not five lists to keep in step.

A kind is stored in one of two ways:

- a list file: `data/districts.yaml` holds the list `districts:` (depth 0);
- a folder of one file per record: `data/counsellors/<kennung>.yaml` (depth 1), or one level
  deeper in a district's folder, `data/offices/<kreis>/<kennung>.yaml` (depth 2).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Kind:
    name: str  # the list file's or folder's name, and the list's key: "districts", "offices"
    schema: str  # schema/<schema>.schema.json
    label: str  # German, for the field reference: "Kreise", "Beratungsstelle"
    depth: int = 0  # 0: one list file; 1: a folder of record files; 2: record files in sub-folders
    required: bool = True  # a missing list file is an error ("Datei fehlt")
    public: bool = True  # False: internal records (data/internal), never read by the public site
    pattern: str = ""  # the file name pattern the reference shows, where it says more than <kennung>

    @property
    def is_list(self) -> bool:
        return self.depth == 0

    @property
    def file_name(self) -> str:
        return f"{self.name}.yaml"

    @property
    def where(self) -> str:
        """Where messages point editors to: "data/districts.yaml", "data/lawyers/"."""
        return f"data/{self.file_name}" if self.is_list else f"data/{self.name}/"

    @property
    def heading(self) -> str:
        """The field reference's heading: "Kreise: data/districts.yaml"."""
        if not self.public:
            return f"{self.label}: {self.pattern or (self.file_name if self.is_list else self.name + '/<kennung>.yaml')}"
        if self.is_list:
            return f"{self.label}: {self.where}"
        return f"{self.label}: {self.where}{self.pattern or '<kennung>.yaml'}"


# In the order the field reference shows them: single records first, then the lists.
PUBLIC = (
    Kind("offices", "office", "Beratungsstelle", depth=2, pattern="<kreis>/<kennung>.yaml"),
    Kind("counsellors", "counsellor", "Beraterin oder Berater", depth=1),
    Kind("lawyers", "lawyer", "Anleitende Volljuristin / anleitender Volljurist", depth=1),
    Kind("districts", "districts", "Kreise"),
    Kind("topics", "topics", "Themen"),
    Kind("mps", "mps", "Landtagsabgeordnete"),
    Kind("closures", "closures", "Landesweite Schließzeiten", required=False),
)
# Read lists first, offices last: a message about an office names the district, topic or
# counsellor it meant ("meinten Sie"), which needs their ids and names read before.
READ_ORDER = tuple(sorted(PUBLIC, key=lambda kind: kind.depth))
BY_NAME = {kind.name: kind for kind in PUBLIC}

# The internal records (measures 1–7), below data/internal: documented in INTERN.md.
INTERNAL = (
    Kind("survey", "internal-survey", "Erhebung (Maßnahme 1)", depth=1, public=False, pattern="survey/<stelle>.yaml"),
    Kind("mp_offices", "internal-mp-offices", "Bürgerbüros (Maßnahme 2)", required=False, public=False),
    Kind(
        "recruitment",
        "internal-recruitment",
        "Gewinnung von Ehrenamtlichen (Maßnahme 3)",
        depth=1,
        public=False,
        pattern="recruitment/<kreis>.yaml",
    ),
    Kind("modules", "internal-modules", "Schulungsmodule (Maßnahme 4)", required=False, public=False),
    Kind(
        "trainings",
        "internal-training",
        "Schulung (Maßnahme 4)",
        depth=1,
        public=False,
        pattern="trainings/<datum>-<kurzname>.yaml",
    ),
    Kind("interim", "internal-interim", "Übergangslösung (Maßnahme 5)", depth=1, public=False, pattern="interim/<stelle>.yaml"),
    Kind(
        "guidance",
        "internal-guidance",
        "Anleitung nach § 6 RDG (Maßnahme 6)",
        depth=1,
        public=False,
        pattern="guidance/<kennung>.yaml",
    ),
    Kind(
        "reports",
        "internal-report",
        "Kennzahlen eines früheren Berichts (Maßnahme 7)",
        depth=1,
        public=False,
        pattern="reports/<datum>.yaml",
    ),
)
