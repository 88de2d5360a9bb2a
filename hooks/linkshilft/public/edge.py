"""The edge between the package and its callers (MkDocs hooks, CLI): load once, or fail once."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from linkshilft import languages
from linkshilft.problems import DataError, Problem
from linkshilft.public.site import PublicSite
from linkshilft.records.pipeline import build_date, data_dir, load_dataset


def prepare(
    project_dir: Path,
    settings: dict | None = None,
    today: dt.date | None = None,
    settings_problems: list[Problem] | tuple[Problem, ...] = (),
) -> tuple[PublicSite, list[Problem]]:
    """Load and check all public data. Raises DataError with every problem, those of the settings
    (public/settings.py) first: all of them at once, never one kind before the other is read.
    Returns the site and warnings."""
    codes = languages.translated(settings or {})  # the setting reaches the data check, as the Impressum's problems do
    dataset, problems, warnings = load_dataset(data_dir(project_dir), today or build_date(), codes)
    if dataset is None or settings_problems:
        raise DataError([*settings_problems, *problems])
    return PublicSite(dataset, settings), warnings
