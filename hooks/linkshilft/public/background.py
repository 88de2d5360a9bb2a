"""Work beside the pages, done in other processes while MkDocs renders the pages.

Two parts of a large build need no page and no template: the notices' QR codes (qr.py) and
the calendar files, a year of hours for every office (3.5 s and 156 MB at 5,000 offices).
Both depend only on the data. On a machine with a core to spare, and a directory large
enough to be worth a process start, spawned processes make them from the moment MkDocs has
cleaned the site folder: the calendars are written straight into it, and the build waits
for them at its end. Otherwise everything happens in the build's own process.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from linkshilft.exports import calendars
from linkshilft.records import model as m

PARALLEL_FROM = 200  # offices; a smaller directory is done before a process has started


def spare_cores() -> int:
    """Cores this process may use beyond its own (the build itself keeps one busy)."""
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return usable - 1


def pool(offices: int, workers: int | None = None) -> ProcessPoolExecutor | None:
    """Processes for a directory of `offices`, or None when the build's own process does better."""
    workers = spare_cores() if workers is None else workers
    if workers < 1 or offices < PARALLEL_FROM:
        return None
    # "spawn": a fresh interpreter, safe even when `mkdocs serve` runs other threads.
    return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"))


def write_files(site_dir: str, files: Iterable[tuple[str, bytes]]) -> int:
    count = 0
    for path, content in files:
        target = Path(site_dir) / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
        count += 1
    return count


def write_calendars(dataset: m.Dataset, site_url: str, site_dir: str, days: int, window_days: int) -> int:
    """The job of a spawned process: every calendar file, written into `site_dir`; returns how many."""
    return write_files(site_dir, calendars.calendar_files(dataset, site_url, days, window_days))
