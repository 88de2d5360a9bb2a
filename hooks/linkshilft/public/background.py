"""Work beside the pages, done in other processes while MkDocs renders the pages.

Two parts of a large build need no page and no template: the notices' QR codes (qr.py) and
the calendar files, a year of hours for every office (3.5 s and 156 MB at 5,000 offices).
Both depend only on the data. On a machine with a core to spare, and a directory large
enough to be worth a process start, spawned processes make them from the moment MkDocs has
cleaned the site folder: the calendars are written straight into it, and the build waits
for them at its end. Otherwise everything happens in the build's own process.

`Background` holds that work for one build: the pool, the pending calendar job, the QR codes.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterable, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from linkshilft.exports import calendars
from linkshilft.public import qr
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


def write_calendars(
    dataset: m.Dataset, site_url: str, site_dir: str, days: int, window_days: int, *, codes: Sequence[str] = ("de",)
) -> int:
    """The job of a spawned process: every calendar file in every language, written into `site_dir`; returns how many."""
    return write_files(site_dir, calendars.calendar_files(dataset, site_url, days, window_days, codes=codes))


@dataclass(frozen=True)
class CalendarJob:
    """What the calendar files are made of. `hours`, each office's (held, cancelled) hours as the
    pages computed them, serve only the build's own process: sending them would cost more than
    a spawned process takes to compute them again."""

    dataset: m.Dataset
    site_url: str
    days: int  # each office's calendar
    window_days: int  # the calendar of all offices
    hours: Mapping[str, tuple[list, list]] | None = None
    codes: Sequence[str] = ("de",)  # the site's languages: each has its calendar files

    def files(self) -> list[tuple[str, bytes]]:
        return calendars.calendar_files(self.dataset, self.site_url, self.days, self.window_days, self.hours, codes=self.codes)


class Background:
    """The work beside the pages of one build: start() once MkDocs has cleaned the site folder,
    `qr.fill` on every finished page, finish() at the end; close() when a build fails or
    `mkdocs serve` builds again."""

    def __init__(self) -> None:
        self.qr = qr.QrCodes(())
        self._pool: ProcessPoolExecutor | None = None
        self._calendars: Future | None = None
        self._job: CalendarJob | None = None
        self._site_dir: Path | None = None

    def start(self, site_dir: Path, job: CalendarJob, qr_urls: Sequence[str]) -> None:
        """Starts the calendar files (into `site_dir`) and the QR codes of the pages `qr_urls`."""
        self.close()
        self._pool = pool(len(job.dataset.public_offices()))
        self._job, self._site_dir = job, site_dir
        if self._pool is not None:  # first in the queue: the QR codes are needed only later
            work = (job.dataset, job.site_url, str(site_dir), job.days, job.window_days)
            self._calendars = self._pool.submit(write_calendars, *work, codes=tuple(job.codes))
        self.qr = qr.QrCodes(qr_urls, self._pool)

    def finish(self) -> None:
        """Waits for the calendar files, or writes them here if no other process did."""
        if self._calendars is not None:
            self._calendars.result()
        elif self._site_dir is not None and self._job is not None:
            write_files(str(self._site_dir), self._job.files())
        self.close()

    def close(self) -> None:
        self.qr.close()
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
        self._pool, self._calendars = None, None
